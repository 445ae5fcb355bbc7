import Testing
@testable import LearnTensor

@Suite struct UnaryTests {
    @Test func expGradient() { expectGradients([randomTensor([3, 2], seed: 1)]) { $0[0].exp() } }
    @Test func logGradient() { expectGradients([randomTensor([3, 2], seed: 2, low: 0.5, high: 3)]) { $0[0].log() } }
    @Test func tanhGradient() { expectGradients([randomTensor([3, 2], seed: 3, low: -2, high: 2)]) { $0[0].tanh() } }
    @Test func sigmoidGradient() { expectGradients([randomTensor([3, 2], seed: 4, low: -3, high: 3)]) { $0[0].sigmoid() } }
    @Test func squaredGradient() { expectGradients([randomTensor([3, 2], seed: 5)]) { $0[0].squared() } }

    @Test func reluGradientAwayFromTheKink() {
        let x = Tensor([-1.5, -0.4, 0.3, 2, -0.7, 0.9], shape: [2, 3], requiresGrad: true)
        expectGradients([x]) { $0[0].relu() }
        #expect(x.detached().relu().data == [0, 0, 0.3, 2, 0, 0.9])
    }

    @Test func sigmoidIsStableAtExtremes() {
        let y = Tensor([-200, -30, 0, 30, 200], shape: [5]).sigmoid()
        #expect(y.data.allSatisfy { $0.isFinite })
        #expect(y.data[0] == 0 && y.data[2] == 0.5 && y.data[4] == 1)
    }

    @Test func handValues() {
        let x = Tensor([0, 1], shape: [2])
        expectClose(x.exp().data, [1, 2.7182817])
        expectClose(x.tanh().data, [0, 0.7615942])
        expectClose(Tensor([1, 2.7182817], shape: [2]).log().data, [0, 1])
    }
}
