/// Real-valued examples for `kx`, `perceptron` and `mlp`: inputs `[N, D]` (row-major),
/// with class labels (classification) or real targets `[N]` (regression).
public struct PointSet: Sendable, Equatable {
    /// D: numbers per example (1 for curves, 2 for points in the plane).
    public let dimensions: Int
    /// `[N, D]`, row-major.
    public var inputs: [Float]
    /// Class of each example (classification); empty for regression.
    public var labels: [Int]
    /// Target of each example (regression); empty for classification.
    public var targets: [Float]
    /// Number of classes; 0 for regression.
    public let classes: Int

    public init(dimensions: Int, inputs: [Float], labels: [Int] = [], targets: [Float] = [], classes: Int = 0) {
        precondition(inputs.count % dimensions == 0)
        self.dimensions = dimensions
        self.inputs = inputs
        self.labels = labels
        self.targets = targets
        self.classes = classes
    }

    public var count: Int { inputs.count / dimensions }
    public var isClassification: Bool { classes > 0 }

    public func input(_ i: Int) -> ArraySlice<Float> { inputs[(i * dimensions)..<((i + 1) * dimensions)] }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> PointSet {
        var x: [Float] = []
        x.reserveCapacity(indices.count * dimensions)
        for i in indices { x.append(contentsOf: input(i)) }
        return PointSet(dimensions: dimensions, inputs: x,
                        labels: labels.isEmpty ? [] : indices.map { labels[$0] },
                        targets: targets.isEmpty ? [] : indices.map { targets[$0] },
                        classes: classes)
    }

    /// The first `count − held` examples for training and the last `held` for validation.
    func split(validationFraction: Double) -> (train: PointSet, validation: PointSet) {
        let held = Swift.min(count - 1, Int((Double(count) * validationFraction).rounded()))
        return (subset(Array(0..<(count - held))), subset(Array((count - held)..<count)))
    }

    /// Smallest and largest value of input column `d`.
    func range(of d: Int) -> ClosedRange<Double> {
        var lo = Float.infinity, hi = -Float.infinity
        for i in 0..<count {
            lo = Swift.min(lo, inputs[i * dimensions + d])
            hi = Swift.max(hi, inputs[i * dimensions + d])
        }
        return Double(lo)...Double(hi)
    }
}
