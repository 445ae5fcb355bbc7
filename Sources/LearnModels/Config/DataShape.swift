/// The shape of a run's data, which decides what a model can learn and what can be drawn.
public enum DataShape: String, CaseIterable, Sendable {
    /// y = target·x on x = 1…10.
    case line
    /// 2-D points with class labels.
    case points
    /// 1-D regression.
    case function
    /// Token sequences with a right answer (copy, reverse, sort, recall).
    case sequence
    /// Sentence pairs.
    case pairs
    /// A text corpus from a file.
    case text
}

extension DataSource {
    public var shape: DataShape {
        switch self {
        case .text: .text
        case .named(let name):
            switch name.kind {
            case .line: .line
            case .points: .points
            case .function: .function
            case .sequence: .sequence
            case .pairs: .pairs
            }
        }
    }
}

extension DatasetName {
    /// Classes of a 2-D point set (`blobs` and `three-points` have three); 0 for any other data.
    public var classes: Int {
        switch self {
        case .blobs, .threePoints: 3
        case .and, .or, .xor, .circle, .spiral, .moons: 2
        default: 0
        }
    }

    /// Tokens in one example of a sequence task of `length` symbols (`recall`: key, symbols, `?`).
    public func sequenceTime(length: Int) -> Int { self == .recall ? length + 2 : 2 * length }
}
