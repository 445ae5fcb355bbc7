import Testing
@testable import LearnTensor

@Suite struct MatmulTests {
    @Test func twoByTwoByHand() {
        let a = Tensor([1, 2, 3, 4], shape: [2, 2]), b = Tensor([5, 6, 7, 8], shape: [2, 2])
        #expect(matmul(a, b).data == [19, 22, 43, 50])
    }

    @Test func matrixGradients() {
        expectGradients([randomTensor([3, 4], seed: 1), randomTensor([4, 5], seed: 2)]) { matmul($0[0], $0[1]) }
    }

    @Test func batchedGradients() {
        let a = randomTensor([2, 3, 4], seed: 3), b = randomTensor([2, 4, 2], seed: 4)
        #expect(matmul(a, b).shape == [2, 3, 2])
        expectGradients([a, b]) { matmul($0[0], $0[1]) }
    }

    @Test func batchedTimesSharedMatrixGradients() {
        let a = randomTensor([2, 2, 3, 4], seed: 5), b = randomTensor([4, 3], seed: 6)
        #expect(matmul(a, b).shape == [2, 2, 3, 3])
        expectGradients([a, b]) { matmul($0[0], $0[1]) }
    }

    @Test func batchedMatchesPerBatchProducts() {
        let a = randomTensor([3, 2, 5], seed: 7, requiresGrad: false)
        let b = randomTensor([3, 5, 4], seed: 8, requiresGrad: false)
        let c = matmul(a, b)
        for t in 0..<3 {
            let single = matmul(a.slice(axis: 0, t..<(t + 1)).reshaped([2, 5]), b.slice(axis: 0, t..<(t + 1)).reshaped([5, 4]))
            #expect(Array(c.data[(t * 8)..<(t * 8 + 8)]) == single.data)
        }
    }

    @Test func linearMatchesMatmulOfTransposePlusBias() {
        let x = randomTensor([4, 3], seed: 9, requiresGrad: false)
        let w = randomTensor([5, 3], seed: 10, requiresGrad: false), b = randomTensor([5], seed: 11, requiresGrad: false)
        expectClose(linear(x, weight: w, bias: b).data, (matmul(x, w.transposed()) + b).data)
    }

    @Test func linearGradientsWithAndWithoutBias() {
        let x = randomTensor([4, 3], seed: 12), w = randomTensor([2, 3], seed: 13), b = randomTensor([2], seed: 14)
        expectGradients([x, w, b]) { linear($0[0], weight: $0[1], bias: $0[2]) }
        expectGradients([x, w]) { linear($0[0], weight: $0[1], bias: nil) }
    }

    @Test func linearOnThreeDimensionalInput() {
        let x = randomTensor([2, 3, 4], seed: 15), w = randomTensor([5, 4], seed: 16), b = randomTensor([5], seed: 17)
        #expect(linear(x, weight: w, bias: b).shape == [2, 3, 5])
        expectGradients([x, w, b]) { linear($0[0], weight: $0[1], bias: $0[2]) }
    }

    @Test func constantOperandGetsNoGradient() {
        let x = randomTensor([2, 3], seed: 18, requiresGrad: false), w = randomTensor([3, 2], seed: 19)
        matmul(x, w).sum().backward()
        #expect(x.grad.isEmpty)
        #expect(w.grad.count == 6)
    }
}
