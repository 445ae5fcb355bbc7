import LearnTensor

/// GRU cell (Cho et al., 2014), G = 3, blocks in PyTorch's order r, z, n:
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr)          reset gate
///     z = σ(W_iz x + b_iz + W_hz h + b_hz)          update gate
///     n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) candidate
///     h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
///
/// Two gates instead of the LSTM's three, and no separate cell state. The four lines are one
/// fused op, ``gruUpdate(input:hidden:previous:)``, with its backward beside it.
final class GRUCell: RecurrentCell {
    static let gateCount = 3
    static let gateNames = ["r", "z", "n"]
    let weights: CellWeights

    init(inputs: Int, hidden: Int, rng: inout RandomSource) {
        weights = CellWeights(gates: 3, inputs: inputs, hidden: hidden, rng: &rng)
    }

    func step(_ inputPart: Tensor, _ hiddenPart: Tensor, _ state: RecurrentState) -> (state: RecurrentState, gates: [Tensor]) {
        let (h, rzn) = gruUpdate(input: inputPart, hidden: hiddenPart, previous: state.h)  // r, z, n, h_t as above
        return (RecurrentState(h: h, c: state.c), rzn)
    }
}
