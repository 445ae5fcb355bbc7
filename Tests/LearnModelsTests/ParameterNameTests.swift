import Testing
@testable import LearnModels

/// Names and shapes exactly as the table in model-conventions.md.
@Suite struct ParameterNameTests {
    func shapes(_ c: RunConfig) throws -> [String] {
        try Trainer(c).parameters.map { "\($0.name) \($0.shape)" }
    }

    @Test func kx() throws {
        #expect(try shapes(RunConfig(model: .kx, data: .named(.line))) == ["k [1]"])
    }

    @Test func perceptron() throws {
        #expect(try shapes(RunConfig(model: .perceptron, data: .named(.and))) == ["fc.weight [1, 2]", "fc.bias [1]"])
    }

    @Test func mlp() throws {
        var c = RunConfig(model: .mlp, data: .named(.blobs))
        c.layers = [32, 16]
        #expect(try shapes(c) == [
            "layers.0.weight [32, 2]", "layers.0.bias [32]",
            "layers.1.weight [16, 32]", "layers.1.bias [16]",
            "layers.2.weight [3, 16]", "layers.2.bias [3]",
        ])
        c.layers = []
        c.data = .named(.sin)
        #expect(try shapes(c) == ["layers.0.weight [1, 1]", "layers.0.bias [1]"])
    }

    @Test(arguments: [(ModelKind.rnn, 1), (.lstm, 4), (.gru, 3)])
    func recurrent(_ kind: ModelKind, _ gates: Int) throws {
        var c = RunConfig(model: kind, data: .named(.copy))   // V = 9: a…h and "="
        c.embed = 6
        c.hidden = 10
        #expect(try shapes(c) == [
            "embed.weight [9, 6]",
            "cell.weight_ih [\(gates * 10), 6]", "cell.weight_hh [\(gates * 10), 10]",
            "cell.bias_ih [\(gates * 10)]", "cell.bias_hh [\(gates * 10)]",
            "head.weight [9, 10]", "head.bias [9]",
        ])
    }

    @Test(arguments: [Norm.pre, .post])
    func transformer(_ norm: Norm) throws {
        var c = RunConfig(model: .transformer, data: .named(.copy))
        c.embed = 8
        c.heads = 2
        c.blocks = 2
        c.norm = norm
        var expected = ["tok_emb.weight [9, 8]"]
        for i in 0..<2 {
            expected += ["blocks.\(i).ln1.weight [8]", "blocks.\(i).ln1.bias [8]"]
            for w in ["wq", "wk", "wv", "wo"] {
                expected += ["blocks.\(i).attn.\(w).weight [8, 8]", "blocks.\(i).attn.\(w).bias [8]"]
            }
            expected += ["blocks.\(i).ln2.weight [8]", "blocks.\(i).ln2.bias [8]",
                         "blocks.\(i).ffn.fc1.weight [32, 8]", "blocks.\(i).ffn.fc1.bias [32]",
                         "blocks.\(i).ffn.fc2.weight [8, 32]", "blocks.\(i).ffn.fc2.bias [8]"]
        }
        if norm == .pre { expected += ["ln_f.weight [8]", "ln_f.bias [8]"] }
        expected += ["head.weight [9, 8]", "head.bias [9]"]
        #expect(try shapes(c) == expected)
    }

    @Test func initialisationFollowsPyTorchDefaults() throws {
        var c = RunConfig(model: .lstm, data: .named(.copy))
        c.hidden = 16
        c.embed = 8
        let p = Dictionary(uniqueKeysWithValues: try Trainer(c).parameters.map { ($0.name, $0.value) })
        let bound: Float = 1 / 4   // 1/√H
        for name in ["cell.weight_ih", "cell.weight_hh", "cell.bias_ih", "cell.bias_hh", "head.weight", "head.bias"] {
            #expect(p[name]!.allSatisfy { abs($0) <= bound }, "\(name)")
            #expect(p[name]!.contains { abs($0) > bound / 2 }, "\(name) spans its range")
        }
        // Embedding ~ N(0, 1): some entries beyond the uniform bound.
        #expect(p["embed.weight"]!.contains { abs($0) > 1 })
    }

    @Test func layerNormStartsAsIdentityScale() throws {
        var c = RunConfig(model: .transformer, data: .named(.copy))
        c.embed = 8
        let p = Dictionary(uniqueKeysWithValues: try Trainer(c).parameters.map { ($0.name, $0.value) })
        #expect(p["blocks.0.ln1.weight"]! == Array(repeating: 1, count: 8))
        #expect(p["ln_f.bias"]! == Array(repeating: 0, count: 8))
    }
}
