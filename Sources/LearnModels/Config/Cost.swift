/// What one training step of a config costs, estimated from its ``ModelSpec`` without
/// building anything: arithmetic (a forward and a backward pass, counted as 3× the
/// forward's multiply-adds, 2 flops each) and memory (parameters with their gradients and
/// optimiser state, and the activations a step keeps for its backward pass).
public struct Cost: Sendable, Equatable {
    public var flopsPerStep: Double
    public var bytes: Double
    public var steps: Int

    /// The arithmetic rate this estimate assumes: about what the transformer-large benchmark
    /// (9.8 GFLOP a step by this count, 1.9–2.8 steps/s) reaches on a 2-core Xeon.
    public static let flopsPerSecond = 2.0e10
    /// A step estimated above this is a lint error: a student would wait minutes for a curve.
    public static let maxSecondsPerStep = 10.0
    /// A step estimated above this is a lint warning: slower than a student can watch learn.
    public static let slowSecondsPerStep = 2.0
    /// A run estimated to need more memory than this is a lint error.
    public static let maxBytes = 2.0e9
    /// A whole run estimated above this is a lint warning (and close to `check`'s default
    /// per-cell time limit).
    public static let slowRunSeconds = 300.0

    public var secondsPerStep: Double { flopsPerStep / Self.flopsPerSecond }
    public var runSeconds: Double { secondsPerStep * Double(steps) }
}

extension ModelSpec {
    public func cost(_ c: RunConfig) -> Cost {
        let parameterCount = Double(parameters(c).reduce(0) { $0 + $1.count })
        let batch = Double(c.batch)
        let macs: Double
        let activations: Double
        switch kind {
        case .kx, .perceptron, .mlp:
            macs = batch * parameterCount
            activations = batch * Double(2 + c.layers.reduce(0, +)) * 3
        case .rnn, .lstm, .gru:
            let t = Double(time(c)), h = Double(c.hidden), e = Double(c.embed), v = Double(vocabularySize(c.data))
            let g = Double(gates)
            macs = batch * t * (g * h * (e + h) + v * h)
            activations = batch * t * (e + h * (2 * g + 2) + 3 * v)
        case .transformer:
            let t = Double(time(c)), e = Double(c.embed), v = Double(vocabularySize(c.data)), blocks = Double(c.blocks)
            macs = batch * t * (blocks * (12 * e * e + 2 * t * e) + v * e)
            activations = batch * t * (blocks * (16 * e + 2 * Double(c.heads) * t) + 3 * v)
        }
        return Cost(flopsPerStep: 6 * macs, bytes: 4 * (4 * parameterCount + activations), steps: c.steps)
    }
}
