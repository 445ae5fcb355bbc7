/// The cell a ``recurrentLayer(_:inputParts:weightHH:biasHH:)`` runs: G gate blocks of
/// width H in PyTorch's order, `a = x_t + u_t` with `x_t = x W_ihᵀ + b_ih` (given) and
/// `u_t = h_{t−1} W_hhᵀ + b_hh`:
///
///     rnn  (G = 1):  h_t = tanh(a)
///     lstm (G = 4):  i, f, g, o = σ(a_i), σ(a_f), tanh(a_g), σ(a_o)
///                    c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
///     gru  (G = 3):  r = σ(x_r + u_r),  z = σ(x_z + u_z),  n = tanh(x_n + r ⊙ u_n)
///                    h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
public enum RecurrentKind: Sendable {
    case rnn, lstm, gru

    /// G, the number of gate blocks in `weight_hh [G·H, H]`.
    public var gateCount: Int {
        switch self {
        case .rnn: 1
        case .lstm: 4
        case .gru: 3
        }
    }

    /// The per-step values ``RecurrentSequence/gates`` shows, in order: the gate
    /// activations, and the LSTM's cell state `c`.
    public var gateNames: [String] {
        switch self {
        case .rnn: []
        case .lstm: ["i", "f", "g", "o", "c"]
        case .gru: ["r", "z", "n"]
        }
    }
}

/// A whole recurrent layer over T steps from `h_0 = c_0 = 0`, as one graph node.
///
/// - `inputParts [B, T, G·H]`: `x_t W_ihᵀ + b_ih` for every step (one `linear` before);
/// - `weightHH [G·H, H]`, `biasHH [G·H]`: the recurrent weight and bias;
/// - returns every `h_t` as `hidden [B, T, H]` in the graph, and per-step values for display.
///
/// Backward, through time (t = T−1 … 0), with `∂h_t` the total gradient of h_t (the
/// direct one from `hidden`, plus what step t+1 sends back):
///
///     ∂h_t = ∂hidden[:, t] + ∂u_{t+1} · W_hh  (+ ∂h_{t+1} ⊙ z_{t+1} for the GRU)
///     rnn:   ∂a = ∂h_t ⊙ (1 − h_t²)
///     lstm:  ∂c = ∂c_carry + ∂h_t ⊙ o ⊙ (1 − tanh²(c_t)),   ∂c_carry ← ∂c ⊙ f
///            ∂a_i = ∂c ⊙ g ⊙ i(1 − i),   ∂a_f = ∂c ⊙ c_{t−1} ⊙ f(1 − f)
///            ∂a_g = ∂c ⊙ i ⊙ (1 − g²),   ∂a_o = ∂h_t ⊙ tanh(c_t) ⊙ o(1 − o)
///     gru:   ∂a_n = ∂h_t ⊙ (1 − z) ⊙ (1 − n²),   ∂a_r = ∂a_n ⊙ u_n ⊙ r(1 − r)
///            ∂a_z = ∂h_t ⊙ (h_{t−1} − n) ⊙ z(1 − z)
///            ∂x_t = (∂a_r, ∂a_z, ∂a_n),   ∂u_t = (∂a_r, ∂a_z, ∂a_n ⊙ r)
///     (rnn, lstm: ∂x_t = ∂u_t = ∂a)
///     ∂W_hh = Σ_t ∂u_tᵀ h_{t−1},   ∂b_hh = Σ_t Σ_rows ∂u_t
///
/// The two sums are one matrix product of depth T·B after the loop; `W_hh` is packed once
/// for the forward products (`h Wᵀ`) and once for the backward ones (`∂u W`). The totals
/// `∂h_t` are kept: ``RecurrentSequence/hiddenGradient(_:)``.
// NOTE: fused for speed: per step one product and one pass of pointwise math, instead of
// a dozen graph nodes with their buffers; the weight gradient is one product, not T.
public func recurrentLayer(_ kind: RecurrentKind, inputParts x: Tensor, weightHH w: Tensor, biasHH bias: Tensor)
    -> RecurrentSequence {
    let g = kind.gateCount
    precondition(x.shape.count == 3 && x.shape[2] % g == 0,
                 "recurrent input parts must be [B, T, \(g)·H], got \(x.shape)")
    let (batch, time, gh) = (x.shape[0], x.shape[1], x.shape[2])
    let width = gh / g
    precondition(w.shape == [gh, width] && bias.shape == [gh],
                 "recurrent weight must be [\(gh), \(width)] and bias [\(gh)], got \(w.shape) and \(bias.shape)")
    let tape = RecurrentTape(kind, batch: batch, time: time, width: width)
    x.data.withUnsafeBufferPointer { px in
        w.data.withUnsafeBufferPointer { pw in
            bias.data.withUnsafeBufferPointer { pb in
                let packed = Kernels.PackedB(k: width, n: gh, b: pw.baseAddress!, ldb: width, transB: true)
                tape.forward(px.baseAddress!, packed, pb.baseAddress!)
            }
        }
    }
    let hidden = Tensor(tape.hiddenBatchMajor(), shape: [batch, time, width])
    if Tensor.recording([x, w, bias]) {
        hidden.record("recurrentLayer", [x, w, bias]) { hidden in
            tape.backward(hidden, x, w, bias)
        }
    }
    return RecurrentSequence(hidden: hidden, tape: tape)
}

/// What ``recurrentLayer(_:inputParts:weightHH:biasHH:)`` returns: the hidden states in the
/// graph, and the per-step values the inspection panels show.
public struct RecurrentSequence {
    /// `h_t` for t = 0…T−1, `[B, T, H]`.
    public let hidden: Tensor
    fileprivate let tape: RecurrentTape

    public var kind: RecurrentKind { tape.kind }

    /// `h_t`, `[B, H]` row-major.
    public func hiddenState(_ t: Int) -> [Float] {
        tape.slice(tape.states, step: t + 1)
    }

    /// Per step, the values ``RecurrentKind/gateNames`` names, each `[B, H]` row-major.
    public var gates: [(name: String, steps: [[Float]])] {
        kind.gateNames.enumerated().map { index, name in
            (name, (0..<tape.time).map { tape.gate(index, step: $0) })
        }
    }

    /// The total `∂L/∂h_t` `[B, H]` of the last backward pass through this layer (the
    /// direct term and the one from step t+1), or nil before any.
    public func hiddenGradient(_ t: Int) -> [Float]? {
        tape.hiddenGradients.map { tape.slice($0, step: t) }
    }
}

/// The layer's buffers, time-major, each allocated once: what the forward pass computed
/// and the backward pass reads.
private final class RecurrentTape {
    let kind: RecurrentKind
    let batch, time, width, gh: Int
    /// Floats in one step's `[B, H]`.
    let n: Int
    /// `h_0 … h_T`, `[T+1, B, H]`, `h_0 = 0`.
    let states: UnsafeMutablePointer<Float>
    /// Gate activations `[T, B, G·H]`: lstm i, f, g, o; gru r, z, n; none for the rnn.
    let activations: UnsafeMutablePointer<Float>
    /// lstm `c_0 … c_T`, `[T+1, B, H]`, `c_0 = 0`.
    let cells: UnsafeMutablePointer<Float>
    /// lstm `tanh(c_t)`; gru `u_n = h_{t−1} W_hnᵀ + b_hn`; `[T, B, H]`.
    let extra: UnsafeMutablePointer<Float>
    /// The total `∂L/∂h_t`, `[T, B, H]`, written by the backward pass.
    private(set) var hiddenGradients: [Float]?

    init(_ kind: RecurrentKind, batch: Int, time: Int, width: Int) {
        self.kind = kind
        self.batch = batch
        self.time = time
        self.width = width
        gh = kind.gateCount * width
        n = batch * width
        states = .allocate(capacity: (time + 1) * n)
        states.initialize(repeating: 0, count: n)
        activations = .allocate(capacity: kind == .rnn ? 0 : time * batch * gh)
        cells = .allocate(capacity: kind == .lstm ? (time + 1) * n : 0)
        if kind == .lstm { cells.initialize(repeating: 0, count: n) }
        extra = .allocate(capacity: kind == .rnn ? 0 : time * n)
    }

    deinit {
        states.deallocate()
        activations.deallocate()
        cells.deallocate()
        extra.deallocate()
    }

    func slice(_ buffer: UnsafePointer<Float>, step t: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: buffer + t * n, count: n))
    }

    func slice(_ buffer: [Float], step t: Int) -> [Float] {
        Array(buffer[(t * n)..<((t + 1) * n)])
    }

    /// Display value `index` of ``RecurrentKind/gateNames`` at step t, `[B, H]`.
    func gate(_ index: Int, step t: Int) -> [Float] {
        if kind == .lstm && index == 4 { return slice(cells, step: t + 1) }
        return [Float](writing: n) { out in
            for r in 0..<batch {
                (out + r * width).initialize(from: activations + (t * batch + r) * gh + index * width, count: width)
            }
        }
    }

    /// `hidden[b, t] = h_t[b]`, `[B, T, H]`.
    func hiddenBatchMajor() -> [Float] {
        [Float](writing: time * n) { out in
            for t in 0..<time {
                for r in 0..<batch {
                    (out + (r * time + t) * width).initialize(from: states + (t + 1) * n + r * width, count: width)
                }
            }
        }
    }

    /// All T steps: `u_t = b_hh + h_{t−1} W_hhᵀ` into a scratch row block, then the cell's
    /// pointwise math (the order of the sums as in the per-step ops it replaced).
    func forward(_ x: UnsafePointer<Float>, _ packed: Kernels.PackedB, _ bias: UnsafePointer<Float>) {
        let (batch, time, width, gh, n) = (batch, time, width, gh, n)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: batch * gh) { scratch in
            let u = scratch.baseAddress!
            for t in 0..<time {
                let hPrev = states + t * n
                Kernels.gemm(m: batch, a: hPrev, lda: width, transA: false, packed: packed, c: u, ldc: gh, accumulate: false,
                             bias: bias)
                for r in 0..<batch { forwardRow(step: t, row: r, x + (r * time + t) * gh, u + r * gh) }
            }
        }
    }

    /// One row of step t from its halves `x` and `u` (`[G·H]` each), eight lanes at a time.
    private func forwardRow(step t: Int, row r: Int, _ x: UnsafePointer<Float>, _ u: UnsafePointer<Float>) {
        let at = t * n + r * width
        let a = activations + (t * batch + r) * gh
        switch kind {
        case .rnn: rnnForward(x, u, h: states + at + n)
        case .lstm: lstmForward(x, u, a, cPrev: cells + at, tanhC: extra + at, h: states + at + n)
        case .gru: gruForward(x, u, a, un: extra + at, hPrev: states + at)
        }
    }

    private func rnnForward(_ x: UnsafePointer<Float>, _ u: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>) {
        Lanes.forEach(width) { j, k in
            Lanes.store(FastMath.tanh(Lanes.load(x + j, k) + Lanes.load(u + j, k)), h + j, k)
        }
    }

    /// `cPrev` is followed by c_t, one step (`n` floats) on.
    private func lstmForward(_ x: UnsafePointer<Float>, _ u: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>,
                             cPrev: UnsafeMutablePointer<Float>, tanhC: UnsafeMutablePointer<Float>,
                             h: UnsafeMutablePointer<Float>) {
        let w = width, c = cPrev + n
        Lanes.forEach(w) { j, k in
            let i = FastMath.sigmoid(Lanes.load(x + j, k) + Lanes.load(u + j, k))
            let f = FastMath.sigmoid(Lanes.load(x + w + j, k) + Lanes.load(u + w + j, k))
            let g = FastMath.tanh(Lanes.load(x + 2 * w + j, k) + Lanes.load(u + 2 * w + j, k))
            let o = FastMath.sigmoid(Lanes.load(x + 3 * w + j, k) + Lanes.load(u + 3 * w + j, k))
            let cj = f * Lanes.load(cPrev + j, k) + i * g
            let tc = FastMath.tanh(cj)
            Lanes.store(i, a + j, k)
            Lanes.store(f, a + w + j, k)
            Lanes.store(g, a + 2 * w + j, k)
            Lanes.store(o, a + 3 * w + j, k)
            Lanes.store(cj, c + j, k)
            Lanes.store(tc, tanhC + j, k)
            Lanes.store(o * tc, h + j, k)
        }
    }

    /// `hPrev` is followed by h_t, one step (`n` floats) on.
    private func gruForward(_ x: UnsafePointer<Float>, _ u: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>,
                            un: UnsafeMutablePointer<Float>, hPrev: UnsafeMutablePointer<Float>) {
        let w = width, h = hPrev + n
        Lanes.forEach(w) { j, k in
            let rr = FastMath.sigmoid(Lanes.load(x + j, k) + Lanes.load(u + j, k))
            let z = FastMath.sigmoid(Lanes.load(x + w + j, k) + Lanes.load(u + w + j, k))
            let uN = Lanes.load(u + 2 * w + j, k)
            let candidate = FastMath.tanh(Lanes.load(x + 2 * w + j, k) + rr * uN)
            Lanes.store(rr, a + j, k)
            Lanes.store(z, a + w + j, k)
            Lanes.store(candidate, a + 2 * w + j, k)
            Lanes.store(uN, un + j, k)
            Lanes.store((1 - z) * candidate + z * Lanes.load(hPrev + j, k), h + j, k)
        }
    }

    /// Back-propagation through time, from the gradient of `hidden [B, T, H]`; adds into the
    /// gradients of the three inputs that require them and keeps the totals `∂h_t`.
    func backward(_ hidden: Tensor, _ x: Tensor, _ w: Tensor, _ bias: Tensor) {
        let (batch, time, width, gh, n) = (batch, time, width, gh, n)
        let du = UnsafeMutablePointer<Float>.allocate(capacity: time * batch * gh)  // ∂u_t, [T, B, G·H]
        let carry = UnsafeMutablePointer<Float>.allocate(capacity: n)              // lstm ∂c into step t−1
        carry.initialize(repeating: 0, count: n)
        defer { du.deallocate(); carry.deallocate() }
        var totals = [Float](repeating: 0, count: time * n)
        let packed = w.data.withUnsafeBufferPointer { pw in
            Kernels.PackedB(k: gh, n: width, b: pw.baseAddress!, ldb: width, transB: false)
        }
        withGradient(x) { dx in
            hidden.grad.withUnsafeBufferPointer { pg in
                totals.withUnsafeMutableBufferPointer { ptotals in
                    let dy = pg.baseAddress!, dhAll = ptotals.baseAddress!
                    for t in stride(from: time - 1, through: 0, by: -1) {
                        let dh = dhAll + t * n
                        for r in 0..<batch { (dh + r * width).update(from: dy + (r * time + t) * width, count: width) }
                        if t + 1 < time {
                            Kernels.gemm(m: batch, a: du + (t + 1) * batch * gh, lda: gh, transA: false, packed: packed,
                                         c: dh, ldc: width, accumulate: true)
                            if kind == .gru {
                                for r in 0..<batch {
                                    let z = activations + ((t + 1) * batch + r) * gh + width
                                    let row = dh + r * width, next = row + n
                                    Lanes.forEach(width) { j, k in
                                        Lanes.store(Lanes.load(row + j, k) + Lanes.load(next + j, k) * Lanes.load(z + j, k),
                                                    row + j, k)
                                    }
                                }
                            }
                        }
                        pointwiseBackward(step: t, dh, du + t * batch * gh, carry, dx)
                    }
                }
            }
        }
        hiddenGradients = totals
        let rows = time * batch
        if w.requiresGrad {
            w.ensureGrad()
            w.grad.withUnsafeMutableBufferPointer { dw in
                Kernels.gemm(m: gh, n: width, k: rows, a: du, transA: true, b: states, transB: false,
                             c: dw.baseAddress!, accumulate: true)
            }
        }
        if bias.requiresGrad {
            bias.ensureGrad()
            bias.grad.withUnsafeMutableBufferPointer { db in
                Kernels.addColumnSums(du, rows: rows, width: gh, into: db.baseAddress!)
            }
        }
    }

    /// One step's `∂u_t` (and `∂x_t`, added into `dx` when given) from its total `∂h_t`.
    private func pointwiseBackward(step t: Int, _ dh: UnsafePointer<Float>, _ du: UnsafeMutablePointer<Float>,
                                   _ carry: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>?) {
        let w = width
        for r in 0..<batch {
            let at = t * n + r * w, dhr = dh + r * w, d = du + r * gh
            let a = activations + (t * batch + r) * gh
            let dxr = dx.map { $0 + (r * time + t) * gh }
            switch kind {
            case .rnn:
                Lanes.forEach(w) { j, k in
                    let h = Lanes.load(states + n + at + j, k)
                    Lanes.store(Lanes.load(dhr + j, k) * (1 - h * h), d + j, k)
                }
            case .lstm:
                let cPrev = cells + at, tanhC = extra + at, carryRow = carry + r * w
                Lanes.forEach(w) { j, k in
                    let (i, f) = (Lanes.load(a + j, k), Lanes.load(a + w + j, k))
                    let (g, o) = (Lanes.load(a + 2 * w + j, k), Lanes.load(a + 3 * w + j, k))
                    let (dhj, tc) = (Lanes.load(dhr + j, k), Lanes.load(tanhC + j, k))
                    let dc = Lanes.load(carryRow + j, k) + dhj * o * (1 - tc * tc)
                    Lanes.store(dc * g * i * (1 - i), d + j, k)
                    Lanes.store(dc * Lanes.load(cPrev + j, k) * f * (1 - f), d + w + j, k)
                    Lanes.store(dc * i * (1 - g * g), d + 2 * w + j, k)
                    Lanes.store(dhj * tc * o * (1 - o), d + 3 * w + j, k)
                    Lanes.store(dc * f, carryRow + j, k)
                }
            case .gru:
                let hPrev = states + at, un = extra + at
                Lanes.forEach(w) { j, k in
                    let (rr, z, c) = (Lanes.load(a + j, k), Lanes.load(a + w + j, k), Lanes.load(a + 2 * w + j, k))
                    let dhj = Lanes.load(dhr + j, k)
                    let dn = dhj * (1 - z) * (1 - c * c)
                    Lanes.store(dn * Lanes.load(un + j, k) * rr * (1 - rr), d + j, k)
                    Lanes.store(dhj * (Lanes.load(hPrev + j, k) - c) * z * (1 - z), d + w + j, k)
                    Lanes.store(dn * rr, d + 2 * w + j, k)
                    if let dxr { Lanes.store(Lanes.load(dxr + 2 * w + j, k) + dn, dxr + 2 * w + j, k) }
                }
            }
            guard let dxr else { continue }
            // GRU: its n block (∂a_n, not ∂u_n = ∂a_n ⊙ r) was added above.
            Lanes.forEach(kind == .gru ? 2 * w : gh) { j, k in
                Lanes.store(Lanes.load(dxr + j, k) + Lanes.load(d + j, k), dxr + j, k)
            }
        }
    }
}

/// Eight floats at a time, the last group partial (its missing lanes read as zeros and not
/// written), so each formula above is written once for every width.
private enum Lanes {
    typealias V = SIMD8<Float>

    @inline(__always)
    static func forEach(_ count: Int, _ body: (_ j: Int, _ lanes: Int) -> Void) {
        var j = 0
        while j < count {
            body(j, Swift.min(8, count - j))
            j += 8
        }
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> V {
        if lanes == 8 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        var v = V()
        for l in 0..<lanes { v[l] = p[l] }
        return v
    }

    @inline(__always)
    static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes == 8 { return UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self) }
        for l in 0..<lanes { p[l] = v[l] }
    }
}

/// Runs `body` with a pointer to `t.grad` (allocated if needed), or nil when `t` needs none.
private func withGradient(_ t: Tensor, _ body: (UnsafeMutablePointer<Float>?) -> Void) {
    guard t.requiresGrad else { return body(nil) }
    t.ensureGrad()
    t.grad.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
