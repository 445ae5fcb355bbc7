/// Token sequences for next-token training: each example is `T` input tokens, `T` target
/// tokens (the input shifted by one) and a mask saying at which positions the loss and
/// accuracy count (the answer of a task; everything for text).
public struct TokenSet: Sendable, Equatable {
    /// T: input length of every example.
    public let time: Int
    /// `[N][T]`
    public var inputs: [[Int]]
    /// `[N][T]`: `targets[n][t]` is the token that should follow `inputs[n][0...t]`.
    public var targets: [[Int]]
    /// `[N][T]`: true where the position is scored.
    public var scored: [[Bool]]

    public var count: Int { inputs.count }

    /// Builds an example from a whole sequence `s` (length T + 1): inputs `s[0..<T]`,
    /// targets `s[1...T]`, scored at positions `first...last`.
    static func example(_ s: [Int], scoredFrom first: Int, to last: Int) -> (input: [Int], target: [Int], scored: [Bool]) {
        let t = s.count - 1
        return (Array(s[0..<t]), Array(s[1...t]), (0..<t).map { $0 >= first && $0 <= last })
    }

    init(time: Int) {
        self.time = time
        inputs = []
        targets = []
        scored = []
    }

    mutating func append(_ e: (input: [Int], target: [Int], scored: [Bool])) {
        precondition(e.input.count == time)
        inputs.append(e.input)
        targets.append(e.target)
        scored.append(e.scored)
    }

    /// The first `count − held` examples and the last `held`.
    func split(validationFraction: Double) -> (train: TokenSet, validation: TokenSet) {
        let held = Swift.min(count - 1, Int((Double(count) * validationFraction).rounded()))
        var a = TokenSet(time: time), b = TokenSet(time: time)
        for i in 0..<count {
            let e = (inputs[i], targets[i], scored[i])
            if i < count - held { a.append(e) } else { b.append(e) }
        }
        return (a, b)
    }
}
