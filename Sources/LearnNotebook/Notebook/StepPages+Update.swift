import Foundation
import LearnModels

/// The update page of a step: the rule or optimiser, each parameter's step from its
/// gradient (and its moments for Adam), parameter by parameter.
extension StepPages {
    func update() -> [Page] {
        let o = step.optimizer
        let norm = step.trace.grads.reduce(Float(0)) { $0 + $1.value.data.reduce(0) { $0 + $1 * $1 } }.squareRoot()
        var lines: [String]
        switch (step.rule, o.name) {
        case (.classic, _):
            lines = ["The classic rule moved each weight by ±\(Format.number(o.lr)) per wrong answer."]
        case (_, .sgd):
            lines = ["SGD, lr \(Format.number(o.lr))" + (o.momentum > 0 ? ", momentum \(Format.number(o.momentum))" : "")
                     + (o.weightDecay > 0 ? ", weight decay \(Format.number(o.weightDecay))" : ""),
                     o.momentum > 0 ? "v ← momentum · v + g;  new = old − lr · v" : "new = old − lr · ∂L/∂w"]
        case (_, .adam):
            lines = ["Adam, lr \(Format.number(o.lr)) (β₁ 0.9, β₂ 0.999, ε 1e-8)",
                     "m ← 0.9·m + 0.1·g;  v ← 0.999·v + 0.001·g²;  new = old − lr · m̂ / (√v̂ + ε)",
                     "(m̂, v̂: m and v corrected for starting at zero)"]
        }
        if let clip = step.clip, step.rule == .gradient {
            lines.append(Double(norm) > clip
                ? "gradient norm ‖g‖ = \(Self.num(norm)) > clip \(Format.number(clip)): every gradient is scaled by \(Self.num(Float(clip) / norm)) first"
                : "gradient norm ‖g‖ = \(Self.num(norm)) ≤ clip \(Format.number(clip)): no clipping")
        }
        lines.append("")
        let header = lines
        lines = []
        let plainSGD = step.rule == .gradient && o.name == .sgd && o.momentum == 0 && o.weightDecay == 0
            && (step.clip.map { Double(norm) <= $0 } ?? true)
        for (i, (name, old)) in step.trace.params.enumerated() {
            let new = step.after[i].data
            let grad = step.trace.grads[i].value.data
            if old.data.count <= 4 {
                for j in old.data.indices {
                    let label = old.data.count == 1 ? name : "\(name)[\(j)]"
                    let how = plainSGD ? "\(Self.num(old.data[j])) − \(Format.number(o.lr)) × \(Self.num(grad[j])) = " : "\(Self.num(old.data[j])) → "
                    lines.append("\(label): \(how)\(Self.num(new[j]))" + state(parameter: i, index: j))
                }
            } else {
                let changes = zip(old.data, new).map { abs($1 - $0) }
                lines.append("\(name) \(Self.shape(old.shape)): mean |change| \(Self.num(changes.reduce(0, +) / Float(changes.count))), largest \(Self.num(changes.max() ?? 0))")
            }
        }
        if !step.finished { lines += ["", "This step diverged: the run stops here."] }
        return chunked("update", header: header, rows: lines)
    }

    /// A page with `header` above as many `rows` as fit, then another with the same header
    /// for the rest: as many as fit the narrowest box (80×24: 20 lines of 74 columns), so
    /// the number of pages does not depend on the screen.
    func chunked(_ title: String, header: [String], rows: [String]) -> [Page] {
        let (width, height) = (74, 20)
        let used = header.map { Notebook.wrap($0, width: width).count }.reduce(0, +)
        var parts: [[String]] = [[]]
        var lines = 0
        for row in rows {
            let n = Notebook.wrap(row, width: width).count
            if lines + n > height - used, !parts[parts.count - 1].isEmpty {
                parts.append([])
                lines = 0
            }
            parts[parts.count - 1].append(row)
            lines += n
        }
        return parts.enumerated().map { i, part in
            Page(title: parts.count > 1 ? "\(title) \(i + 1)/\(parts.count)" : title, lines: header + part)
        }
    }

    /// The optimiser's own numbers for one weight, after the step: momentum's v, or Adam's
    /// m and v with their bias-corrected m̂ and v̂.
    private func state(parameter i: Int, index j: Int) -> String {
        guard step.rule == .gradient else { return "" }
        switch step.state {
        case .none: return ""
        case .momentum(let velocity):
            guard velocity.indices.contains(i), velocity[i].indices.contains(j) else { return "" }
            return "   (v = \(Self.num(velocity[i][j])))"
        case .adam(let m, let v, let t):
            guard m.indices.contains(i), m[i].indices.contains(j) else { return "" }
            let mHat = Double(m[i][j]) / (1 - pow(0.9, Double(t)))
            let vHat = Double(v[i][j]) / (1 - pow(0.999, Double(t)))
            return "   (m = \(Self.num(m[i][j])), v = \(Self.num(v[i][j])); t = \(t): m̂ = \(Format.number(mHat)), v̂ = \(Format.number(vHat)))"
        }
    }
}
