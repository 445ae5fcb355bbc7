import Testing
@testable import LearnTensor

@Suite struct ShapeOpsTests {
    @Test func transposeLastTwoByHand() {
        let t = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).transposed()
        #expect(t.shape == [3, 2])
        #expect(t.data == [1, 4, 2, 5, 3, 6])
    }

    @Test func transposeGradients() {
        expectGradients([randomTensor([2, 3, 4], seed: 1)]) { $0[0].transposed() }
        expectGradients([randomTensor([2, 3, 4], seed: 2)]) { $0[0].transposed(0, 2) }
        expectGradients([randomTensor([2, 3, 2, 2], seed: 3)]) { $0[0].transposed(1, 2) }
    }

    @Test func transposeOuterAxesByHand() {
        let x = Tensor((0..<12).map(Float.init), shape: [2, 3, 2])
        let t = x.transposed(0, 1)
        #expect(t.shape == [3, 2, 2])
        #expect(t.data == [0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11])
    }

    @Test func reshapeInfersAndKeepsGradient() {
        let x = randomTensor([2, 6], seed: 4)
        #expect(x.reshaped([3, -1]).shape == [3, 4])
        expectGradients([x]) { $0[0].reshaped([4, 3]).squared() }
    }

    @Test func sliceValuesAndGradient() {
        let x = Tensor((0..<12).map(Float.init), shape: [3, 4])
        #expect(x.slice(axis: 1, 1..<3).data == [1, 2, 5, 6, 9, 10])
        #expect(x.slice(axis: 0, 2..<3).data == [8, 9, 10, 11])
        expectGradients([randomTensor([3, 4], seed: 5)]) { $0[0].slice(axis: 1, 1..<3) }
    }

    @Test func splitIntoGatesAndGradient() {
        let x = Tensor((0..<8).map(Float.init), shape: [1, 8])
        let parts = x.split(axis: 1, parts: 4)
        #expect(parts.map(\.data) == [[0, 1], [2, 3], [4, 5], [6, 7]])
        expectGradients([randomTensor([2, 8], seed: 6)]) { t in
            let g = t[0].split(axis: -1, parts: 4)
            return g[0].sigmoid() * g[2].tanh() + g[1] * g[3]
        }
    }

    @Test func concatValuesAndGradients() {
        let a = Tensor([1, 2, 3, 4], shape: [2, 2]), b = Tensor([5, 6], shape: [2, 1])
        #expect(concat([a, b], axis: 1).data == [1, 2, 5, 3, 4, 6])
        #expect(concat([a, a], axis: 0).data == [1, 2, 3, 4, 1, 2, 3, 4])
        expectGradients([randomTensor([2, 2], seed: 7), randomTensor([2, 3], seed: 8)]) { concat($0, axis: 1) }
        expectGradients([randomTensor([1, 3], seed: 9), randomTensor([2, 3], seed: 10)]) { concat($0, axis: 0) }
    }

    @Test func stackValuesAndGradients() {
        let a = Tensor([1, 2], shape: [2]), b = Tensor([3, 4], shape: [2])
        #expect(stack([a, b], axis: 0).data == [1, 2, 3, 4])
        #expect(stack([a, b], axis: 1).data == [1, 3, 2, 4])
        #expect(stack([a, b], axis: 1).shape == [2, 2])
        expectGradients([randomTensor([2, 3], seed: 11), randomTensor([2, 3], seed: 12)]) { stack($0, axis: 1) }
    }
}
