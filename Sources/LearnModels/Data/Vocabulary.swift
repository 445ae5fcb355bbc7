/// A character vocabulary: token `i` is `symbols[i]`. Built from the text (sorted, so the
/// same text always gives the same numbering) or from a task's alphabet.
public struct Vocabulary: Sendable, Equatable {
    public let symbols: [Character]
    private let index: [Character: Int]

    /// The vocabulary of `text`: every distinct character, in Unicode scalar order.
    public init(text: String) {
        self.init(symbols: Array(Set(text)).sorted { String($0).unicodeScalars.lexicographicallyPrecedes(String($1).unicodeScalars) })
    }

    /// A vocabulary with exactly these symbols, in this order (duplicates are a programmer error).
    public init(symbols: [Character]) {
        var index: [Character: Int] = [:]
        for (i, s) in symbols.enumerated() {
            precondition(index[s] == nil, "duplicate symbol \(s)")
            index[s] = i
        }
        self.symbols = symbols
        self.index = index
    }

    public var count: Int { symbols.count }

    public func id(_ c: Character) -> Int? { index[c] }

    /// Token ids of `text`; characters outside the vocabulary are a programmer error.
    public func encode(_ text: String) -> [Int] {
        text.map { c in
            guard let i = index[c] else { preconditionFailure("'\(c)' is not in the vocabulary") }
            return i
        }
    }

    public func decode(_ ids: [Int]) -> String { String(ids.map { symbols[$0] }) }

    /// A printable label per token: `␣` for space, `⏎` for newline, `⇥` for tab.
    public var labels: [String] { symbols.map(Self.label) }

    public static func label(_ c: Character) -> String {
        switch c {
        case " ": "␣"
        case "\n", "\r\n": "⏎"
        case "\t": "⇥"
        default: String(c)
        }
    }
}
