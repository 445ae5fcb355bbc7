import LearnModels

/// Where something sits in a lesson file. Lines and columns count from 1; a column counts
/// Unicode scalars (as libYAML does), so a caret lines up under the character it names.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One lesson file, `NN-id.md`, parsed and validated.
public struct Lesson: Sendable, Equatable {
    /// `NN` from the file name: the lesson's place in the course.
    public var number: Int
    public var id: String
    public var title: String
    public var summary: String
    /// Expected reading-and-playing time, 1…120.
    public var minutes: Int
    /// Ids of lessons to read first (all exist in the same folder).
    public var requires: [String]
    public var pages: [Page]
    /// The file the lesson came from.
    public var path: String
    /// `draft: true`: linted, but not in the student's list nor in `learn check` unless asked.
    public var draft: Bool
    /// A file with errors, standing in the course as one page of its diagnostics (see
    /// ``LoadResult/standIn``); empty for a lesson that loaded.
    public var problems: [Diagnostic]
    /// The language of a translated lesson (`zh`); nil for an original.
    public var language: String?

    public init(number: Int, id: String, title: String, summary: String, minutes: Int,
                requires: [String], pages: [Page], path: String, draft: Bool = false, problems: [Diagnostic] = []) {
        self.number = number
        self.id = id
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.requires = requires
        self.pages = pages
        self.path = path
        self.draft = draft
        self.problems = problems
    }

    /// Every model cell of the lesson, in page order.
    public var modelCells: [ModelCell] {
        pages.compactMap(\.modelCell)
    }
}

/// A `## ` heading and everything up to the next one.
public struct Page: Sendable, Equatable {
    /// The heading slugified, or the explicit `{#id}`.
    public var id: String
    public var title: String
    public var blocks: [Block]
    public var location: SourceLocation

    public init(id: String, title: String, blocks: [Block], location: SourceLocation) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.location = location
    }

    /// The page's live cell (a page has at most one).
    public var modelCell: ModelCell? {
        for case .model(let cell) in blocks { return cell }
        return nil
    }
}

/// A piece of a page, in file order.
public enum Block: Sendable, Equatable {
    /// Markdown shown as text (paragraphs, lists, quotes, sub-headings, code shown never run).
    case prose(String)
    /// A live model cell.
    case model(ModelCell)
    /// A multiple-choice question.
    case quiz(Quiz)
    /// A hint: inline Markdown, shown on request.
    case hint(String)
}

/// A multiple-choice question (` ```quiz `).
public struct Quiz: Sendable, Equatable {
    public var id: String
    public var ask: String
    public var choices: [String]
    /// The right choice, counting from 1.
    public var answer: Int
    public var explain: String?
    public var location: SourceLocation

    public init(id: String, ask: String, choices: [String], answer: Int, explain: String?, location: SourceLocation) {
        self.id = id
        self.ask = ask
        self.choices = choices
        self.answer = answer
        self.explain = explain
        self.location = location
    }
}
