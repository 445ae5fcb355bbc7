import Testing
import LearnTensor
@testable import LearnModels

/// Central-difference gradient checks: for every parameter tensor of every model, a
/// sample of entries is perturbed by ±ε and `(L(p+ε) − L(p−ε)) / 2ε` is compared with the
/// gradient backward() computed. Float32 throughout, so:
enum GradientTolerance {
    /// Perturbation. Small enough that ReLU kinks are rarely crossed, large enough that
    /// float32 rounding of an O(1) loss (~1e-7) stays ~1e-4 of the difference.
    static let epsilon: Float = 1e-3
    /// Accept when |numeric − analytic| ≤ absolute + relative·max(|numeric|, |analytic|).
    static let absolute: Float = 2e-3
    static let relative: Float = 2e-2
    /// Entries checked per parameter tensor (all of them when the tensor is smaller).
    static let samples = 6
}

func checkGradients(_ config: RunConfig, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let trainer = try Trainer(config)
    var sampler = trainer.sampler
    let batch = trainer.nextBatch(&sampler)
    func loss() -> Float { Tensor.withoutGrad { Objective.evaluate(trainer.network, batch).loss.item } }
    for (_, t) in trainer.namedTensors { t.zeroGrad() }
    Objective.evaluate(trainer.network, batch).loss.backward()
    var rng = RandomSource(seed: 99)
    var checked = 0
    for (name, t) in trainer.namedTensors {
        let analytic = t.grad
        let picks = t.count <= GradientTolerance.samples ? Array(0..<t.count)
            : (0..<GradientTolerance.samples).map { _ in rng.int(below: t.count) }
        for i in picks {
            let original = t.data[i]
            t.data[i] = original + GradientTolerance.epsilon
            let up = loss()
            t.data[i] = original - GradientTolerance.epsilon
            let down = loss()
            t.data[i] = original
            let numeric = (up - down) / (2 * GradientTolerance.epsilon)
            let bound = GradientTolerance.absolute + GradientTolerance.relative * max(abs(numeric), abs(analytic[i]))
            #expect(abs(numeric - analytic[i]) <= bound, "\(name)[\(i)]: numeric \(numeric), analytic \(analytic[i])",
                    sourceLocation: sourceLocation)
            checked += 1
        }
    }
    #expect(checked > 0, sourceLocation: sourceLocation)
}

@Suite struct GradientCheckTests {
    @Test func kx() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.initialK = 0.3
        try checkGradients(c)
    }

    @Test func perceptron() throws {
        var c = RunConfig(model: .perceptron, data: .named(.or))
        c.batch = 16
        try checkGradients(c)
    }

    @Test(arguments: [Activation.tanh, .sigmoid, .relu])
    func mlpClassification(_ activation: Activation) throws {
        var c = RunConfig(model: .mlp, data: .named(.threePoints))
        c.layers = [5, 4]
        c.activation = activation
        c.batch = 16
        try checkGradients(c)
    }

    @Test func mlpRegression() throws {
        var c = RunConfig(model: .mlp, data: .named(.sin))
        c.layers = [6]
        c.activation = .tanh
        c.batch = 16
        try checkGradients(c)
    }

    @Test(arguments: [ModelKind.rnn, .lstm, .gru])
    func recurrent(_ kind: ModelKind) throws {
        var c = RunConfig(model: kind, data: .named(.reverse))
        c.dataOptions.length = 3
        c.embed = 4
        c.hidden = 5
        c.batch = 3
        try checkGradients(c)
    }

    @Test(arguments: [Norm.pre, .post])
    func transformer(_ norm: Norm) throws {
        var c = RunConfig(model: .transformer, data: .text(name: "t", contents: String(repeating: "abcab cabba acbca bacab ", count: 2)))
        c.embed = 8
        c.heads = 2
        c.blocks = 2
        c.context = 5
        c.norm = norm
        c.batch = 2
        try checkGradients(c)
    }
}
