import Foundation
import LearnModels
import LearnRender

/// One recorded training step (``StepTrace``) as the pages of the step-through view: the
/// batch, each forward stage, the loss, the backward pass and the update — with the numbers
/// of one followed example written into the formulas where the model is small enough. The
/// notebook draws them in its overlay (`x`); `learn step` prints them.
public struct StepPages {
    /// A page's lines are made when they are read: a Transformer's step has some seventy
    /// pages, and the view draws one.
    public struct Page {
        public let title: String
        private let make: () -> [String]
        public var lines: [String] { make() }

        init(title: String, lines: @autoclosure @escaping () -> [String]) {
            self.title = title
            make = lines
        }
    }

    public let step: StepTrace
    /// The followed example, an index into the batch.
    public let example: Int
    /// How the reader picks another example: the arrow keys, or `learn step --example N`.
    public let interactive: Bool
    /// Columns and lines a page may use (heatmaps are windowed to fit).
    public let width: Int
    public let height: Int
    /// The heatmaps' shades: Unicode, or ASCII (`--ascii`).
    public let glyphs: GlyphSet

    public init(step: StepTrace, example: Int, interactive: Bool = true, width: Int = 100, height: Int = 36,
                glyphs: GlyphSet = .unicode) {
        self.step = step
        self.example = example
        self.interactive = interactive
        self.width = width
        self.height = height
        self.glyphs = glyphs
    }

    /// Every page, its lines wrapped to ``width`` (a wrapped line keeps its indentation).
    public var pages: [Page] {
        let pages = isPointModel ? [batch()] + forward() + [loss()] + layerGradients() + [backward()] + update() : sequencePages
        return pages.map { page in Page(title: page.title, lines: page.lines.flatMap { Notebook.wrap($0, width: width) }) }
    }

    // MARK: The batch

    private var inputs: Trace.Values? { value("inputs", in: step.trace.batch) }
    private var targets: Trace.Values? { value("targets", in: step.trace.batch) }
    var count: Int { inputs?.shape.first ?? 0 }
    private var isPointModel: Bool { step.symbols.isEmpty }

    private func batch() -> Page {
        guard let inputs, let targets else { return Page(title: "the batch", lines: ["(no batch recorded)"]) }
        let d = inputs.shape.count > 1 ? inputs.shape[1] : 1
        var lines = ["The step learns from a batch of \(count) examples: inputs x, targets y.", ""]
        lines.append("     #  " + (0..<d).map { "x\(Self.sub($0 + 1))".padding(toLength: 9, withPad: " ", startingAt: 0) }.joined() + "y")
        let first = max(0, min(example - 3, count - 8))
        for i in first..<min(count, first + 8) {
            let xs = (0..<d).map { Self.num(inputs.data[i * d + $0]).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined()
            let mark = i == example ? "▶" : " "
            lines.append("  \(mark) \(String(i + 1).leftPadded(3))  \(xs)\(Self.num(targets.data[i]))")
        }
        if count > 8 { lines.append("     … \(count - 8) more") }
        lines += ["", "Following example \(example + 1) of \(count) through the step \(otherExample)."]
        return Page(title: "the batch", lines: lines)
    }

    // MARK: Forward

    private func forward() -> [Page] {
        step.forward.map { stage in
            switch stage.name {
            case "y_hat": kxForward(stage.value)
            case "fc": perceptronForward(stage.value)
            default: mlpForward(stage)
            }
        }
    }

    private func kxForward(_ yHat: Trace.Values) -> Page {
        let k = param("k")?.data[0] ?? 0
        let x = inputs?.data[example] ?? 0
        return Page(title: "forward: ŷ = k · x", lines: [
            "The model multiplies the input by its one weight:  ŷ = k · x",
            "",
            "k = \(Self.num(k))   (its value before this step)",
            "example \(example + 1):  ŷ = \(Self.num(k)) × \(Self.num(x)) = \(Self.num(yHat.data[example]))",
            "",
            "the whole batch:  ŷ = " + Self.list(yHat.data),
        ])
    }

    private func perceptronForward(_ z: Trace.Values) -> Page {
        let w = param("fc.weight")?.data ?? []
        let b = param("fc.bias")?.data.first ?? 0
        let x = row(inputs, example)
        let terms = zip(w, x).map { "\(Self.num($0)) × \(Self.num($1))" }.joined(separator: " + ")
        let zi = z.data[example]
        return Page(title: "forward: z = w · x + b, p = σ(z)", lines: [
            "The neuron weighs its inputs and adds its bias:  z = w₁x₁ + w₂x₂ + b",
            "then squashes z into a probability of class 1:   p = σ(z) = 1 / (1 + e^−z)",
            "",
            "example \(example + 1):  z = \(terms) + \(Self.num(b)) = \(Self.num(zi))",
            "             p = σ(\(Self.num(zi))) = \(Self.num(Self.sigmoid(zi)))",
            "",
            "the whole batch:  z = " + Self.list(z.data),
        ])
    }

    private func mlpForward(_ stage: StepTrace.Stage) -> Page {
        let v = stage.value
        let width = v.shape.count > 1 ? v.shape[1] : 1
        let mine = row(v, example)
        let index = Int(stage.name.split(separator: ".").last ?? "0") ?? 0
        var lines: [String]
        if stage.name.hasPrefix("act.") {
            let name = step.activation.rawValue
            lines = ["Each unit's value goes through the activation:  act.\(index) = \(name)(layers.\(index))",
                     "shape \(Self.shape(v.shape)): \(count) examples × \(width) units", ""]
            lines.append("example \(example + 1):  " + Self.vector(mine))
            if step.activation == .relu {
                let off = mine.filter { $0 == 0 }.count
                lines.append("\(off) of \(width) units are off (0) for this example: no gradient passes through them.")
            }
        } else {
            let input = index == 0 ? "x" : "act.\(index - 1)"
            lines = ["A linear layer:  layers.\(index) = \(input) · W\(Self.sub(index))ᵀ + b\(Self.sub(index))"
                     + "   (layers.\(index).weight, layers.\(index).bias)",
                     "shape \(Self.shape(v.shape)): \(count) examples × \(width) outputs", ""]
            lines.append("example \(example + 1):  " + Self.vector(mine))
            if index == mlpLayers - 1, step.classes > 0 {
                let p = Self.softmax(mine)
                let predicted = p.indices.max { p[$0] < p[$1] } ?? 0
                lines += ["", "These are the class scores (logits). Softmax turns them into probabilities:",
                          "p = " + Self.vector(p),
                          "predicted class \(predicted), target class \(Int(targets?.data[example] ?? 0))"]
            }
        }
        return Page(title: "forward: \(stage.name)", lines: lines)
    }

    /// The part of the step a page belongs to (the batch, forward, loss, backward, update),
    /// from its title: PgDn and PgUp move by parts.
    public static func part(_ title: String) -> String {
        String(title.prefix { $0 != ":" && $0 != " " })
    }

    /// How to follow another example, in the reader's terms.
    var otherExample: String { interactive ? "(↑↓ follows another)" : "(--example N follows another)" }

    var mlpLayers: Int { step.forward.filter { $0.name.hasPrefix("layers.") }.count }

    // MARK: Loss

    private func loss() -> Page {
        let total = "L = \(Format.number(step.trace.loss))"
        guard let output = step.forward.last?.value, let y = targets?.data[example] else {
            return Page(title: "loss", lines: [total])
        }
        let mine = row(output, example)
        if step.classes == 0 {
            let yHat = mine.first ?? 0
            return Page(title: "loss", lines: [
                "Mean squared error:  L = mean over the batch of (ŷ − y)²", "",
                "example \(example + 1):  (ŷ − y)² = (\(Self.num(yHat)) − \(Self.num(y)))² = \(Self.num((yHat - y) * (yHat - y)))",
                "", "\(total)   (the mean over \(count) examples)",
            ])
        }
        let p: Float
        let formula: String
        if mine.count == 1 {
            let p1 = Self.sigmoid(mine[0])
            p = y == 1 ? p1 : 1 - p1
            formula = "Cross-entropy:  L = mean of −[y·log p + (1 − y)·log(1 − p)]"
        } else {
            p = Self.softmax(mine)[min(Int(y), mine.count - 1)]
            formula = "Cross-entropy:  L = mean of −log p(right class)"
        }
        return Page(title: "loss", lines: [
            formula, "",
            "example \(example + 1):  target \(Int(y)), p(right class) = \(Self.num(p)),  −log \(Self.num(p)) = \(Self.num(-log(p)))",
            "", "\(total)   (the mean over \(count) examples)",
        ])
    }

    // MARK: Backward

    private func backward() -> Page {
        var lines: [String] = []
        if step.rule == .classic {
            lines += ["The classic rule uses no gradient: it walks the examples in order and moves the",
                      "weights by a fixed amount wherever an answer is wrong. The gradient of the loss,",
                      "for comparison:", ""]
        }
        switch step.forward.first?.name {
        case "y_hat" where step.rule == .gradient: lines += kxBackward()
        case "fc" where step.rule == .gradient: lines += perceptronBackward()
        case .some where step.rule == .gradient:
            lines += ["From the loss back to the first layer, by the chain rule: each layer passes",
                      "∂L/∂input = ∂L/∂output · W back, and an activation multiplies by its slope",
                      "(for relu: 1 where the unit was on, 0 where it was off).", ""]
        default: break
        }
        for (name, grad) in step.trace.grads.reversed() {
            lines.append("∂L/∂\(name) \(Self.shape(grad.shape)): " + Self.summary(grad.data))
        }
        return Page(title: "backward", lines: lines)
    }

    /// An MLP's backward pass layer by layer, last first: each stage's gradient for the
    /// followed example, and the rule that made it from the one after it.
    private func layerGradients() -> [Page] {
        guard step.forward.first?.name.hasPrefix("layers.") == true else { return [] }
        let last = mlpLayers - 1
        return step.forward.reversed().compactMap { stage in
            guard let gradient = stage.gradient else { return nil }
            let i = Int(stage.name.split(separator: ".").last ?? "0") ?? 0
            let rule: [String]
            if stage.name == "layers.\(last)" {
                rule = step.classes > 0
                    ? ["The start of the backward pass: ∂L/∂logits = (softmax(logits) − onehot(target)) / N."]
                    : ["The start of the backward pass: ∂L/∂ŷ = 2(ŷ − y) / N."]
            } else if stage.name.hasPrefix("act.") {
                rule = ["∂L/∂act.\(i) = ∂L/∂layers.\(i + 1) · W\(Self.sub(i + 1)): layer \(i + 1) sends the gradient back through its weights."]
            } else {
                let slope = switch step.activation {
                case .relu: "1 where the unit was on, 0 where it was off"
                case .tanh: "1 − tanh²"
                case .sigmoid: "σ(1 − σ)"
                }
                rule = ["∂L/∂layers.\(i) = ∂L/∂act.\(i) ⊙ \(step.activation.rawValue)′(layers.\(i)), the slope being \(slope)."]
            }
            let input = i == 0 ? "x" : "act.\(i - 1)"
            let weights = stage.name.hasPrefix("layers.")
                ? ["", "Then ∂L/∂layers.\(i).weight = Σ over the batch of ∂L/∂layers.\(i)ᵀ · \(input), ∂L/∂layers.\(i).bias = Σ ∂L/∂layers.\(i)."]
                : []
            return Page(title: "backward: ∂L/∂\(stage.name)", lines: rule + ["",
                "example \(example + 1):  ∂L/∂\(stage.name) = " + Self.vector(row(gradient, example)),
                "the whole batch \(Self.shape(gradient.shape)): " + Self.summary(gradient.data)] + weights)
        }
    }

    private func kxBackward() -> [String] {
        guard let yHat = step.forward.first?.value, let x = inputs?.data[example], let y = targets?.data[example] else { return [] }
        let n = Float(count)
        let dy = 2 * (yHat.data[example] - y) / n
        return [
            "example \(example + 1):",
            "  ∂L/∂ŷ = 2(ŷ − y)/N = 2 × (\(Self.num(yHat.data[example])) − \(Self.num(y)))/\(count) = \(Self.num(dy))",
            "  ∂ŷ/∂k = x = \(Self.num(x))",
            "  chain rule: ∂L/∂ŷ · ∂ŷ/∂k = \(Self.num(dy)) × \(Self.num(x)) = \(Self.num(dy * x))   (this example's share)",
            "Every example adds its share:", "",
        ]
    }

    private func perceptronBackward() -> [String] {
        guard let z = step.forward.first?.value, let y = targets?.data[example] else { return [] }
        let p = Self.sigmoid(z.data[example])
        let dz = (p - y) / Float(count)
        let x = row(inputs, example)
        let shares = x.enumerated().map { "∂L/∂w\(Self.sub($0.offset + 1)) gets \(Self.num(dz)) × \(Self.num($0.element)) = \(Self.num(dz * $0.element))" }
        return [
            "example \(example + 1):",
            "  ∂L/∂z = (p − y)/N = (\(Self.num(p)) − \(Self.num(y)))/\(count) = \(Self.num(dz))",
            "  ∂z/∂wⱼ = xⱼ and ∂z/∂b = 1, so by the chain rule:",
        ] + shares.map { "  " + $0 } + ["  ∂L/∂b gets \(Self.num(dz))", "Every example adds its share:", ""]
    }

    // MARK: Numbers

    /// Examples (or sequences) in the step's batch.
    public var batchSize: Int { count }

    private func param(_ name: String) -> Trace.Values? { value(name, in: step.trace.params) }

    private func value(_ name: String, in list: [(name: String, value: Trace.Values)]) -> Trace.Values? {
        list.first { $0.name == name }?.value
    }

    private func row(_ v: Trace.Values?, _ i: Int) -> [Float] {
        guard let v, let n = v.shape.first, n > 0 else { return [] }
        let width = v.data.count / n
        return Array(v.data[i * width..<(i + 1) * width])
    }

    static func num(_ x: Float) -> String { Format.number(Double(x)) }

    static func shape(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: "×") + "]" }

    /// Up to eight values, then how many more.
    static func list(_ v: [Float]) -> String {
        "[" + v.prefix(8).map(num).joined(separator: ", ") + (v.count > 8 ? ", … \(v.count - 8) more]" : "]")
    }

    /// A short vector in full, a long one as min / mean / max.
    static func vector(_ v: [Float]) -> String {
        v.count <= 8 ? list(v) : summary(v)
    }

    static func summary(_ v: [Float]) -> String {
        guard v.count > 4 else { return list(v) }
        let mean = v.reduce(0, +) / Float(v.count)
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return "min \(num(v.min() ?? 0)), mean \(num(mean)), max \(num(v.max() ?? 0)), norm \(num(norm))"
    }

    static func sigmoid(_ z: Float) -> Float { 1 / (1 + exp(-z)) }

    static func softmax(_ v: [Float]) -> [Float] {
        let top = v.max() ?? 0
        let e = v.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// `12` → `₁₂`.
    static func sub(_ n: Int) -> String {
        String(String.UnicodeScalarView(String(n).unicodeScalars.compactMap { Unicode.Scalar(0x2080 + $0.value - 0x30) }))
    }
}

