import Testing
@testable import LearnTensor

@Suite struct ElementwiseTests {
    @Test func addSubMulDivGradientsSameShape() {
        let a = randomTensor([2, 3], seed: 1), b = randomTensor([2, 3], seed: 2, low: 0.5, high: 2)
        expectGradients([a, b]) { $0[0] + $0[1] }
        expectGradients([a, b]) { $0[0] - $0[1] }
        expectGradients([a, b]) { $0[0] * $0[1] }
        expectGradients([a, b]) { $0[0] / $0[1] }
    }

    @Test func broadcastRowVector() {
        let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]), b = Tensor([10, 20, 30], shape: [3])
        #expect((a + b).data == [11, 22, 33, 14, 25, 36])
        #expect((a + b).shape == [2, 3])
        expectGradients([randomTensor([2, 3], seed: 3), randomTensor([3], seed: 4)]) { $0[0] * $0[1] }
    }

    @Test func broadcastColumnVector() {
        let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]), b = Tensor([10, 100], shape: [2, 1])
        #expect((a * b).data == [10, 20, 30, 400, 500, 600])
        expectGradients([randomTensor([2, 3], seed: 5), randomTensor([2, 1], seed: 6, low: 1, high: 2)]) { $0[0] / $0[1] }
    }

    @Test func broadcastBothSides() {
        let a = randomTensor([2, 1, 3], seed: 7), b = randomTensor([4, 1], seed: 8)
        #expect((a - b).shape == [2, 4, 3])
        expectGradients([a, b]) { $0[0] - $0[1] }
        expectGradients([a, b]) { $0[0] * $0[1] }
    }

    @Test func broadcastScalarTensor() {
        let a = randomTensor([3, 2], seed: 9), s = randomTensor([], seed: 10, low: 1, high: 2)
        expectGradients([a, s]) { $0[0] * $0[1] }
        expectGradients([a, s]) { $0[1] / $0[0].exp() }
    }

    @Test func sameTensorOnBothSidesGetsBothGradients() {
        let x = Tensor([3, -2], shape: [2], requiresGrad: true)
        (x * x).sum().backward()
        #expect(x.grad == [6, -4])
    }

    @Test func scalarOperatorsGradients() {
        let a = randomTensor([2, 2], seed: 11, low: 0.5, high: 2)
        expectGradients([a]) { $0[0] + 2 }
        expectGradients([a]) { 2 + $0[0] }
        expectGradients([a]) { $0[0] - 3 }
        expectGradients([a]) { 3 - $0[0] }
        expectGradients([a]) { $0[0] * 1.5 }
        expectGradients([a]) { -0.5 * $0[0] }
        expectGradients([a]) { $0[0] / 4 }
        expectGradients([a]) { 2 / $0[0] }
        expectGradients([a]) { -$0[0] }
    }

    @Test func scalarOperatorValues() {
        let a = Tensor([1, 2, 4], shape: [3])
        #expect((a + 1).data == [2, 3, 5])
        #expect((1 - a).data == [0, -1, -3])
        #expect((a * 2).data == [2, 4, 8])
        #expect((a / 2).data == [0.5, 1, 2])
        #expect((4 / a).data == [4, 2, 1])
        #expect((-a).data == [-1, -2, -4])
    }
}
