import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with `posix_spawnp` and `waitpid`.
///
/// Not Foundation's `Process`: its `waitUntilExit` can miss a child's exit and wait
/// forever (seen in CI: the tmux client was a zombie, the test still waiting). Output goes
/// through files, never pipes, and the child inherits no other descriptor and no signal
/// mask: a tmux server outlives the command that starts it, and would otherwise hold the
/// test runner's pipes open and never hear of its own children's exit.
enum Subprocess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Where the child's stdout or stderr goes.
    enum Stream {
        /// A file read back into the result.
        case captured
        /// Another file (`/dev/full`, a path); the result's text for it is empty.
        case path(String)
        /// No descriptor at all (`>&-`).
        case closed
    }

    /// `program` (a path, or a name looked up in `PATH`) with `arguments`, stdin from
    /// `/dev/null`, in `environment` (this process's when nil). The status is the exit
    /// code, or 128 + the signal that ended it.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                    stdout: Stream = .captured, stderr: Stream = .captured) throws -> Result {
        let outPath = NSTemporaryDirectory() + "learn-out-" + UUID().uuidString
        let errPath = NSTemporaryDirectory() + "learn-err-" + UUID().uuidString
        defer {
            unlink(outPath)
            unlink(errPath)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (fd, stream, captured) in [(Int32(1), stdout, outPath), (Int32(2), stderr, errPath)] {
            switch stream {
            case .captured: posix_spawn_file_actions_addopen(&actions, fd, captured, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .path(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .closed: posix_spawn_file_actions_addclose(&actions, fd)
            }
        }
        // Every other open descriptor is closed in the child (glibc skips ones closed since).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        // The child starts with no signal blocked and every signal at its default: this
        // process's threads block some, and tmux would never hear of its children's exit.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(program): \(String(cString: strerror(spawned)))") }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid \(program): \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Result(status: code, stdout: read(outPath), stderr: read(errPath))
    }
}
