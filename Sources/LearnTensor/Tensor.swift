/// A node in the autodiff graph: float32 values in one contiguous row-major array.
///
/// Ops compute eagerly. When an input requires gradients (and gradient recording is on,
/// see ``withoutGrad(_:)``), the output remembers its inputs and a backward closure that
/// adds `∂loss/∂input = ∂loss/∂output · ∂output/∂input` into each input's ``grad``.
/// The closure receives the output as an argument instead of capturing it, so inputs
/// never point back at outputs: dropping the loss frees its whole graph.
public final class Tensor: CustomStringConvertible {
    public let shape: [Int]
    /// Values, row-major; `data.count == shape.product`.
    public var data: [Float]
    /// `∂loss/∂self` after ``backward()``; zeros for a leaf that requires gradients,
    /// allocated lazily for intermediate nodes, empty for tensors outside any graph.
    public var grad: [Float]
    /// Leaves set this to collect gradients; op outputs get it when any input has it.
    public var requiresGrad: Bool {
        didSet { if requiresGrad && backwardFn == nil { ensureGrad() } }
    }
    /// The op that made this tensor (`"leaf"` for inputs and parameters), for display.
    public private(set) var op: String = "leaf"
    /// Inputs of the op that made this tensor, in argument order (empty for leaves).
    public private(set) var inputs: [Tensor] = []
    /// Adds this node's gradient into its inputs' gradients; `nil` for leaves.
    private(set) var backwardFn: ((Tensor) -> Void)?

    public var count: Int { data.count }

    public init(_ data: [Float], shape: [Int], requiresGrad: Bool = false) {
        precondition(data.count == Shape.count(shape), "\(data.count) values do not fill shape \(shape)")
        self.shape = shape
        self.data = data
        self.grad = requiresGrad ? [Float](repeating: 0, count: data.count) : []
        self.requiresGrad = requiresGrad
    }

    /// A scalar of shape `[]`.
    public convenience init(scalar: Float) {
        self.init([scalar], shape: [])
    }

    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor([Float](repeating: 0, count: Shape.count(shape)), shape: shape, requiresGrad: requiresGrad)
    }

    public static func ones(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor([Float](repeating: 1, count: Shape.count(shape)), shape: shape, requiresGrad: requiresGrad)
    }

    /// Values drawn from U(low, high) in row-major order.
    public static func uniform(_ shape: [Int], low: Float, high: Float, rng: inout RandomSource,
                               requiresGrad: Bool = false) -> Tensor {
        var values = [Float](repeating: 0, count: Shape.count(shape))
        for i in values.indices { values[i] = rng.uniform(low, high) }
        return Tensor(values, shape: shape, requiresGrad: requiresGrad)
    }

    /// Values drawn from N(mean, std²) in row-major order.
    public static func normal(_ shape: [Int], mean: Float = 0, std: Float = 1, rng: inout RandomSource,
                              requiresGrad: Bool = false) -> Tensor {
        var values = [Float](repeating: 0, count: Shape.count(shape))
        for i in values.indices { values[i] = rng.normal(mean: mean, std: std) }
        return Tensor(values, shape: shape, requiresGrad: requiresGrad)
    }

    /// The value of a one-element tensor.
    public var item: Float {
        precondition(data.count == 1, "item needs a one-element tensor, shape is \(shape)")
        return data[0]
    }

    /// The same values with no graph and no gradient.
    public func detached() -> Tensor {
        Tensor(data, shape: shape)
    }

    /// Allocates `grad` (zeros) if it is not there yet.
    @inline(__always)
    func ensureGrad() {
        if grad.count != data.count { grad = [Float](repeating: 0, count: data.count) }
    }

    /// Adds an op's contribution to ``grad`` through `body(pointer, fresh)`: where no
    /// gradient has arrived yet, `grad` is allocated without zeros and `fresh` is true, and
    /// `body` must write every element (a product then overwrites instead of accumulating);
    /// otherwise `body` adds into it.
    @inline(__always)
    func addToGrad(_ body: (UnsafeMutablePointer<Float>, _ fresh: Bool) -> Void) {
        if grad.count == data.count {
            grad.withUnsafeMutableBufferPointer { body($0.baseAddress!, false) }
        } else {
            grad = [Float](writing: data.count) { body($0, true) }
        }
    }

    /// `grad[i] += contribution(i)` for every element, the contribution written as it is
    /// where no gradient has arrived yet (no zero fill first: the same numbers, one pass).
    @inline(__always)
    func accumulateGrad(_ contribution: (Int) -> Float) {
        addToGrad { g, fresh in
            if fresh {
                for i in 0..<count { g[i] = contribution(i) }
            } else {
                for i in 0..<count { g[i] += contribution(i) }
            }
        }
    }

    /// Makes `self` an op output: records the op name, its inputs and its backward closure.
    /// Call only when ``Tensor/recording(_:)`` said so.
    func record(_ op: String, _ inputs: [Tensor], _ backward: @escaping (Tensor) -> Void) {
        self.op = op
        self.inputs = inputs
        self.backwardFn = backward
        self.requiresGrad = true
    }

    public var description: String { TensorFormat.describe(self) }
}
