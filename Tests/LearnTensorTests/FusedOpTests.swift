import Testing
@testable import LearnTensor

/// The fused attention against the same math composed from the basic ops, and its
/// gradients against central differences (the fused recurrent layer: `RecurrentLayerTests`).
@Suite struct FusedOpTests {
    /// Tolerance between a fused op and its composition: both in Float32, different order.
    static let compositionTolerance: Float = 1e-5

    /// Attention composed from primitives: split heads, `QKᵀ/√d`, mask, softmax, `AV`, merge.
    static func composedAttention(_ q: Tensor, _ k: Tensor, _ v: Tensor, heads: Int) -> (Tensor, Tensor) {
        let (b, t, c) = (q.shape[0], q.shape[1], q.shape[2])
        let d = c / heads
        func split(_ y: Tensor) -> Tensor { y.reshaped([b, t, heads, d]).transposed(1, 2) }
        let scores = matmul(split(q), split(k).transposed()) / Float(d).squareRoot()
        let weights = scores.maskedFill(causalMask(t), value: -.infinity).softmax(axis: -1)
        return (matmul(weights, split(v)).transposed(1, 2).reshaped([b, t, c]), weights)
    }

    @Test func attentionMatchesComposition() {
        let q = randomTensor([2, 5, 6], seed: 1), k = randomTensor([2, 5, 6], seed: 2), v = randomTensor([2, 5, 6], seed: 3)
        let (y, a) = causalSelfAttention(q: q, k: k, v: v, heads: 2)
        let (want, wantA) = Self.composedAttention(q, k, v, heads: 2)
        #expect(y.shape == [2, 5, 6] && a.shape == [2, 2, 5, 5])
        expectClose(y.data, want.data, tolerance: Self.compositionTolerance)
        expectClose(a.data, wantA.data, tolerance: Self.compositionTolerance)
        #expect(a.data[1] == 0 && a.data[0] == 1)  // row 0 sees only position 0
    }

    @Test func attentionGradients() {
        let inputs = (1...3).map { randomTensor([2, 4, 6], seed: UInt64(10 + $0)) }
        expectGradients(inputs) { causalSelfAttention(q: $0[0], k: $0[1], v: $0[2], heads: 3).output }
        expectGradients(inputs) { causalSelfAttention(q: $0[0], k: $0[1], v: $0[2], heads: 1).output }
    }

    @Test func attentionGradientsWhenQKVAreOneTensor() {
        let x = randomTensor([1, 4, 4], seed: 20)
        expectGradients([x]) { causalSelfAttention(q: $0[0], k: $0[0], v: $0[0], heads: 2).output }
    }

    @Test func attentionGradientsMatchComposition() {
        let inputs = (1...3).map { randomTensor([2, 6, 8], seed: UInt64(30 + $0)) }
        let weights = randomTensor([2, 6, 8], seed: 40, requiresGrad: false)
        (causalSelfAttention(q: inputs[0], k: inputs[1], v: inputs[2], heads: 2).output * weights).sum().backward()
        let fused = inputs.map(\.grad)
        for x in inputs { x.zeroGrad() }
        (Self.composedAttention(inputs[0], inputs[1], inputs[2], heads: 2).0 * weights).sum().backward()
        for (x, grad) in zip(inputs, fused) { expectClose(grad, x.grad, tolerance: Self.compositionTolerance) }
    }
}
