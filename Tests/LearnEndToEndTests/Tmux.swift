import Foundation
import Testing

/// A detached tmux session running one command, read with `capture-pane` — the way a
/// person sees the notebook. Every session has a tmux server of its own (its own socket),
/// which ends with it: a shared server could be on its way out, its last session just
/// killed, when the next test asks it for a new one.
final class Tmux {
    let name: String
    let socket: String
    let stateHome: String

    static var available: Bool { (try? shell(["tmux", "-V"]).status) == 0 }

    /// Starts `learn arguments` in a `width`×`height` terminal. When it exits, the pane
    /// prints `exited with N` and stays, so the test can read what is left on screen.
    init(width: Int, height: Int, arguments: [String], stateHome: String? = nil, environment: [String: String] = [:]) throws {
        name = "learn-\(UUID().uuidString.prefix(8))"
        socket = NSTemporaryDirectory() + name + ".tmux"
        self.stateHome = stateHome ?? NSTemporaryDirectory() + "learn-state-" + UUID().uuidString
        var env = ["XDG_STATE_HOME": self.stateHome, "LEARN_LESSONS": Binary.lessons, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.keys.sorted().map { "\($0)='\(env[$0]!)'" }.joined(separator: " ")
        let command = "env \(assignments) '\(Binary.path)' \(arguments.map { "'\($0)'" }.joined(separator: " ")); echo \"exited with $?\"; sleep 120"
        let result = try Self.shell(["tmux", "-S", socket, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(result.output)") }
    }

    deinit {
        _ = try? Self.shell(["tmux", "-S", socket, "kill-server"])
        unlink(socket)
    }

    var screen: String { (try? Self.shell(["tmux", "-S", socket, "capture-pane", "-p", "-t", name]).output) ?? "" }

    func send(_ keys: String...) throws {
        try send(contentsOf: keys)
    }

    func send(contentsOf keys: [String]) throws {
        _ = try Self.shell(["tmux", "-S", socket, "send-keys", "-t", name] + keys)
    }

    /// A tmux format variable of the pane (`alternate_on`, `cursor_flag`, …).
    func pane(_ variable: String) -> String {
        ((try? Self.shell(["tmux", "-S", socket, "display", "-p", "-t", name, "#{\(variable)}"]).output) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        _ = try Self.shell(["tmux", "-S", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of `learn` (the child of the pane's shell).
    func learnPID() throws -> Int32? {
        let pane = try Self.shell(["tmux", "-S", socket, "display", "-p", "-t", name, "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try Self.shell(["pgrep", "-P", pane]).output.split(separator: "\n").first
        return child.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Polls the screen until `predicate` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func wait(upTo seconds: Double = 30, until predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = screen
            if predicate(last) { return (true, last) }
            usleep(100_000)
        }
        return (false, last)
    }

    func wait(for marker: String, upTo seconds: Double = 30) -> (ok: Bool, screen: String) {
        wait(upTo: seconds) { $0.contains(marker) }
    }

    /// Runs a command and returns its status and output (stdout, then stderr).
    static func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Subprocess.run(arguments[0], Array(arguments.dropFirst()))
        return (result.status, result.stdout + result.stderr)
    }
}

struct TmuxError: Error { let message: String }
