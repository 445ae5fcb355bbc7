import Testing
@testable import LearnTensor

@Suite struct MaskEmbeddingTests {
    @Test func causalMaskIsTrueAboveTheDiagonal() {
        #expect(causalMask(3) == [false, true, true, false, false, true, false, false, false])
        #expect(causalMask(1) == [false])
    }

    @Test func maskedFillRepeatsOverLeadingDims() {
        let x = Tensor((0..<8).map(Float.init), shape: [2, 2, 2])
        #expect(x.maskedFill(causalMask(2), value: -1).data == [0, -1, 2, 3, 4, -1, 6, 7])
    }

    @Test func maskedFillGradientIsZeroWhereMasked() {
        let x = randomTensor([2, 3, 3], seed: 1)
        expectGradients([x]) { $0[0].maskedFill(causalMask(3), value: 0.5) }
        x.zeroGrad()
        x.maskedFill(causalMask(3), value: 0).sum().backward()
        #expect(x.grad[1] == 0 && x.grad[0] == 1 && x.grad[9 + 5] == 0)
    }

    @Test func causalSoftmaxPutsNoWeightOnTheFuture() {
        let scores = randomTensor([2, 4, 4], seed: 2, requiresGrad: false)
        let a = scores.maskedFill(causalMask(4), value: -.infinity).softmax()
        #expect(a.data[1] == 0 && a.data[2] == 0 && a.data[3] == 0)
        #expect(a.data[0] == 1)
        for r in 0..<8 { expectClose([a.data[(r * 4)..<(r * 4 + 4)].reduce(0, +)], [1]) }
        expectGradients([randomTensor([1, 3, 3], seed: 3)]) { $0[0].maskedFill(causalMask(3), value: -.infinity).softmax() }
    }

    @Test func embeddingGathersRows() {
        let table = Tensor([0, 1, 10, 11, 20, 21], shape: [3, 2])
        let y = embedding(table, [2, 0, 2, 1], shape: [2, 2])
        #expect(y.shape == [2, 2, 2])
        #expect(y.data == [20, 21, 0, 1, 20, 21, 10, 11])
    }

    @Test func embeddingGradientScatterAddsRepeatedRows() {
        let table = randomTensor([4, 3], seed: 4)
        embedding(table, [1, 3, 1], shape: [3]).sum().backward()
        #expect(table.grad == [0, 0, 0, 2, 2, 2, 0, 0, 0, 1, 1, 1])
        expectGradients([randomTensor([4, 3], seed: 5)]) { embedding($0[0], [0, 2, 2, 3], shape: [2, 2]) }
    }
}
