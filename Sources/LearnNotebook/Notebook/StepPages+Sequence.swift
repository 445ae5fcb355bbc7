import Foundation
import LearnModels
import LearnRender

/// The pages of a sequence model's step: the stages of its readable form (the recurrent cell
/// one time step at a time, gate by gate; the Transformer module by module, attention stage
/// by stage), forward and then backward through the same stages, each shown for the followed
/// sequence as its formula, shape, a small heatmap and min/mean/max.
extension StepPages {
    /// Stages shown on one page: a recurrent time step's gates together, Q, K and V together,
    /// every other stage alone.
    struct Group {
        let key: String
        let stages: [StepTrace.Stage]
        var time: Int? { stages.first?.time }
    }

    var sequencePages: [Page] {
        let groups = stageGroups
        let forward = groups.map { group in Page(title: title(group, backward: false), lines: forwardLines(group)) }
        var backward = groups.reversed().map { group in Page(title: title(group, backward: true), lines: backwardLines(group)) }
        if groups.contains(where: { $0.time != nil }) {
            backward.insert(contentsOf: throughTime(), at: 1)
        }
        return [Page(title: "the batch", lines: sequenceBatch())] + forward + [Page(title: "loss", lines: sequenceLoss())]
            + backward + parameterGradients() + update()
    }

    var stageGroups: [Group] {
        var groups: [Group] = []
        for stage in step.forward {
            let key = stage.time.map { "t\($0)" } ?? (Self.isProjection(stage.name) ? String(stage.name.dropLast(2)) + ".qkv" : stage.name)
            if let last = groups.last, last.key == key {
                groups[groups.count - 1] = Group(key: key, stages: last.stages + [stage])
            } else {
                groups.append(Group(key: key, stages: [stage]))
            }
        }
        return groups
    }

    private static func isProjection(_ name: String) -> Bool {
        name.hasSuffix(".attn.q") || name.hasSuffix(".attn.k") || name.hasSuffix(".attn.v")
    }

    // MARK: The batch and the loss

    private var tokens: [Int] { tokenRow("inputs") }
    private var nextTokens: [Int] { tokenRow("targets") }
    private var scored: [Bool] {
        guard let mask = step.trace.batch.first(where: { $0.name == "mask" })?.value else { return tokens.map { _ in true } }
        let t = mask.shape[1]
        return mask.data[(example * t)..<((example + 1) * t)].map { $0 != 0 }
    }

    private func tokenRow(_ name: String) -> [Int] {
        guard let v = step.trace.batch.first(where: { $0.name == name })?.value, v.shape.count == 2 else { return [] }
        let t = v.shape[1]
        return v.data[(example * t)..<((example + 1) * t)].map { Int($0) }
    }

    /// A token as one visible character: `␣` for a space, `⏎` for a newline.
    func symbol(_ id: Int) -> String {
        guard step.symbols.indices.contains(id) else { return "?" }
        switch step.symbols[id] {
        case " ": return "␣"
        case "\n": return "⏎"
        case let s: return s
        }
    }

    private func sequenceBatch() -> [String] {
        let b = count, t = tokens.count
        var lines = ["The step learns from a batch of \(b) sequences of \(t) tokens. At every position the",
                     "model reads the tokens so far and is scored on the one that follows.", "",
                     "Following sequence \(example + 1) of \(b) \(otherExample):", ""]
        let shown = min(t, (width - 8) / 2)
        lines.append("  in    " + tokens.prefix(shown).map(symbol).joined(separator: " "))
        lines.append("  next  " + nextTokens.prefix(shown).map(symbol).joined(separator: " "))
        if scored.contains(false) {
            lines.append("  loss  " + scored.prefix(shown).map { $0 ? "^" : " " }.joined(separator: " "))
            lines += ["", "The loss counts only the positions marked ^ (the answer); the others are context."]
        }
        if shown < t { lines.append("  (the first \(shown) of \(t) positions)") }
        return lines
    }

    private func sequenceLoss() -> [String] {
        var lines = ["Cross-entropy: at every scored position, p = softmax(logits) and the loss is",
                     "−log p(the token that follows). L is the mean over the batch's scored positions.", ""]
        if let logits = step.forward.last(where: { $0.name == "logits" })?.value, logits.shape.count == 3 {
            let (t, v) = (logits.shape[1], logits.shape[2])
            let rows = (0..<t).filter { scored.indices.contains($0) && scored[$0] }
            lines.append("sequence \(example + 1), position: token → next, p(next), −log p")
            for position in rows.suffix(max(3, height - 9)) {
                let start = (example * t + position) * v
                let p = Self.softmax(Array(logits.data[start..<(start + v)]))
                let want = nextTokens[position]
                let guess = p.indices.max { p[$0] < p[$1] } ?? 0
                lines.append("  \(String(position + 1).leftPadded(3))  \(symbol(tokens[position])) → \(symbol(want))"
                             + "   p = \(Self.num(p[want]))   −log p = \(Self.num(-log(p[want])))"
                             + (guess == want ? "" : "   (it guessed \(symbol(guess)))"))
            }
            lines.append("")
        }
        lines.append("L = \(Format.number(step.trace.loss))   (the mean over the whole batch)")
        return lines
    }

    // MARK: Forward and backward, stage by stage

    private func forwardLines(_ group: Group) -> [String] {
        if let time = group.time { return timeStep(group, time: time, backward: false) }
        var lines: [String] = []
        for stage in group.stages {
            lines += formula(stage.name)
            lines += view(stage.value, name: stage.name, label: Self.short(stage.name), compact: group.stages.count > 1,
                          above: lines)
        }
        return lines
    }

    private func backwardLines(_ group: Group) -> [String] {
        if let time = group.time { return timeStep(group, time: time, backward: true) }
        var lines = group.key == "logits"
            ? ["∂L/∂logits = (p − onehot(next)) / N at each scored position (N scored in the batch),",
               "0 where the loss does not count: the start of the backward pass.", ""]
            : ["The gradient arrives from the stages after this one, by the chain rule:", gradientNote(group.key), ""]
        for stage in group.stages {
            guard let gradient = stage.gradient else {
                lines.append("∂L/∂\(Self.short(stage.name)): no gradient reaches it")
                continue
            }
            lines += view(gradient, name: stage.name, label: "∂L/∂" + Self.short(stage.name), compact: group.stages.count > 1,
                          above: lines)
        }
        return lines
    }

    private func title(_ group: Group, backward: Bool) -> String {
        if let t = group.time {
            let token = tokens.indices.contains(t) ? symbol(tokens[t]) : "?"
            return "\(backward ? "backward" : "forward"): t = \(t + 1) of \(tokens.count), token \(token)"
        }
        let name = group.key.hasSuffix(".qkv") ? String(group.key.dropLast(4)) + ".q, k, v" : group.key
        return backward ? "backward: ∂L/∂" + name : "forward: " + name
    }

    /// One recurrent time step: every gate of the followed sequence at step t, forward (its
    /// values) or backward (their gradients).
    private func timeStep(_ group: Group, time t: Int, backward: Bool) -> [String] {
        var lines: [String]
        let kind = group.stages.contains { $0.name == "cell.i" } ? "lstm" : group.stages.contains { $0.name == "cell.r" } ? "gru" : "rnn"
        if backward {
            lines = ["∂L/∂h_t arrives from the head at this position and from step t+1 (through W_hh" + (kind == "lstm" ? ", and" : ")."),
                     kind == "lstm" ? "along the cell state c, multiplied only by f). Then back through the gates:" : "Then back through the equations below:", ""]
        } else {
            lines = [kind == "rnn" ? "The same weights at every step; h_{t−1} carries what came before."
                     : "gates = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh, split in order \(kind == "lstm" ? "i, f, g, o" : "r, z, n"):", ""]
        }
        let order = kind == "lstm" ? ["cell.i", "cell.f", "cell.g", "cell.o", "cell.c", "cell"] : kind == "gru" ? ["cell.r", "cell.z", "cell.n", "cell"] : ["cell"]
        for name in backward ? order.reversed() : order {
            guard let stage = group.stages.first(where: { $0.name == name }) else { continue }
            let values = backward ? stage.gradient : stage.value
            let row = values.map { v -> [Float] in
                let h = v.shape.last ?? 0
                return Array(v.data[(example * h)..<((example + 1) * h)])
            } ?? []
            let (label, meaning) = Self.gate(name)
            let head = (backward ? "∂L/∂" + Self.gateSymbol(name) : label).padding(toLength: backward ? 10 : 44, withPad: " ", startingAt: 0)
            lines.append(head + (backward ? "" : meaning.isEmpty ? "" : meaning + "  ") + (row.isEmpty ? "no gradient" : Self.stats(row)))
            if !row.isEmpty { lines += strip(row, width: width - 2).map { "  " + $0 } }
        }
        return lines
    }

    /// ‖∂L/∂h_t‖ of the followed sequence at every step: the gradient flowing back through time.
    /// One page, or several where a long sequence's numbers do not fit 74×20 (``chunked``:
    /// the same pages at every window size); each repeats the explanation and the bar.
    private func throughTime() -> [Page] {
        let norms: [(t: Int, norm: Float)] = step.forward.compactMap { stage in
            guard stage.name == "cell", let t = stage.time, let g = stage.gradient, let h = g.shape.last else { return nil }
            let row = g.data[(example * h)..<((example + 1) * h)]
            return (t, row.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }.sorted { $0.t < $1.t }
        var lines = ["How much gradient reaches each step's hidden state, ‖∂L/∂h_t‖, sequence \(example + 1).",
                     "Going back in time, each step multiplies it by W_hh and the gates' slopes: where",
                     "it fades towards the start, early tokens barely learn (lesson 08).", ""]
        let top = norms.map(\.norm).max() ?? 0
        lines.append("  t 1→\(norms.count)  " + String(norms.map { n in
            glyphs.verticalEighths[top > 0 ? max(1, min(8, Int((n.norm / top * 8).rounded()))) : 0]
        }))
        lines.append("")
        let perLine = (74 - 2) / 16   // at chunked's width at every window size, so the pages are the same
        let rows = stride(from: 0, to: norms.count, by: perLine).map { start in
            "  " + norms[start..<min(norms.count, start + perLine)].map {
                "t\($0.t + 1) \(Self.num($0.norm))".padding(toLength: 16, withPad: " ", startingAt: 0)
            }.joined()
        }
        return chunked("backward through time", header: lines, rows: rows)
    }

    /// The parameters' gradients, summed over every position and time step that used them.
    private func parameterGradients() -> [Page] {
        let header = ["Each parameter's gradient is the sum of what every position (and time step) that",
                      "used it sent back. Before clipping:", ""]
        let rows = step.trace.grads.reversed().map { name, grad in
            "∂L/∂\(name) \(Self.shape(grad.shape)): " + Self.summary(grad.data)
        }
        return chunked("backward: the parameters", header: header, rows: rows)
    }

    // MARK: Views of one tensor

    /// The followed sequence's part of a tensor: `[T, X]` for `[B, T, X]`; per head `[T, X]`
    /// for `[B, h, T, X]`; as a heatmap where it is wide, with min/mean/max.
    /// `compact`: per head one line of min/mean/max, no heatmap (Q, K and V share a page).
    /// `above`: the page's lines before this view; the heatmap takes what is left of ``height``.
    private func view(_ v: Trace.Values, name: String, label: String, compact: Bool, above: [String]) -> [String] {
        let per = v.data.count / max(1, v.shape.first ?? 1)
        let mine = Array(v.data[(example * per)..<((example + 1) * per)])
        if compact, v.shape.count == 4 {
            let part = per / v.shape[1]
            return ["\(label) \(Self.shape(v.shape)), sequence \(example + 1), per head:"] + (0..<v.shape[1]).map { h in
                "  head \(h + 1): " + Self.stats(Array(mine[(h * part)..<((h + 1) * part)]))
            }
        }
        var lines = ["\(label) \(Self.shape(v.shape)), sequence \(example + 1): " + Self.stats(mine)]
        // What is left for the maps once the lines above, this one and a window note are drawn.
        let room = max(4, height - wrapped(above + lines) - 1)
        let rowLabels = tokens.enumerated().map { "\(String($0.offset + 1).leftPadded(2)) \(symbol($0.element))" }
        if v.shape.count == 4 {
            let (heads, t, x) = (v.shape[1], v.shape[2], v.shape[3])
            let maps = (0..<heads).map { Array(mine[($0 * t * x)..<(($0 + 1) * t * x)]) }
            let causal = name.hasSuffix(".masked") || name.hasSuffix(".weights")
            lines += sideBySide(maps, rows: t, cols: x, labels: rowLabels, height: room, causal: causal)
        } else if v.shape.count == 3 {
            let (t, x) = (v.shape[1], v.shape[2])
            lines += sideBySide([mine], rows: t, cols: x, labels: rowLabels, height: room)
        }
        return lines
    }

    /// Lines these take once wrapped to ``width``.
    private func wrapped(_ lines: [String]) -> Int {
        lines.map { Notebook.wrap($0, width: width).count }.reduce(0, +)
    }

    /// Heatmaps (one per head) side by side as far as the width allows, the rest below; each
    /// a window of the last rows (the latest positions) and the first columns, saying so.
    /// `causal`: entries above the diagonal are drawn `·` (masked: a future position).
    func sideBySide(_ maps: [[Float]], rows: Int, cols: Int, labels: [String], height: Int, causal: Bool = false) -> [String] {
        let labelWidth = 6
        // As many maps side by side as fit whole; if not even one does, one map, its first columns.
        let fit = max(1, min(maps.count, (width - labelWidth) / (cols + 2)))
        let bands = (maps.count + fit - 1) / fit
        let perRow = (maps.count + bands - 1) / bands  // 4 heads as 2 + 2, not 3 + 1
        let shownCols = max(1, min(cols, (width - labelWidth) / perRow - 2))
        let shownRows = max(2, min(rows, height / bands - (maps.count > 1 ? 1 : 0)))
        let firstRow = rows - shownRows
        // Each map's shades are scaled to the part of it that is shown.
        let scales = maps.map { m in
            Self.scale((firstRow..<rows).flatMap { r in m[(r * cols)..<(r * cols + shownCols)] })
        }
        var lines: [String] = []
        var note = ""
        if shownRows < rows { note += "rows \(firstRow + 1)–\(rows) of \(rows)" }
        if shownCols < cols { note += (note.isEmpty ? "" : ", ") + "columns 1–\(shownCols) of \(cols)" }
        if !note.isEmpty { lines.append("(\(note))") }
        for band in 0..<bands {
            let members = Array((band * perRow)..<min(maps.count, (band + 1) * perRow))
            if maps.count > 1 {
                lines.append(String(repeating: " ", count: labelWidth) + members.map {
                    "head \($0 + 1)".padding(toLength: shownCols + 2, withPad: " ", startingAt: 0)
                }.joined())
            }
            for r in firstRow..<rows {
                let label = (labels.indices.contains(r) ? labels[r] : String(r + 1)).padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                lines.append(label + members.map { m in
                    String((0..<shownCols).map { c in
                        causal && c > r ? glyphs.masked : shade(maps[m][r * cols + c], scale: scales[m])
                    }) + "  "
                }.joined())
            }
        }
        return lines
    }

    /// A vector of units as one line of shades (several lines when wider than `width`);
    /// eight or fewer as numbers.
    func strip(_ v: [Float], width: Int) -> [String] {
        if v.count <= 8 { return [Self.list(v)] }
        let scale = Self.scale(v)
        let per = max(8, width)
        return stride(from: 0, to: v.count, by: per).map { start in
            String(v[start..<min(v.count, start + per)].map { shade($0, scale: scale) })
        }
    }

    /// The glyph set's signed ramps (`░▒▓█` positive, `⣀⣤⣶⣿` negative), by size against
    /// `scale`; the masked glyph (`·`) for −∞, a space near zero.
    func shade(_ x: Float, scale: Float) -> Character {
        guard x.isFinite else { return glyphs.masked }
        guard scale > 0 else { return " " }
        let ramp = x > 0 ? glyphs.positive : glyphs.negative
        return ramp[min(ramp.count - 1, Int((abs(x) / scale * Float(ramp.count - 1)).rounded()))]
    }

    static func scale(_ v: [Float]) -> Float { v.filter(\.isFinite).map(abs).max() ?? 0 }

    /// min / mean / max over the finite values, and how many are masked.
    static func stats(_ v: [Float]) -> String {
        let finite = v.filter(\.isFinite)
        guard !finite.isEmpty else { return "all masked" }
        let mean = finite.reduce(0, +) / Float(finite.count)
        let masked = v.count - finite.count
        return "min \(num(finite.min() ?? 0)), mean \(num(mean)), max \(num(finite.max() ?? 0))"
            + (masked > 0 ? " (\(masked) masked: −∞)" : "")
    }

    /// `blocks.0.attn.weights` → `attn.weights` (the block is in the page's title).
    static func short(_ name: String) -> String {
        let parts = name.split(separator: ".")
        guard parts.count > 2, parts[0] == "blocks" else { return name }
        return parts.dropFirst(2).joined(separator: ".")
    }

}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: Swift.max(0, width - count)) + self }
}
