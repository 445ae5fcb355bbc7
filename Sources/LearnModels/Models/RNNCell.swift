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
}
