import Testing
@testable import LearnTensor

@Suite struct SoftmaxLossTests {
    @Test func softmaxOfOneTwoThree() {
        expectClose(Tensor([1, 2, 3], shape: [3]).softmax().data, [0.09003057, 0.24472847, 0.66524096])
        expectClose(Tensor([1, 2, 3], shape: [3]).logSoftmax().data, [-2.40760596, -1.40760596, -0.40760596])
    }

    @Test func softmaxIsStableForLargeLogits() {
        let y = Tensor([1000, 1001, 1002], shape: [3]).softmax()
        expectClose(y.data, [0.09003057, 0.24472847, 0.66524096])
        let l = Tensor([-1000, 0], shape: [2]).logSoftmax()
        expectClose(l.data, [-1000, 0])
    }

    @Test func softmaxGradients() {
        expectGradients([randomTensor([3, 4], seed: 1, low: -2, high: 2)]) { $0[0].softmax() }
        expectGradients([randomTensor([3, 4], seed: 2, low: -2, high: 2)]) { $0[0].softmax(axis: 0) }
    }

    @Test func logSoftmaxGradients() {
        expectGradients([randomTensor([3, 4], seed: 3, low: -2, high: 2)]) { $0[0].logSoftmax() }
        expectGradients([randomTensor([2, 3, 2], seed: 4, low: -2, high: 2)]) { $0[0].logSoftmax(axis: 1) }
    }

    @Test func crossEntropyOfAKnownRow() {
        let logits = Tensor([1, 2, 3, 1, 2, 3], shape: [2, 3])
        expectClose([crossEntropy(logits: logits, targets: [0, 2]).item], [(2.40760596 + 0.40760596) / 2])
    }

    @Test func crossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        let logits = Tensor([1, 2, 3], shape: [1, 3], requiresGrad: true)
        crossEntropy(logits: logits, targets: [1]).backward()
        expectClose(logits.grad, [0.09003057, 0.24472847 - 1, 0.66524096])
        expectGradients([randomTensor([4, 5], seed: 5, low: -2, high: 2)]) { crossEntropy(logits: $0[0], targets: [0, 4, 2, 2]) }
    }

    @Test func crossEntropyMatchesLogSoftmaxComposition() {
        let logits = randomTensor([3, 4], seed: 6, low: -3, high: 3, requiresGrad: false)
        let picked = logits.logSoftmax().data
        let expected = -(picked[1] + picked[4 + 3] + picked[8]) / 3
        expectClose([crossEntropy(logits: logits, targets: [1, 3, 0]).item], [expected])
    }

    @Test func mseValueAndGradients() {
        let p = Tensor([1, 2, 3], shape: [3]), t = Tensor([1, 0, 0], shape: [3])
        #expect(mse(p, t).item == 13.0 / 3)
        expectGradients([randomTensor([2, 3], seed: 7), randomTensor([2, 3], seed: 8)]) { mse($0[0], $0[1]) }
    }

    @Test func bceWithLogitsValueAndGradients() {
        let x = Tensor([0, 2, -1], shape: [3]), y = Tensor([1, 0, 0], shape: [3])
        // −log σ(0) = ln 2;  −log(1 − σ(2)) = 2 + ln(1 + e⁻²);  −log(1 − σ(−1)) = ln(1 + e⁻¹)
        let expected: Float = (0.6931472 + 2.1269280 + 0.3132617) / 3
        expectClose([bceWithLogits(x, y).item], [expected])
        let targets = Tensor([1, 0, 1, 0, 0, 1], shape: [2, 3], requiresGrad: true)
        expectGradients([randomTensor([2, 3], seed: 9, low: -3, high: 3), targets]) { bceWithLogits($0[0], $0[1]) }
    }

    @Test func bceWithLogitsIsStableForLargeLogits() {
        let loss = bceWithLogits(Tensor([200, -200], shape: [2]), Tensor([0, 1], shape: [2]))
        expectClose([loss.item], [200])
    }
}
