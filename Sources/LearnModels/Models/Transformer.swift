import LearnTensor

/// Decoder-only causal Transformer (GPT-style), as "Attention Is All You Need" plus GPT:
///
///     x = tok_emb[tokens] + PE[0..<T]            [B, T, C]
///     x = block_i(x), i = 0 … blocks−1           [B, T, C]
///     x = ln_f(x)                                (pre-norm only)
///     logits = x W_headᵀ + b_head                [B, T, V]
///
/// `tok_emb.weight [V, C]` ~ N(0, 1); PE is the fixed sinusoidal table; no weight tying.
/// L = mean cross-entropy against the next token.
final class Transformer: SequenceModel {
    let width: Int
    let norm: Norm
    let tokEmb: Tensor
    let blocks: [TransformerBlock]
    let lnF: LayerNormalization?
    let head: Linear
    /// The positional encoding for up to `maxLength` positions, `[maxLength, C]`.
    let positions: [Float]
    let maxLength: Int

    init(vocabulary: Int, width c: Int, heads: Int, blocks count: Int, maxLength: Int, norm: Norm, rng: inout RandomSource) {
        width = c
        self.norm = norm
        self.maxLength = maxLength
        tokEmb = .normal([vocabulary, c], rng: &rng, requiresGrad: true)
        var made: [TransformerBlock] = []
        for _ in 0..<count { made.append(TransformerBlock(width: c, heads: heads, norm: norm, rng: &rng)) }
        blocks = made
        lnF = norm == .pre ? LayerNormalization(c) : nil
        head = Linear(c, vocabulary, rng: &rng)
        positions = PositionalEncoding.matrix(length: maxLength, width: c)
    }

    var parameters: [(name: String, tensor: Tensor)] {
        var list: [(name: String, tensor: Tensor)] = [("tok_emb.weight", tokEmb)]
        for (i, block) in blocks.enumerated() { list += block.parameters("blocks.\(i)") }
        if let lnF { list += lnF.parameters("ln_f") }
        return list + head.parameters("head")
    }

    var embeddingTable: Tensor { tokEmb }

    func forward(_ tokens: [Int], batch b: Int, time t: Int) -> SequenceForward {
        precondition(t <= maxLength)
        let pe = Tensor(Array(positions[0..<(t * width)]), shape: [t, width])  // [T, C]
        var x = embedding(tokEmb, tokens, shape: [b, t]) + pe                    // [B, T, C]
        var attention: [Tensor] = []
        for block in blocks {
            let (y, weights) = block(x)
            x = y
            attention.append(weights)
        }
        if let lnF { x = lnF(x) }
        return SequenceForward(logits: head(x), attention: attention)         // [B, T, V]
    }

    func readableForward(_ tokens: [Int], batch b: Int, time t: Int, record: ForwardRecord) -> Tensor {
        precondition(t <= maxLength)
        let pe = Tensor(Array(positions[0..<(t * width)]), shape: [t, width])  // [T, C]
        var x = record("x", record("tok_emb", embedding(tokEmb, tokens, shape: [b, t])) + pe)
        for (i, block) in blocks.enumerated() { x = block.readable(x, "blocks.\(i)", record: record) }
        if let lnF { x = record("ln_f", lnF(x)) }
        return record("logits", head(x))                                        // [B, T, V]
    }
}
