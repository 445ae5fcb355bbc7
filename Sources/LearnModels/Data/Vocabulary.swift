/// A character vocabulary: token `i` is `symbols[i]`. Built from the text (sorted, so the
/// same text always gives the same numbering) or from a task's alphabet.
public struct Vocabulary: Sendable, Equatable {
    public let symbols: [Character]
    private let index: [Character: Int]
    /// The token every character outside the vocabulary becomes (text corpora only).
    public let unknown: Int?

    /// A text keeps at most this many distinct characters: the embedding, the output layer
    /// and every logit grow with the vocabulary, and a megabyte of rare graphemes (~213,000
    /// distinct) once asked for a 55.7 GB allocation.
    public static let maxTextSymbols = 256
    /// What the characters beyond ``maxTextSymbols`` become.
    public static let unknownSymbol: Character = "\u{FFFD}"

    /// The vocabulary of `text`: its distinct characters in Unicode scalar order — at most
    /// the ``maxTextSymbols`` most frequent (ties to the earlier in scalar order), then one
    /// unknown token `�` that stands for all the others.
    public init(text: String) {
        let precedes = { (a: Character, b: Character) in String(a).unicodeScalars.lexicographicallyPrecedes(String(b).unicodeScalars) }
        var counts: [Character: Int] = [:]
        for c in text { counts[c, default: 0] += 1 }
        guard counts.count > Self.maxTextSymbols else {
            self.init(symbols: counts.keys.sorted(by: precedes))
            return
        }
        let kept = counts.sorted { $0.value != $1.value ? $0.value > $1.value : precedes($0.key, $1.key) }
            .prefix(Self.maxTextSymbols).map(\.key).sorted(by: precedes)
        self.init(symbols: kept.contains(Self.unknownSymbol) ? kept : kept + [Self.unknownSymbol], unknown: Self.unknownSymbol)
    }

    /// A vocabulary with exactly these symbols, in this order (duplicates are a programmer
    /// error); characters outside it become `unknown`, if given (it must be one of them).
    public init(symbols: [Character], unknown: Character? = nil) {
        var index: [Character: Int] = [:]
        for (i, s) in symbols.enumerated() {
            precondition(index[s] == nil, "duplicate symbol \(s)")
            index[s] = i
        }
        self.symbols = symbols
        self.index = index
        if let unknown {
            guard let id = index[unknown] else { preconditionFailure("the unknown symbol \(unknown) is not in the vocabulary") }
            self.unknown = id
        } else {
            self.unknown = nil
        }
    }

    public var count: Int { symbols.count }

    public func id(_ c: Character) -> Int? { index[c] }

    /// Token ids of `text`; characters outside the vocabulary become `unknown` (without
    /// one, they are a programmer error).
    public func encode(_ text: String) -> [Int] {
        text.map { c in
            guard let i = index[c] ?? unknown else { preconditionFailure("'\(c)' is not in the vocabulary") }
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
