import LearnTensor

/// Elman RNN cell (G = 1):
///
///     h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh)
///
/// The same weights at every step; gradients flowing back through time are multiplied by
/// `W_hh` and tanh′ once per step, which is why they vanish (or explode) over long spans.
final class RNNCell: RecurrentCell {
    static let kind = RecurrentKind.rnn
    let weights: CellWeights

    init(inputs: Int, hidden: Int, rng: inout RandomSource) {
        weights = CellWeights(gates: 1, inputs: inputs, hidden: hidden, rng: &rng)
    }

    func step(_ x: Tensor, _ previous: CellState, t: Int, record: ForwardRecord) -> CellState {
        let w = weights
        let a = linear(x, weight: w.weightIH, bias: w.biasIH) + linear(previous.h, weight: w.weightHH, bias: w.biasHH)
        let h = record("cell", a.tanh(), time: t)                              // [B, H]
        return CellState(h: h)
    }
}
