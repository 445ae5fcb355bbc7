/// A text for next-character prediction: its character vocabulary and the text as token
/// ids, split into a training part (the start) and a validation part (the last
/// `validation` fraction). Training takes random windows of `context + 1` characters.
public struct TextCorpus: Sendable, Equatable {
    public let name: String
    public let vocabulary: Vocabulary
    public let train: [Int]
    public let validation: [Int]

    /// Fails when the text is too short to hold a training window and a validation window.
    init(name: String, text: String, context: Int, validationFraction: Double) throws(ConfigError) {
        let tokens = Vocabulary(text: text)
        let ids = tokens.encode(text)
        if let problem = Self.problem(name: name, characters: ids.count, context: context, validationFraction: validationFraction) {
            throw problem
        }
        let held = Self.held(ids.count, validationFraction)
        let needed = context + 1
        self.name = name
        vocabulary = tokens
        train = Array(ids[0..<(ids.count - held)])
        validation = held >= needed ? Array(ids[(ids.count - held)...]) : []
    }

    /// Why a text of `characters` characters cannot hold a training window and a validation
    /// window of `context + 1`; nil when it can. The linter asks the same question.
    public static func problem(name: String, characters: Int, context: Int, validationFraction: Double) -> ConfigError? {
        let held = held(characters, validationFraction)
        let needed = context + 1
        guard characters - held < needed || (validationFraction > 0 && held < needed) else { return nil }
        return ConfigError("text `\(name)` has \(characters) characters: too short for `context: \(context)` with `validation: \(validationFraction)`; each part needs \(needed)",
                           key: "context", help: "lower `context`, set `validation: 0`, or use a longer text")
    }

    private static func held(_ characters: Int, _ fraction: Double) -> Int { Int((Double(characters) * fraction).rounded()) }

    /// A window of `context` inputs starting at `start` of `part`, with targets shifted by one.
    static func window(_ part: [Int], start: Int, context: Int) -> (input: [Int], target: [Int], scored: [Bool]) {
        (Array(part[start..<(start + context)]), Array(part[(start + 1)...(start + context)]), Array(repeating: true, count: context))
    }

    /// Up to `maximum` windows spread evenly over the validation part (the same every time).
    func validationSet(context: Int, maximum: Int = 32) -> TokenSet {
        var set = TokenSet(time: context)
        let starts = validation.count - context
        guard starts > 0 else { return set }
        let n = Swift.min(maximum, starts)
        for i in 0..<n {
            set.append(Self.window(validation, start: i * starts / n, context: context))
        }
        return set
    }
}
