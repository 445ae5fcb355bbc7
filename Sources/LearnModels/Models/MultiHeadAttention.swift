import LearnTensor

/// Causal multi-head self-attention. With `h` heads of width `d_k = C/h`:
///
///     Q = x W_qᵀ + b_q,  K = x W_kᵀ + b_k,  V = x W_vᵀ + b_v        [B, T, C] → [B, h, T, d_k]
///     A = softmax(Q Kᵀ / √d_k + mask)                                  [B, h, T, T], mask = −∞ above the diagonal
///     y = concat_heads(A V) W_oᵀ + b_o                                 [B, T, C]
///
/// Parameters `attn.wq/wk/wv/wo.weight [C, C]`, `.bias [C]`. `A` is what the heatmap shows.
/// The middle line (per head: scores, mask, softmax, `A V`) is one fused op, ``causalSelfAttention(q:k:v:heads:)``.
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
}
