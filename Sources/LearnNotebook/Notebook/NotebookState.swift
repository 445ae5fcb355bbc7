import LearnLessons

/// Everything about the notebook that a key press can change. A value: the view is a
/// function of it and of the live cells, so tests drive keys and read the frame.
public struct NotebookState: Equatable, Sendable {
    public enum Overlay: Equatable, Sendable {
        case help
        /// The table of contents, with the highlighted lesson.
        case contents(selected: Int)
        case knobs
        /// Inside one training step: which page of it, and which example is followed.
        case step(page: Int, example: Int)
        /// The bilingual glossary (`w`), with the highlighted entry.
        case glossary(selected: Int)
        /// `/`: the text typed so far and the highlighted hit.
        case search(query: String, selected: Int)
    }

    /// A search the student jumped from: `n` goes to its next hit until Esc.
    public struct Search: Equatable, Sendable {
        public var query: String
        public var hits: [PageSearch.Hit]
        public var current: Int
    }

    /// On narrow terminals the text and the panels take turns (`Tab`).
    public enum Focus: Equatable, Sendable { case text, panels }

    public var lesson = 0
    public var page = 0
    /// Lines of prose scrolled past.
    public var scroll = 0
    public var running = false
    public var speed = Speed.defaultLevel
    public var overlay: Overlay?
    public var selectedKnob = 0
    public var focus = Focus.text
    /// Focus, zoom, window and cursor of the page's panels.
    public var view = PanelView()
    /// Hints revealed, by page key (`lesson-id/page-id`).
    public var hintsShown: [String: Int] = [:]
    /// Quiz answers, by `lesson-id/quiz-id` → choice (1-based).
    public var answers: [String: Int] = [:]
    /// The latest try at each quiz this session (a wrong answer may be tried again).
    public var attempts: [String: Int] = [:]
    /// Exercises solved, by `lesson-id/cell-id`.
    public var solved: Set<String> = []
    /// Lessons whose last page the student has opened.
    public var finished: Set<String> = []
    /// A one-line message for the status bar (cleared by the next key).
    public var message: String?
    /// The search being stepped through, if any.
    public var search: Search?

    public init() {}
}

/// Training speed: a cap on steps per second, never more than the frame's time slice.
public enum Speed {
    public static let levels: [Double] = Schema.paces.map(Double.init)
    public static let defaultLevel = 6

    public static func stepsPerSecond(_ level: Int) -> Double {
        levels[min(max(level, 0), levels.count - 1)]
    }

    /// A run of `steps` opens at a pace a student can watch: about five seconds or more,
    /// and never faster than the default (100 steps/s). `+` and `-` change it.
    public static func pace(forSteps steps: Int) -> Int {
        let watchable = Double(steps) / 5
        return levels.lastIndex { $0 <= max(watchable, levels[0]) }.map { min($0, defaultLevel) } ?? 0
    }

    /// The level a cell opens at: its own `pace:`, else `pace(forSteps:)`.
    public static func opening(_ cell: ModelCell, steps: Int) -> Int {
        cell.pace.flatMap { pace in levels.firstIndex(of: Double(pace)) } ?? pace(forSteps: steps)
    }
}
