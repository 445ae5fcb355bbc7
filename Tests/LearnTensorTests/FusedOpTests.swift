import Testing
@testable import LearnTensor

/// The fused primitives (attention, LSTM and GRU updates) against the same math composed
/// from the basic ops, and their gradients against central differences.
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

    @Test func lstmUpdateMatchesComposition() {
        let z = randomTensor([3, 8], seed: 50, low: -2, high: 2), c = randomTensor([3, 2], seed: 51)
        let (h, cell, gates) = lstmUpdate(z, cell: c)
        let pieces = z.split(axis: -1, parts: 4)
        let (i, f, g, o) = (pieces[0].sigmoid(), pieces[1].sigmoid(), pieces[2].tanh(), pieces[3].sigmoid())
        let wantC = f * c + i * g
        expectClose(cell.data, wantC.data, tolerance: Self.compositionTolerance)
        expectClose(h.data, (o * wantC.tanh()).data, tolerance: Self.compositionTolerance)
        for (got, want) in zip(gates, [i, f, g, o]) { expectClose(got.data, want.data, tolerance: Self.compositionTolerance) }
    }

    @Test func lstmUpdateGradients() {
        let inputs = [randomTensor([3, 8], seed: 52, low: -2, high: 2), randomTensor([3, 2], seed: 53)]
        expectGradients(inputs) { lstmUpdate($0[0], cell: $0[1]).h }
        expectGradients(inputs) { lstmUpdate($0[0], cell: $0[1]).c }
        // Both outputs used: ∂L/∂c collects the direct term and the one through h.
        expectGradients(inputs) { let (h, c, _) = lstmUpdate($0[0], cell: $0[1]); return h * c + h }
        // Two steps chained, as in a sequence.
        expectGradients(inputs) { let s = lstmUpdate($0[0], cell: $0[1]); return lstmUpdate($0[0], cell: s.c).h + s.h }
    }

    @Test func gruUpdateMatchesComposition() {
        let x = randomTensor([3, 6], seed: 60, low: -2, high: 2), u = randomTensor([3, 6], seed: 61, low: -2, high: 2)
        let hPrev = randomTensor([3, 2], seed: 62)
        let (h, gates) = gruUpdate(input: x, hidden: u, previous: hPrev)
        let xs = x.split(axis: -1, parts: 3), us = u.split(axis: -1, parts: 3)
        let r = (xs[0] + us[0]).sigmoid(), z = (xs[1] + us[1]).sigmoid()
        let n = (xs[2] + r * us[2]).tanh()
        expectClose(h.data, ((1 - z) * n + z * hPrev).data, tolerance: Self.compositionTolerance)
        for (got, want) in zip(gates, [r, z, n]) { expectClose(got.data, want.data, tolerance: Self.compositionTolerance) }
    }

    @Test func gruUpdateGradients() {
        let inputs = [randomTensor([3, 6], seed: 63, low: -2, high: 2), randomTensor([3, 6], seed: 64, low: -2, high: 2),
                      randomTensor([3, 2], seed: 65)]
        expectGradients(inputs) { gruUpdate(input: $0[0], hidden: $0[1], previous: $0[2]).h }
        expectGradients(inputs) { let h = gruUpdate(input: $0[0], hidden: $0[1], previous: $0[2]).h
            return gruUpdate(input: $0[0], hidden: $0[1], previous: h).h }
    }

    /// Three steps of `h ← tanh(h Wᵀ + b)` through one step linear, or through `linear`.
    static func recurrence(_ h0: Tensor, _ w: Tensor, _ b: Tensor, stepLinear: Bool) -> Tensor {
        let shared = StepLinear(weight: w, bias: b)
        var h = h0
        for _ in 0..<3 { h = (stepLinear ? shared(h) : linear(h, weight: w, bias: b)).tanh() }
        return h
    }

    @Test func stepLinearMatchesLinearAtEveryStep() {
        func run(_ stepLinear: Bool) -> (h: [Float], grads: [[Float]]) {
            let h0 = randomTensor([4, 5], seed: 71), w = randomTensor([5, 5], seed: 72), b = randomTensor([5], seed: 73)
            let h = Self.recurrence(h0, w, b, stepLinear: stepLinear)
            h.sum().backward()
            return (h.data, [h0.grad, w.grad, b.grad])
        }
        let (fused, plain) = (run(true), run(false))
        expectClose(fused.h, plain.h, tolerance: Self.compositionTolerance)
        for (got, want) in zip(fused.grads, plain.grads) { expectClose(got, want, tolerance: Self.compositionTolerance) }
    }

    @Test func stepLinearGradients() {
        let inputs = [randomTensor([3, 4], seed: 74), randomTensor([4, 4], seed: 75), randomTensor([4], seed: 76)]
        expectGradients(inputs) { Self.recurrence($0[0], $0[1], $0[2], stepLinear: true) }
    }

    @Test func stepLinearWithoutGradRecordsNothingAndBackwardTwiceAddsTwice() {
        let h0 = randomTensor([2, 3], seed: 77), w = randomTensor([3, 3], seed: 78), b = randomTensor([3], seed: 79)
        let quiet = Tensor.withoutGrad { Self.recurrence(h0, w, b, stepLinear: true) }
        #expect(!quiet.requiresGrad && quiet.inputs.isEmpty)
        let loss = Self.recurrence(h0, w, b, stepLinear: true).sum()
        loss.backward()
        let once = w.grad
        loss.backward()
        expectClose(w.grad, once.map { $0 * 2 }, tolerance: Self.compositionTolerance)
    }
}
