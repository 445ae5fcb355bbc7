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
        let held = Int((Double(ids.count) * validationFraction).rounded())
        let needed = context + 1
        guard ids.count - held >= needed, validationFraction == 0 || held >= needed else {
            throw ConfigError("text \(name) has \(ids.count) characters: too short for context \(context) with validation \(validationFraction)")
        }
        self.name = name
        vocabulary = tokens
        train = Array(ids[0..<(ids.count - held)])
        validation = held >= needed ? Array(ids[(ids.count - held)...]) : []
    }

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
