import LearnTensor

/// A recurrent next-token model (`rnn`, `lstm`, `gru`): embedding → cell over time → head
/// at every step.
///
///     x_t = embed[token_t]                         [B, E]
///     h_t, c_t = cell(x_t, h_{t−1}, c_{t−1})       [B, H], h_0 = c_0 = 0
///     logits_t = h_t W_headᵀ + b_head              [B, V]
///
/// Parameters: `embed.weight [V, E]` ~ N(0, 1); the cell's four tensors; `head.weight [V, H]`,
/// `head.bias [V]` ~ U(−1/√H, 1/√H). The input half of every gate, `x_t W_ihᵀ + b_ih`, is
/// one matmul over the V rows of the embedding, looked up for all T steps; the recurrence over time (the hidden half
/// `h_{t−1} W_hhᵀ + b_hh` and the cell's equations) is one fused op, so a step adds no
/// graph nodes. ``readableForward(_:batch:time:record:)`` is the same model one time step
/// at a time through the cell's own equations (``RecurrentCell/step(_:_:t:record:)``): what
/// the step-through view shows, held equal to the fused form by a test.
final class RecurrentLanguageModel: SequenceModel {
    let embed: Tensor
    let cell: any RecurrentCell
    let head: Linear

    init(kind: ModelKind, vocabulary: Int, embed width: Int, hidden: Int, rng: inout RandomSource) {
        embed = .normal([vocabulary, width], rng: &rng, requiresGrad: true)
        switch kind {
        case .rnn: cell = RNNCell(inputs: width, hidden: hidden, rng: &rng)
        case .lstm: cell = LSTMCell(inputs: width, hidden: hidden, rng: &rng)
        case .gru: cell = GRUCell(inputs: width, hidden: hidden, rng: &rng)
        default: preconditionFailure("\(kind.rawValue) is not a recurrent model")
        }
        head = Linear(hidden, vocabulary, rng: &rng)
    }

    var parameters: [(name: String, tensor: Tensor)] {
        [("embed.weight", embed)] + cell.weights.parameters + head.parameters("head")
    }

    var embeddingTable: Tensor { embed }

    func forward(_ tokens: [Int], batch b: Int, time t: Int) -> SequenceForward {
        let w = cell.weights
        // x_t W_ihᵀ + b_ih for every token, [B, T, G·H]: a row of the embedding projected. The
        // same numbers as linear(embedding(embed, tokens), …), with V rows projected once
        // instead of B·T (a row lookup commutes with a row-wise affine map).
        let inputParts = embedding(linear(embed, weight: w.weightIH, bias: w.biasIH), tokens, shape: [b, t])
        let layer = cell(inputParts)                                            // h_t for all t: [B, T, H]
        return SequenceForward(logits: head(layer.hidden), recurrent: layer)    // [B, T, V]
    }

    func readableForward(_ tokens: [Int], batch b: Int, time t: Int, record: ForwardRecord) -> Tensor {
        let x = record("embed", embedding(embed, tokens, shape: [b, t]))       // [B, T, E]
        var state = CellState.zero(batch: b, hidden: cell.weights.hidden, cell: type(of: cell).kind == .lstm)
        var hs: [Tensor] = []
        for step in 0..<t {
            let xt = x.slice(axis: 1, step..<(step + 1)).reshaped([b, -1])     // x_t [B, E]
            state = cell.step(xt, state, t: step, record: record)              // h_t [B, H]
            hs.append(state.h)
        }
        return record("logits", head(stack(hs, axis: 1)))                      // [B, T, H] → [B, T, V]
    }
}
