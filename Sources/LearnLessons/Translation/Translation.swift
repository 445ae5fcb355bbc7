/// A lesson file in a language folder (`Lessons/zh/NN-id.md`): the original's pages in
/// another language. It carries text only — prose, titles, quiz and prediction wording,
/// hints, exercise tasks — and names the original's model cells by id (`use:`), so the two
/// languages always train the same models and check the same expectations.
public struct Translation: Sendable, Equatable {
    public var id: String
    /// The language code: `zh`.
    public var language: String
    /// `source:`: the first 12 hex digits of the SHA-256 of the original it was made from
    /// (``Translation/stamp(of:)``).
    public var source: String
    public var sourceLocation: SourceLocation
    public var title: String
    public var summary: String
    public var pages: [TranslatedPage]
    public var path: String

    /// How many hex digits of the digest `source:` holds.
    public static let stampLength = 12

    /// The version stamp of an original's bytes: line endings normalised to `\n` (and a
    /// byte-order mark dropped) first, so a checkout with CRLF endings has the same stamp.
    public static func stamp(of bytes: [UInt8]) -> String {
        String(SHA256.hex(LineEndings.normalize(bytes)).prefix(stampLength))
    }
}

public struct TranslatedPage: Sendable, Equatable {
    public var title: String
    public var blocks: [TranslatedBlock]
    public var location: SourceLocation
}

/// A piece of a translated page, in file order.
public enum TranslatedBlock: Sendable, Equatable, PageBlock {
    case prose(String)
    /// A ` ```model ` block naming the original's cell: `use: ID`, with its question and
    /// task translated.
    case cell(CellText)
    case quiz(QuizText)
    case hint(String)
}

/// The words of a model cell: the cell itself comes from the original.
public struct CellText: Sendable, Equatable {
    /// The original cell's id.
    public var use: String
    public var predict: QuizText?
    /// `exercise: {task: …}`.
    public var task: String?
    public var location: SourceLocation
}

/// The words of a question (a quiz, or a cell's `predict:`); the answer is the original's.
public struct QuizText: Sendable, Equatable {
    /// The quiz's id (the cell's for a prediction).
    public var id: String
    public var ask: String
    public var choices: [String]
    /// Written only to be checked against the original's.
    public var answer: Int?
    public var answerLocation: SourceLocation?
    public var explain: String?
    public var location: SourceLocation
}
