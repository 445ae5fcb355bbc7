import LearnModels

/// One `expect:` line: `METRIC[ [LABEL] ] OP NUMBER`, or `METRIC[ [LABEL] ] OP METRIC[ [LABEL] ]`
/// to compare two runs of the cell, tested by `learn check` after the cell's `steps` (for
/// each seed).
public struct Expectation: Sendable, Equatable {
    public var metric: ExpectMetric
    /// A `compare:` label, or `nil` for the cell's own run.
    public var variant: String?
    public var op: ComparisonOp
    /// The number on the right; unused when `other` is set.
    public var value: Double
    /// The right side when it is another run's metric: (`loss`, `tiny`) for `… > loss[tiny]`.
    public var other: (metric: ExpectMetric, variant: String?)?
    /// The line as written (without a trailing comment).
    public var text: String
    public var location: SourceLocation

    public init(metric: ExpectMetric, variant: String?, op: ComparisonOp, value: Double,
                other: (metric: ExpectMetric, variant: String?)? = nil, text: String, location: SourceLocation) {
        self.metric = metric
        self.variant = variant
        self.op = op
        self.value = value
        self.other = other
        self.text = text
        self.location = location
    }

    /// Whether a measured value meets the expectation. NaN never does.
    public func holds(_ measured: Double) -> Bool {
        op.holds(measured, value)
    }

    public static func == (a: Expectation, b: Expectation) -> Bool {
        a.metric == b.metric && a.variant == b.variant && a.op == b.op && a.value == b.value
            && a.other?.metric == b.other?.metric && a.other?.variant == b.other?.variant && a.text == b.text && a.location == b.location
    }
}

/// What an expectation measures.
public enum ExpectMetric: Sendable, Hashable, CustomStringConvertible {
    case metric(MetricName)
    /// 1 if training diverged (a non-finite loss), else 0.
    case diverged
    /// A scalar parameter of the model, by its `model-conventions.md` name (`k`, `fc.bias`, …).
    case parameter(String)

    /// The word `diverged` in an expect line.
    public static let divergedName = "diverged"

    public var description: String {
        switch self {
        case .metric(let m): m.rawValue
        case .diverged: Self.divergedName
        case .parameter(let name): name
        }
    }
}

/// `<  <=  >  >=  ==`.
public enum ComparisonOp: String, CaseIterable, Sendable, Codable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=="

    /// Relative tolerance of `==`: |a − b| ≤ 1e-9 · max(1, |b|), so `accuracy == 1` holds for a
    /// fraction computed as correct/total, and tiny float noise does not fail a check.
    public static let equalityTolerance = 1e-9

    public func holds(_ a: Double, _ b: Double) -> Bool {
        guard !a.isNaN, !b.isNaN else { return false }
        switch self {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .equal: return abs(a - b) <= Self.equalityTolerance * max(1, abs(b))
        }
    }
}
