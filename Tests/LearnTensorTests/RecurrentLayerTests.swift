import Testing
@testable import LearnTensor

/// The fused recurrent layer against the same recurrence composed step by step from the
/// basic ops (`linear`, `sigmoid`, `tanh`, elementwise), and its gradients against central
/// differences, for each cell kind.
@Suite struct RecurrentLayerTests {
    /// Fused and composed are both Float32 with the sums in a different order.
    static let compositionTolerance: Float = 1e-5
    static let kinds: [RecurrentKind] = [.rnn, .lstm, .gru]

    /// The recurrence written out one step at a time from `h_0 = c_0 = 0`: every h_t (in the
    /// graph, so its `grad` is the total ∂L/∂h_t), the display values per step, and the
    /// stacked `[B, T, H]`.
    static func composed(_ kind: RecurrentKind, _ x: Tensor, _ w: Tensor, _ b: Tensor)
        -> (hidden: Tensor, steps: [Tensor], gates: [[Tensor]]) {
        let (batch, time, gh) = (x.shape[0], x.shape[1], x.shape[2])
        let width = gh / kind.gateCount
        var h = Tensor.zeros([batch, width]), c = Tensor.zeros([batch, width])
        var steps: [Tensor] = [], gates: [[Tensor]] = []
        for t in 0..<time {
            let xt = x.slice(axis: 1, t..<(t + 1)).reshaped([batch, gh])   // [B, G·H]
            let u = linear(h, weight: w, bias: b)                          // [B, G·H]
            switch kind {
            case .rnn:
                h = (xt + u).tanh()
                gates.append([])
            case .lstm:
                let a = (xt + u).split(axis: -1, parts: 4)
                let (i, f, g, o) = (a[0].sigmoid(), a[1].sigmoid(), a[2].tanh(), a[3].sigmoid())
                c = f * c + i * g
                h = o * c.tanh()
                gates.append([i, f, g, o, c])
            case .gru:
                let xs = xt.split(axis: -1, parts: 3), us = u.split(axis: -1, parts: 3)
                let r = (xs[0] + us[0]).sigmoid(), z = (xs[1] + us[1]).sigmoid()
                let n = (xs[2] + r * us[2]).tanh()
                h = (1 - z) * n + z * h
                gates.append([r, z, n])
            }
            steps.append(h)
        }
        return (stack(steps, axis: 1), steps, gates)
    }

    /// Input parts, recurrent weight and bias for `B`, `T`, `H` from fixed seeds.
    static func inputs(_ kind: RecurrentKind, batch: Int, time: Int, width: Int, seed: UInt64) -> [Tensor] {
        let gh = kind.gateCount * width
        return [randomTensor([batch, time, gh], seed: seed, low: -2, high: 2),
                randomTensor([gh, width], seed: seed + 1),
                randomTensor([gh], seed: seed + 2)]
    }

    @Test(arguments: kinds)
    func forwardMatchesComposition(_ kind: RecurrentKind) {
        let p = Self.inputs(kind, batch: 3, time: 5, width: 4, seed: 100)
        let layer = recurrentLayer(kind, inputParts: p[0], weightHH: p[1], biasHH: p[2])
        let want = Self.composed(kind, p[0], p[1], p[2])
        #expect(layer.hidden.shape == [3, 5, 4])
        expectClose(layer.hidden.data, want.hidden.data, tolerance: Self.compositionTolerance)
        for t in 0..<5 { expectClose(layer.hiddenState(t), want.steps[t].data, tolerance: Self.compositionTolerance) }
        #expect(layer.gates.map(\.name) == kind.gateNames)
        for (g, shown) in layer.gates.enumerated() {
            #expect(shown.steps.count == 5)
            for t in 0..<5 { expectClose(shown.steps[t], want.gates[t][g].data, tolerance: Self.compositionTolerance) }
        }
    }

    /// Gradients of all three inputs, and the total ∂L/∂h_t per step (what the
    /// gradient-flow panel shows: `h_t.grad` of the composed steps), for a loss on every
    /// step and for one that reads only steps 1 and 2 of 5.
    @Test(arguments: kinds)
    func gradientsMatchComposition(_ kind: RecurrentKind) {
        for used in [0..<5, 1..<3] {
            let p = Self.inputs(kind, batch: 3, time: 5, width: 4, seed: 110)
            let weights = randomTensor([3, used.count, 4], seed: 120, requiresGrad: false)
            func loss(_ hidden: Tensor) -> Tensor { (hidden.slice(axis: 1, used) * weights).sum() }
            let layer = recurrentLayer(kind, inputParts: p[0], weightHH: p[1], biasHH: p[2])
            #expect(layer.hiddenGradient(0) == nil, "no totals before backward")
            loss(layer.hidden).backward()
            let fused = p.map(\.grad)
            for x in p { x.zeroGrad() }
            let want = Self.composed(kind, p[0], p[1], p[2])
            loss(want.hidden).backward()
            for (got, x) in zip(fused, p) { expectClose(got, x.grad, tolerance: Self.compositionTolerance) }
            for t in 0..<5 {
                expectClose(layer.hiddenGradient(t) ?? [], want.steps[t].grad, tolerance: Self.compositionTolerance)
            }
            if used.upperBound < 5 { #expect(layer.hiddenGradient(4)!.allSatisfy { $0 == 0 }, "no loss after step 2") }
        }
    }

    @Test(arguments: kinds)
    func gradients(_ kind: RecurrentKind) {
        let p = Self.inputs(kind, batch: 2, time: 4, width: 3, seed: 130)
        expectGradients(p) { recurrentLayer(kind, inputParts: $0[0], weightHH: $0[1], biasHH: $0[2]).hidden }
        // A loss on step 1 only: later steps get no gradient, earlier ones get it through time.
        expectGradients(p, seed: 8) {
            recurrentLayer(kind, inputParts: $0[0], weightHH: $0[1], biasHH: $0[2]).hidden.slice(axis: 1, 1..<2)
        }
    }

    @Test(arguments: kinds)
    func withoutGradRecordsNothingAndBackwardTwiceAddsTwice(_ kind: RecurrentKind) {
        let p = Self.inputs(kind, batch: 2, time: 3, width: 3, seed: 140)
        let quiet = Tensor.withoutGrad { recurrentLayer(kind, inputParts: p[0], weightHH: p[1], biasHH: p[2]) }
        #expect(!quiet.hidden.requiresGrad && quiet.hidden.inputs.isEmpty)
        let layer = recurrentLayer(kind, inputParts: p[0], weightHH: p[1], biasHH: p[2])
        expectClose(quiet.hidden.data, layer.hidden.data, tolerance: 0)
        let loss = layer.hidden.sum()
        loss.backward()
        let once = p.map(\.grad), totals = layer.hiddenGradient(0)
        loss.backward()
        for (x, g) in zip(p, once) { expectClose(x.grad, g.map { $0 * 2 }, tolerance: Self.compositionTolerance) }
        #expect(layer.hiddenGradient(0) == totals, "the totals are of the last pass, not summed")
    }
}
