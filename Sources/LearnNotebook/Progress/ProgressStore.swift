import Foundation

/// What the student has done in one course: where they were, and which questions they answered.
public struct Progress: Codable, Equatable, Sendable {
    public var lesson: String?
    public var page: Int
    /// Quiz answers by "lesson-id/quiz-id" → the choice (1-based).
    public var answers: [String: Int]
    /// Lesson ids the student has reached the last page of.
    public var finished: Set<String>
    /// Exercises solved, by "lesson-id/cell-id".
    public var solved: Set<String>
    /// The process id of a notebook that has this course open and has not closed cleanly
    /// yet (nil once it has): found set, with that process gone, it says the last session
    /// ended on `lesson` without closing (a crash, a kill).
    public var openBy: Int32?

    public init(lesson: String? = nil, page: Int = 0, answers: [String: Int] = [:], finished: Set<String> = [],
                solved: Set<String> = [], openBy: Int32? = nil) {
        self.lesson = lesson
        self.page = page
        self.answers = answers
        self.finished = finished
        self.solved = solved
        self.openBy = openBy
    }

    enum CodingKeys: String, CodingKey { case lesson, page, answers, finished, solved, openBy }

    /// A file written before exercises existed has no `solved`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lesson = try c.decodeIfPresent(String.self, forKey: .lesson)
        page = try c.decode(Int.self, forKey: .page)
        answers = try c.decode([String: Int].self, forKey: .answers)
        finished = try c.decode(Set<String>.self, forKey: .finished)
        solved = try c.decodeIfPresent(Set<String>.self, forKey: .solved) ?? []
        openBy = try c.decodeIfPresent(Int32.self, forKey: .openBy)
    }

    /// `self` saved over `older`, which another notebook may have written since this one
    /// read it: answers and finished lessons are the union (this one's answer wins for the
    /// same question), the place and the open mark are this one's.
    func merged(over older: Progress) -> Progress {
        var merged = self
        merged.answers = older.answers.merging(answers) { _, mine in mine }
        merged.finished = older.finished.union(finished)
        merged.solved = older.solved.union(solved)
        return merged
    }
}

/// Keeps each course's `Progress` in `$XDG_STATE_HOME/learn/progress.json` (default
/// `~/.local/state/learn/`), keyed by the course's folder (its full path): an instructor's
/// lesson `perceptron` is not the shipped one.
///
/// Two notebooks may run at once: a save takes a lock (`flock` on `progress.lock`), reads
/// the file again, merges this course's progress into it and renames a new file over it,
/// so neither loses what the other wrote. A damaged file is moved aside and reported; a
/// file that cannot be read at all is moved aside too, and never written over.
public struct ProgressStore: Sendable {
    public let file: URL
    /// The course's key: its lessons folder, as a full path with symlinks resolved.
    public let course: String

    public init(course folder: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        self.init(file: base.appendingPathComponent("learn/progress.json"), course: folder)
    }

    public init(file: URL, course folder: String) {
        self.file = file
        course = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Every course's progress, as the file holds it.
    struct File: Codable {
        var courses: [String: Progress]
    }

    /// The file's contents, or why there are none.
    enum Read {
        case missing
        case courses([String: Progress])
        /// A file written before progress was kept per course: it belongs to whichever
        /// course reads it first (it was that course's, most likely the shipped one).
        case single(Progress)
        case damaged
        case unreadable(String)
    }

    /// This course's saved progress, a fresh one when there is none, and a warning when the
    /// file could not be read or decoded (it is then moved aside).
    public func load() -> (progress: Progress, warning: String?) {
        switch read() {
        case .missing: return (Progress(), nil)
        case .courses(let courses): return (courses[course] ?? Progress(), nil)
        case .single(let progress): return (progress, nil)
        case .damaged: return (Progress(), setAside(because: "was damaged"))
        case .unreadable(let reason): return (Progress(), setAside(because: "could not be read (\(reason))"))
        }
    }

    /// Merges `progress` into the file under the lock. Returns an error message instead of
    /// throwing: losing progress must never stop the lesson.
    @discardableResult
    public func save(_ progress: Progress) -> String? {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return "could not save progress to \(file.path): \(error.localizedDescription)"
        }
        let lock = open(file.deletingLastPathComponent().appendingPathComponent("progress.lock").path,
                        O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return "could not save progress: cannot open its lock file (\(String(cString: strerror(errno))))" }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { return "could not save progress: cannot lock it (\(String(cString: strerror(errno))))" }
        }
        var courses: [String: Progress] = [:]
        switch read() {
        case .missing: break
        case .courses(let saved): courses = saved
        case .single: break
        case .damaged: _ = setAside(because: "was damaged")
        case .unreadable(let reason):
            return "progress not saved: \(file.path) could not be read (\(reason)), and is not written over"
        }
        courses[course] = progress.merged(over: courses[course] ?? Progress())
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(File(courses: courses)).write(to: file, options: .atomic)
            return nil
        } catch {
            return "could not save progress to \(file.path): \(error.localizedDescription)"
        }
    }

    private func read() -> Read {
        var info = stat()
        if stat(file.path, &info) != 0 {
            return errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        // Only a regular file is opened: reading a FIFO would block.
        guard info.st_mode & S_IFMT == S_IFREG else { return .unreadable("not a regular file") }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            return .unreadable((error as NSError).localizedDescription)
        }
        if let saved = try? JSONDecoder().decode(File.self, from: data) { return .courses(saved.courses) }
        if let single = try? JSONDecoder().decode(Progress.self, from: data) { return .single(single) }
        return .damaged
    }

    /// Moves the file to `progress.json.damaged`; the warning to show.
    private func setAside(because problem: String) -> String {
        let aside = file.appendingPathExtension("damaged")
        try? FileManager.default.removeItem(at: aside)
        do {
            try FileManager.default.moveItem(at: file, to: aside)
            return "progress file \(problem); moved it to \(aside.path) and started afresh"
        } catch {
            return "progress file \(problem) and could not be moved aside: this session's progress will not be saved"
        }
    }
}
