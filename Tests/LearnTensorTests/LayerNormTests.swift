import Testing
@testable import LearnTensor

@Suite struct LayerNormTests {
    @Test func knownRow() {
        let x = Tensor([1, 2, 3, 4], shape: [1, 4])
        let y = layerNorm(x, weight: Tensor([1, 2, 0.5, -1], shape: [4]), bias: Tensor([0, 1, 0, 1], shape: [4]))
        expectClose(y.data, [-1.3416354, 0.1055764, 0.2236059, -0.3416354])
    }

    @Test func rowsHaveZeroMeanAndUnitVariance() {
        let x = randomTensor([3, 8], seed: 1, low: -5, high: 5, requiresGrad: false)
        let y = layerNorm(x, weight: .ones([8]), bias: .zeros([8]))
        for r in 0..<3 {
            let row = y.data[(r * 8)..<(r * 8 + 8)]
            let mean = row.reduce(0, +) / 8
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 8
            #expect(abs(mean) < 1e-5)
            #expect(abs(variance - 1) < 1e-3)
        }
    }

    @Test func gradientsOfInputWeightAndBias() {
        let x = randomTensor([3, 5], seed: 2, low: -2, high: 2)
        let w = randomTensor([5], seed: 3, low: 0.5, high: 1.5), b = randomTensor([5], seed: 4)
        expectGradients([x, w, b]) { layerNorm($0[0], weight: $0[1], bias: $0[2]) }
    }

    @Test func gradientsOnThreeDimensionalInput() {
        let x = randomTensor([2, 2, 4], seed: 5, low: -2, high: 2)
        expectGradients([x, randomTensor([4], seed: 6), randomTensor([4], seed: 7)]) {
            layerNorm($0[0], weight: $0[1], bias: $0[2])
        }
    }
}
