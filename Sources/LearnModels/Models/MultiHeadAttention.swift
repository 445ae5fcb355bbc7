import LearnTensor

/// Causal multi-head self-attention. With `h` heads of width `d_k = C/h`:
///
///     Q = x W_qᵀ + b_q,  K = x W_kᵀ + b_k,  V = x W_vᵀ + b_v        [B, T, C] → [B, h, T, d_k]
///     A = softmax(Q Kᵀ / √d_k + mask)                                  [B, h, T, T], mask = −∞ above the diagonal
///     y = concat_heads(A V) W_oᵀ + b_o                                 [B, T, C]
///
/// Parameters `attn.wq/wk/wv/wo.weight [C, C]`, `.bias [C]`. `A` is what the heatmap shows.
/// Two forms of the same computation. ``readable(_:_:record:)`` writes every stage as its own
/// op, the heads as a batch axis (as nanoGPT does): this is what the step-through view walks.
/// ``callAsFunction(_:)`` runs the middle line (per head: scores, mask, softmax, `A V`) as one
/// fused op, ``causalSelfAttention(q:k:v:heads:)``, reading the heads in place with no
/// split, transpose or concatenation copies — that is what training runs. A test holds the
/// two equal, values and gradients.
final class MultiHeadAttention {
    let heads: Int
    let wq: Linear, wk: Linear, wv: Linear, wo: Linear

    init(width c: Int, heads: Int, rng: inout RandomSource) {
        precondition(c % heads == 0)
        self.heads = heads
        wq = Linear(c, c, rng: &rng)
        wk = Linear(c, c, rng: &rng)
        wv = Linear(c, c, rng: &rng)
        wo = Linear(c, c, rng: &rng)
    }

    func parameters(_ prefix: String) -> [(name: String, tensor: Tensor)] {
        wq.parameters("\(prefix).wq") + wk.parameters("\(prefix).wk") + wv.parameters("\(prefix).wv") + wo.parameters("\(prefix).wo")
    }

    /// Returns the output `[B, T, C]` and the attention weights `[B, h, T, T]`.
    func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) {
        let q = wq(x), k = wk(x), v = wv(x)                                    // [B, T, C]; head i is columns i·d_k ..< (i+1)·d_k
        let (y, weights) = causalSelfAttention(q: q, k: k, v: v, heads: heads) // [B, T, C] (heads side by side), [B, h, T, T]
        return (wo(y), weights)
    }

    /// The readable form, each stage recorded under `prefix` (`blocks.0.attn`). Returns `[B, T, C]`.
    func readable(_ x: Tensor, _ prefix: String, record: ForwardRecord) -> Tensor {
        let (b, t, c) = (x.shape[0], x.shape[1], x.shape[2])
        let dk = c / heads
        func perHead(_ y: Tensor) -> Tensor { y.reshaped([b, t, heads, dk]).transposed(1, 2) }  // [B, T, C] → [B, h, T, d_k]
        let q = record("\(prefix).q", perHead(wq(x)))                                    // Q = x W_qᵀ + b_q
        let k = record("\(prefix).k", perHead(wk(x)))                                    // K = x W_kᵀ + b_k
        let v = record("\(prefix).v", perHead(wv(x)))                                    // V = x W_vᵀ + b_v
        let scores = record("\(prefix).scores", matmul(q, k.transposed()))               // Q Kᵀ        [B, h, T, T]
        let scaled = record("\(prefix).scaled", scores / Float(dk).squareRoot())         // / √d_k
        let masked = record("\(prefix).masked", scaled.maskedFill(causalMask(t), value: -.infinity))  // −∞ above the diagonal
        let a = record("\(prefix).weights", masked.softmax())                            // A = softmax, row by row
        let y = record("\(prefix).heads", matmul(a, v))                                  // A V         [B, h, T, d_k]
        let joined = record("\(prefix).concat", y.transposed(1, 2).reshaped([b, t, c]))  // heads side by side [B, T, C]
        return record(prefix, wo(joined))                                                 // · W_oᵀ + b_o
    }
}
