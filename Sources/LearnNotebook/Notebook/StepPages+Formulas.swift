import Foundation
import LearnModels

/// What the step-through view writes beside each stage of a sequence model: its formula,
/// and where its gradient comes from.
extension StepPages {
    static func gate(_ name: String) -> (label: String, meaning: String) {
        switch name {
        case "cell.i": ("i = σ(gates_i)", "input gate")
        case "cell.f": ("f = σ(gates_f)", "forget gate")
        case "cell.g": ("g = tanh(gates_g)", "candidate")
        case "cell.o": ("o = σ(gates_o)", "output gate")
        case "cell.c": ("c_t = f ⊙ c_{t−1} + i ⊙ g", "cell state")
        case "cell.r": ("r = σ(gates_r)", "reset gate")
        case "cell.z": ("z = σ(gates_z)", "update gate")
        case "cell.n": ("n = tanh(x_n + r ⊙ (W_hn h_{t−1} + b_hn))", "")
        default: ("h_t", "")
        }
    }

    static func gateSymbol(_ name: String) -> String {
        switch name {
        case "cell.c": "c_t"
        case "cell": "h_t"
        default: String(name.dropFirst(5))
        }
    }

    /// The equation of a stage, as the model file writes it.
    func formula(_ name: String) -> [String] {
        let stage = Self.short(name)
        let pre = step.trace.config.contains { $0.key == "norm" && $0.value == .string("pre") }
        let dk = headWidth
        switch stage {
        case "embed": return ["x_t = embed.weight[token_t]: each token's row of the embedding table."]
        case "tok_emb": return ["tok_emb = tok_emb.weight[token]: each token's row of the embedding table."]
        case "x": return ["x = tok_emb + PE: the fixed sinusoidal position code is added, so order is visible."]
        case "ln1", "ln2", "ln_f":
            return ["\(stage.uppercased()): each position's vector normalised, (x − mean)/√(var + 1e-5) · γ + β."]
        case "attn.q": return ["Q = x W_qᵀ + b_q, K = x W_kᵀ + b_k, V = x W_vᵀ + b_v, each split into heads of d_k = \(dk)",
                               "columns: [B, T, C] → [B, h, T, d_k]."]
        case "attn.k", "attn.v": return []
        case "attn.scores": return ["S = Q Kᵀ per head: how well each position's query matches each key."]
        case "attn.scaled": return ["S / √d_k = S / √\(dk) (× \(Self.num(1 / Float(dk).squareRoot()))): the scores' spread no longer grows with d_k."]
        case "attn.masked": return ["+ mask: −∞ above the diagonal (\(glyphs.masked)), so position i sees only positions 1…i."]
        case "attn.weights": return ["A = softmax(row): the attention weights; each row sums to 1 (\(glyphs.masked) = masked, weight 0)."]
        case "attn.heads": return ["A V per head: each position's mix of the values, weighted by its row of A."]
        case "attn.concat": return ["concat: the heads side by side again, [B, h, T, d_k] → [B, T, C]."]
        case "attn": return ["Attn = concat · W_oᵀ + b_o: the heads' results mixed."]
        case "residual1": return [pre ? "y = x + Attn(LN1(x)): the residual connection adds the input back." : "x + Attn(x): the residual connection adds the input back."]
        case "ffn.fc1": return ["x W_1ᵀ + b_1: the feed-forward net widens each position to 4C."]
        case "ffn.relu": return ["ReLU: negative values become 0."]
        case "ffn": return ["FFN = ReLU(·) W_2ᵀ + b_2: back to width C."]
        case "residual2": return ["y + FFN(y): the second residual connection."]
        case "logits": return ["logits = x W_headᵀ + b_head: a score for every token of the vocabulary."]
        default:
            if name.hasPrefix("blocks.") && name.split(separator: ".").count == 2 {
                return [pre ? "the block's output: y + FFN(LN2(y))." : "the block's output: LN2(y + FFN(y))."]
            }
            return []
        }
    }

    private var headWidth: Int {
        step.forward.first { $0.name.hasSuffix(".attn.q") }?.value.shape.last ?? 0
    }

    /// How the gradient of a stage is made from the stages that read it.
    func gradientNote(_ key: String) -> String {
        let pre = step.trace.config.contains { $0.key == "norm" && $0.value == .string("pre") }
        let block = key.hasPrefix("blocks.") && key.split(separator: ".").count == 2
        switch block ? "block" : Self.short(key) {
        case "attn.weights": return "∂L/∂A = ∂L/∂(AV) · Vᵀ, per head."
        case "attn.masked": return "through softmax: ∂L/∂s = A ⊙ (∂L/∂A − Σ_j A ∂L/∂A); 0 where masked."
        case "attn.scaled": return "the mask passes it where a position is seen, 0 where masked."
        case "attn.scores": return "÷ √d_k again."
        case "attn.qkv": return "∂L/∂Q = ∂L/∂S · K, ∂L/∂K = ∂L/∂Sᵀ · Q, ∂L/∂V = Aᵀ · ∂L/∂(AV), per head."
        case "attn.heads": return "the concat's gradient, split back into heads."
        case "attn.concat": return "∂L/∂concat = ∂L/∂Attn · W_o."
        case "attn", "ffn": return "a sum passes its gradient to each input unchanged: this is the residual's."
        case "residual1": return pre ? "two paths add up: the skip from the block's output, and back through the FFN and LN2."
                                     : "back through LN1."
        case "residual2": return "back through LN2."
        case "x": return pre ? "two paths add up: the skip from the residual, and back through attention and LN1."
                             : "the attention path and the residual's skip add up."
        case "ffn.relu": return "∂L/∂relu = ∂L/∂FFN · W_2."
        case "ffn.fc1": return "relu's slope: passed where the unit was on (> 0), 0 where it was off."
        case "ln_f": return "∂L/∂ln_f = ∂L/∂logits · W_head."
        case "block": return "from what reads the block's output: the next block, or the head."
        case "embed", "tok_emb": return "each token's row of the table collects the gradient of every position it is at."
        default: return "from every stage that reads it: a linear layer sends back ∂L/∂output · W; paths add up."
        }
    }
}
