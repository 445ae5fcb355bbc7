import Testing
import LearnModels

/// `forget_bias` sets the LSTM forget gate's input bias and nothing else.
@Suite struct ForgetBiasTests {
    func biasIH(_ c: RunConfig) throws -> [Float] {
        try #require(try Trainer(c).parameters.first { $0.name == "cell.bias_ih" }).value
    }

    @Test func fillsOnlyTheForgetSlice() throws {
        var c = RunConfig(model: .lstm, data: .named(.recall))
        c.hidden = 8
        let plain = try biasIH(c)
        c.forgetBias = 1
        let opened = try biasIH(c)
        #expect(opened.count == 32)
        #expect(Array(opened[8..<16]) == Array(repeating: 1, count: 8), "f is the second of i, f, g, o")
        #expect(Array(opened[0..<8]) == Array(plain[0..<8]))
        #expect(Array(opened[16..<32]) == Array(plain[16..<32]))
        #expect(Array(plain[8..<16]).allSatisfy { abs($0) <= 1 / Float(8).squareRoot() }, "default: PyTorch's U(−1/√H, 1/√H)")
    }

    @Test func otherCellsIgnoreIt() throws {
        var c = RunConfig(model: .gru, data: .named(.recall))
        c.hidden = 8
        let plain = try biasIH(c)
        c.forgetBias = 1
        #expect(try biasIH(c) == plain)
    }
}
