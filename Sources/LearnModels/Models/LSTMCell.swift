import LearnTensor

/// LSTM cell (Hochreiter & Schmidhuber, 1997), G = 4, gates in PyTorch's order i, f, g, o:
///
///     gates = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh          [B, 4H]
///     i = σ(gates[0:H])      input gate: what to write
///     f = σ(gates[H:2H])     forget gate: what to keep
///     g = tanh(gates[2H:3H]) candidate values
///     o = σ(gates[3H:4H])    output gate: what to show
///     c_t = f ⊙ c_{t−1} + i ⊙ g
///     h_t = o ⊙ tanh(c_t)
///
/// The cell state `c` is the conveyor belt: along it the gradient is only multiplied by f.
/// The panels show i, f, g, o and c at every step.
final class LSTMCell: RecurrentCell {
    static let kind = RecurrentKind.lstm
    let weights: CellWeights

    init(inputs: Int, hidden: Int, rng: inout RandomSource) {
        weights = CellWeights(gates: 4, inputs: inputs, hidden: hidden, rng: &rng)
    }

    func step(_ x: Tensor, _ previous: CellState, t: Int, record: ForwardRecord) -> CellState {
        let (input, hidden) = weights.parts(x, previous.h)                       // 4 blocks of [B, H] each
        let i = record("cell.i", (input[0] + hidden[0]).sigmoid(), time: t)
        let f = record("cell.f", (input[1] + hidden[1]).sigmoid(), time: t)
        let g = record("cell.g", (input[2] + hidden[2]).tanh(), time: t)
        let o = record("cell.o", (input[3] + hidden[3]).sigmoid(), time: t)
        let c = record("cell.c", f * previous.c! + i * g, time: t)
        let h = record("cell", o * c.tanh(), time: t)
        return CellState(h: h, c: c)
    }
}
