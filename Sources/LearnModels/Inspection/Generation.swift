import Foundation
import LearnTensor

/// Running a sequence model forward on its own output, without a graph.
enum Generation {
    /// The random stream text sampling draws from, mixed with the step so each step's
    /// sample is different but the same on every run.
    static let stream: UInt64 = 0xD1B5_4A32_D192_ED03

    /// Logits `[V]` for the token after `tokens`, reading at most the last `window` tokens.
    static func nextLogits(_ model: any SequenceModel, _ tokens: [Int], window: Int) -> [Float] {
        let context = Array(tokens.suffix(window))
        let t = context.count
        let logits = model.forward(context, batch: 1, time: t).logits   // [1, T, V]
        let v = logits.shape[2]
        return Array(logits.data[((t - 1) * v)..<(t * v)])
    }

    /// Greedy continuation: up to `count` tokens, stopping after any token in `stop`.
    static func greedy(_ model: any SequenceModel, prompt: [Int], count: Int, window: Int, stop: Set<Int> = []) -> [Int] {
        Tensor.withoutGrad {
            var tokens = prompt
            var out: [Int] = []
            for _ in 0..<count {
                let next = Objective.argmax(nextLogits(model, tokens, window: window)[...])
                tokens.append(next)
                out.append(next)
                if stop.contains(next) { break }
            }
            return out
        }
    }

    /// Sampled continuation of `count` tokens: `p = softmax(logits / temperature)`.
    static func sample(_ model: any SequenceModel, prompt: [Int], count: Int, window: Int, temperature: Float,
                       rng: inout RandomSource) -> [Int] {
        Tensor.withoutGrad {
            var tokens = prompt
            var out: [Int] = []
            for _ in 0..<count {
                let logits = nextLogits(model, tokens, window: window)
                let top = logits.max() ?? 0
                let weights = logits.map { Double(exp(($0 - top) / temperature)) }
                var r = Double(rng.uniform()) * weights.reduce(0, +)
                var next = weights.count - 1
                for (i, w) in weights.enumerated() {
                    r -= w
                    if r < 0 { next = i; break }
                }
                tokens.append(next)
                out.append(next)
            }
            return out
        }
    }
}
