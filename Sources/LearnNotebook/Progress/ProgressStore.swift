import Foundation

/// What the student has done: where they were, and which questions they answered.
public struct Progress: Codable, Equatable, Sendable {
    public var lesson: String?
    public var page: Int
    /// Quiz answers by "lesson-id/quiz-id" → the choice (1-based).
    public var answers: [String: Int]
    /// Lesson ids the student has reached the last page of.
    public var finished: Set<String>

    public init(lesson: String? = nil, page: Int = 0, answers: [String: Int] = [:], finished: Set<String> = []) {
        self.lesson = lesson
        self.page = page
        self.answers = answers
        self.finished = finished
    }
}

/// Keeps `Progress` in `$XDG_STATE_HOME/learn/progress.json` (default
/// `~/.local/state/learn/`). Writes are atomic (a temporary file renamed over the old
/// one); a damaged file is moved aside and reported, never a crash.
public struct ProgressStore: Sendable {
    public let file: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        file = base.appendingPathComponent("learn/progress.json")
    }

    public init(file: URL) { self.file = file }

    /// The saved progress, a fresh one when there is none, and a warning when the saved
    /// file could not be read (it is then renamed to `progress.json.damaged`).
    public func load() -> (progress: Progress, warning: String?) {
        guard let data = try? Data(contentsOf: file) else { return (Progress(), nil) }
        do {
            return (try JSONDecoder().decode(Progress.self, from: data), nil)
        } catch {
            let aside = file.appendingPathExtension("damaged")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: file, to: aside)
            return (Progress(), "progress file was damaged; moved it to \(aside.path) and started afresh")
        }
    }

    /// Saves atomically. Returns an error message instead of throwing: losing progress
    /// must never stop the lesson.
    @discardableResult
    public func save(_ progress: Progress) -> String? {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(progress).write(to: file, options: .atomic)
            return nil
        } catch {
            return "could not save progress to \(file.path): \(error.localizedDescription)"
        }
    }
}
