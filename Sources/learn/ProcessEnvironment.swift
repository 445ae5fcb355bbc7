import Foundation

/// Facts about how `learn` was started.
enum ProcessEnvironment {
    /// `NO_COLOR` set to anything non-empty (no-color.org).
    static var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether a process with this id exists (it may belong to another user).
    static func isRunning(_ pid: Int32) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }
}
