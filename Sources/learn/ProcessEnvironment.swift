import CMalloc
import Foundation

/// Facts about how `learn` was started.
enum ProcessEnvironment {
    /// `NO_COLOR` set to anything non-empty (no-color.org).
    static var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// A training step frees and allocates the same large buffers every step. By default
    /// glibc hands freed blocks of 128 KiB and more back to the system and takes them again
    /// as fresh pages, each 4 KiB zeroed by the kernel on first touch (a transformer-large
    /// step: ~8,000 page faults). Kept in the heap, they are reused as they are; the
    /// resident size stays at the peak of one step.
    static func keepFreedMemory() {
        #if os(Linux)
        mallopt(M_MMAP_THRESHOLD, 32 << 20)
        mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
