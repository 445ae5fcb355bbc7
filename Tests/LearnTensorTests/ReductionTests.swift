import Testing
@testable import LearnTensor

@Suite struct ReductionTests {
    @Test func sumAlongAxesByHand() {
        let x = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(x.sum().data == [21] && x.sum().shape == [])
        #expect(x.sum(axis: 0).data == [5, 7, 9])
        #expect(x.sum(axis: 1, keepDims: true).shape == [2, 1])
        #expect(x.sum(axis: -1).data == [6, 15])
        #expect(x.mean(axis: 0).data == [2.5, 3.5, 4.5])
        #expect(x.max(axis: 1).data == [3, 6])
    }

    @Test func sumGradients() {
        expectGradients([randomTensor([2, 3, 4], seed: 1)]) { $0[0].sum(axis: 1) }
        expectGradients([randomTensor([2, 3, 4], seed: 2)]) { $0[0].sum(axis: 2, keepDims: true) }
        expectGradients([randomTensor([2, 3], seed: 3)]) { $0[0].sum() }
    }

    @Test func meanGradients() {
        expectGradients([randomTensor([3, 4], seed: 4)]) { $0[0].mean(axis: 0) }
        expectGradients([randomTensor([3, 4], seed: 5)]) { $0[0].mean() }
    }

    @Test func maxGradientGoesToTheMaximum() {
        expectGradients([randomTensor([3, 5], seed: 6)]) { $0[0].max(axis: 1) }
        expectGradients([randomTensor([3, 5], seed: 7)]) { $0[0].max(axis: 0, keepDims: true) }
        let x = Tensor([1, 5, 2], shape: [3], requiresGrad: true)
        x.max(axis: 0).backward()
        #expect(x.grad == [0, 1, 0])
    }
}
