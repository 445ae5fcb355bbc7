import LearnTensor

/// One decoder block: attention and a feed-forward net, each with a residual connection
/// and a LayerNorm.
///
///     FFN(x) = ReLU(x W_1ᵀ + b_1) W_2ᵀ + b_2          width 4C
///     post-norm (the original paper):  x = LN1(x + Attn(x));  x = LN2(x + FFN(x))
///     pre-norm (GPT-2):                x = x + Attn(LN1(x));  x = x + FFN(LN2(x))
///
/// Parameters `ln1`, `attn.{wq,wk,wv,wo}`, `ln2`, `ffn.fc1 [4C, C]`, `ffn.fc2 [C, 4C]`.
final class TransformerBlock {
    let norm: Norm
    let ln1: LayerNormalization
    let attn: MultiHeadAttention
    let ln2: LayerNormalization
    let fc1: Linear
    let fc2: Linear

    init(width c: Int, heads: Int, norm: Norm, rng: inout RandomSource) {
        self.norm = norm
        ln1 = LayerNormalization(c)
        attn = MultiHeadAttention(width: c, heads: heads, rng: &rng)
        ln2 = LayerNormalization(c)
        fc1 = Linear(c, 4 * c, rng: &rng)
        fc2 = Linear(4 * c, c, rng: &rng)
    }

    func parameters(_ prefix: String) -> [(name: String, tensor: Tensor)] {
        ln1.parameters("\(prefix).ln1") + attn.parameters("\(prefix).attn") + ln2.parameters("\(prefix).ln2")
            + fc1.parameters("\(prefix).ffn.fc1") + fc2.parameters("\(prefix).ffn.fc2")
    }

    func ffn(_ x: Tensor) -> Tensor { fc2(fc1(x).relu()) }  // [B, T, C] → [B, T, 4C] → [B, T, C]

    /// Returns the block's output `[B, T, C]` and its attention weights `[B, h, T, T]`.
    func callAsFunction(_ x: Tensor) -> (output: Tensor, attention: Tensor) {
        switch norm {
        case .pre:
            let (a, weights) = attn(ln1(x))
            let y = x + a
            return (y + ffn(ln2(y)), weights)
        case .post:
            let (a, weights) = attn(x)
            let y = ln1(x + a)
            return (ln2(y + ffn(y)), weights)
        }
    }

    /// The same block with attention in its readable form and every stage recorded under
    /// `prefix` (`blocks.0`): what the step-through view walks.
    func readable(_ x: Tensor, _ prefix: String, record: ForwardRecord) -> Tensor {
        let p = prefix
        func ffn(_ x: Tensor) -> Tensor {
            let hidden = record("\(p).ffn.fc1", fc1(x))                          // x W_1ᵀ + b_1   [B, T, 4C]
            let relu = record("\(p).ffn.relu", hidden.relu())
            return record("\(p).ffn", fc2(relu))                                 // · W_2ᵀ + b_2   [B, T, C]
        }
        switch norm {
        case .pre:
            let a = attn.readable(record("\(p).ln1", ln1(x)), "\(p).attn", record: record)
            let y = record("\(p).residual1", x + a)
            return record(p, y + ffn(record("\(p).ln2", ln2(y))))
        case .post:
            let a = attn.readable(x, "\(p).attn", record: record)
            let y = record("\(p).ln1", ln1(record("\(p).residual1", x + a)))
            return record(p, ln2(record("\(p).residual2", y + ffn(y))))
        }
    }
}
