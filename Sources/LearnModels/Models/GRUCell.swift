import LearnTensor

/// GRU cell (Cho et al., 2014), G = 3, blocks in PyTorch's order r, z, n:
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr)          reset gate
///     z = σ(W_iz x + b_iz + W_hz h + b_hz)          update gate
///     n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) candidate
///     h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
///
/// Two gates instead of the LSTM's three, and no separate cell state. The panels show r, z
/// and n at every step.
final class GRUCell: RecurrentCell {
    static let kind = RecurrentKind.gru
    let weights: CellWeights

    init(inputs: Int, hidden: Int, rng: inout RandomSource) {
        weights = CellWeights(gates: 3, inputs: inputs, hidden: hidden, rng: &rng)
    }

    func step(_ x: Tensor, _ previous: CellState, t: Int, record: ForwardRecord) -> CellState {
        let (input, hidden) = weights.parts(x, previous.h)                       // r, z, n blocks of [B, H] each
        let r = record("cell.r", (input[0] + hidden[0]).sigmoid(), time: t)
        let z = record("cell.z", (input[1] + hidden[1]).sigmoid(), time: t)
        let n = record("cell.n", (input[2] + r * hidden[2]).tanh(), time: t)
        let h = record("cell", (1 - z) * n + z * previous.h, time: t)
        return CellState(h: h)
    }
}
