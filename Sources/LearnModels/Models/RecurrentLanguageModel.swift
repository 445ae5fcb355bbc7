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
/// computed for all T steps in one matmul before the loop; the hidden half,
/// `h_{t−1} W_hhᵀ + b_hh`, by one ``StepLinear`` whose weight gradient is one product
/// over all steps.
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
        let x = embedding(embed, tokens, shape: [b, t])                        // [B, T, E]
        let inputParts = linear(x, weight: w.weightIH, bias: w.biasIH)         // [B, T, G·H]
        let hiddenPart = StepLinear(weight: w.weightHH, bias: w.biasHH)         // h ↦ h W_hhᵀ + b_hh
        var state = RecurrentState.zeros(batch: b, hidden: w.hidden)
        var hidden: [Tensor] = []
        var gates = Array(repeating: [Tensor](), count: type(of: cell).gateNames.count)
        hidden.reserveCapacity(t)
        for step in 0..<t {
            let part = inputParts.slice(axis: 1, step..<(step + 1))
                .reshaped([b, type(of: cell).gateCount * w.hidden])            // [B, G·H]
            let (next, values) = cell.step(part, hiddenPart(state.h), state)
            state = next
            hidden.append(state.h)
            for (g, v) in values.enumerated() { gates[g].append(v) }
        }
        let logits = head(stack(hidden, axis: 1))                               // [B, T, V]
        let names = type(of: cell).gateNames
        return SequenceForward(logits: logits, hidden: hidden,
                               gates: zip(names, gates).map { (name: $0, steps: $1) })
    }
}
