/// What one model kind is, without building it: the data it learns from, why a config
/// cannot be built, its parameters and what a step costs. The linter, the authoring guide's
/// tables, `Network.build` and `learn check` all read this one description, so a lesson
/// that lints clean builds and runs.
public struct ModelSpec: Sendable {
    public let kind: ModelKind
    /// The data shapes the model learns from.
    public let shapes: [DataShape]

    public static func of(_ kind: ModelKind) -> ModelSpec {
        switch kind {
        case .kx: ModelSpec(kind: kind, shapes: [.line, .function])
        case .perceptron: ModelSpec(kind: kind, shapes: [.points])
        case .mlp: ModelSpec(kind: kind, shapes: [.line, .points, .function])
        case .rnn, .lstm, .gru, .transformer: ModelSpec(kind: kind, shapes: [.sequence, .pairs, .text])
        }
    }

    /// Whether the model learns from this built-in dataset (the guide's table lists these).
    public func accepts(_ name: DatasetName) -> Bool {
        let data = DataSource.named(name)
        return shapes.contains(data.shape) && dataProblem(data) == nil
    }

    /// Why `config` cannot be built, the most basic problem first; empty when it can.
    public func problems(_ c: RunConfig) -> [ConfigError] {
        var found: [ConfigError] = []
        if let problem = dataProblem(c.data) { found.append(problem) }
        switch kind {
        case .kx, .perceptron:
            break
        case .mlp:
            if !Limits.layerCount.contains(c.layers.count) {
                found.append(ConfigError("\(c.layers.count) hidden layers is outside \(Limits.layerCount)", key: "layers"))
            }
            for width in c.layers where !Limits.layerWidth.contains(width) {
                found.append(ConfigError("layer width \(width) is outside \(Limits.layerWidth)", key: "layers"))
            }
        case .rnn, .lstm, .gru, .transformer:
            if !Limits.embed.contains(c.embed) { found.append(ConfigError("embed \(c.embed) is outside \(Limits.embed)", key: "embed")) }
            if kind == .transformer {
                if !Limits.heads.contains(c.heads) { found.append(ConfigError("heads \(c.heads) is outside \(Limits.heads)", key: "heads")) }
                else if !c.embed.isMultiple(of: c.heads) {
                    found.append(ConfigError("`embed` (\(c.embed)) must be divisible by `heads` (\(c.heads))", key: "heads",
                                             help: "each head reads embed / heads numbers; pick heads among \(divisors(c.embed))"))
                }
                if !Limits.blocks.contains(c.blocks) { found.append(ConfigError("blocks \(c.blocks) is outside \(Limits.blocks)", key: "blocks")) }
            } else if !Limits.hidden.contains(c.hidden) {
                found.append(ConfigError("hidden \(c.hidden) is outside \(Limits.hidden)", key: "hidden"))
            }
            if case .text(let name, let contents) = c.data, shapes.contains(.text) {
                if contents.isEmpty {
                    found.append(ConfigError("text `\(name)` is empty", key: "data"))
                } else if let problem = TextCorpus.problem(name: name, characters: contents.count, context: c.context,
                                                           validationFraction: c.dataOptions.validation) {
                    found.append(problem)
                }
            }
        }
        return found
    }

    /// Throws the first of ``problems(_:)``.
    public func validate(_ c: RunConfig) throws(ConfigError) {
        if let first = problems(c).first { throw first }
    }

    private func dataProblem(_ data: DataSource) -> ConfigError? {
        guard shapes.contains(data.shape) else {
            let what = kind.isSequence ? "it reads tokens: use a sequence task, translate, or a text file"
                : "it learns from " + shapes.map(\.rawValue).joined(separator: ", ") + " data"
            return ConfigError("`\(kind.rawValue)` cannot learn \(data.shape.rawValue) data: \(what)", key: "data",
                               help: "\(kind.rawValue) learns " + shapes.map(\.rawValue).joined(separator: ", ") + " data")
        }
        if kind == .perceptron, case .named(let name) = data, name.classes != 2 {
            let two = DatasetName.allCases.filter { $0.classes == 2 }.map(\.rawValue).joined(separator: ", ")
            return ConfigError("`perceptron` draws one line between two classes; `\(name.rawValue)` has \(name.classes)", key: "data",
                               help: "use `model: mlp` for \(name.rawValue), or a two-class dataset (\(two))")
        }
        return nil
    }

    private func divisors(_ n: Int) -> String {
        Limits.heads.filter { n.isMultiple(of: $0) }.map(String.init).joined(separator: ", ")
    }

    // MARK: Parameters

    /// Every parameter the built model has, named as in `model-conventions.md`, with its
    /// number of values.
    public func parameters(_ c: RunConfig) -> [(name: String, count: Int)] {
        func linear(_ prefix: String, _ inputs: Int, _ outputs: Int) -> [(name: String, count: Int)] {
            [("\(prefix).weight", inputs * outputs), ("\(prefix).bias", outputs)]
        }
        func norm(_ prefix: String, _ width: Int) -> [(name: String, count: Int)] {
            [("\(prefix).weight", width), ("\(prefix).bias", width)]
        }
        let input = c.data.shape == .points ? 2 : 1
        switch kind {
        case .kx:
            return [("k", 1)]
        case .perceptron:
            return linear("fc", input, 1)
        case .mlp:
            let outputs = c.data.shape == .points ? classes(c.data) : 1
            let widths = [input] + c.layers + [outputs]
            return (0..<(widths.count - 1)).flatMap { linear("layers.\($0)", widths[$0], widths[$0 + 1]) }
        case .rnn, .lstm, .gru:
            let v = vocabularySize(c.data), g = gates, h = c.hidden, e = c.embed
            return [("embed.weight", v * e), ("cell.weight_ih", g * h * e), ("cell.weight_hh", g * h * h),
                    ("cell.bias_ih", g * h), ("cell.bias_hh", g * h)] + linear("head", h, v)
        case .transformer:
            let v = vocabularySize(c.data), e = c.embed
            var list: [(name: String, count: Int)] = [("tok_emb.weight", v * e)]
            for i in 0..<c.blocks {
                let p = "blocks.\(i)"
                list += norm("\(p).ln1", e)
                list += ["wq", "wk", "wv", "wo"].flatMap { linear("\(p).attn.\($0)", e, e) }
                list += norm("\(p).ln2", e)
                list += linear("\(p).ffn.fc1", e, 4 * e) + linear("\(p).ffn.fc2", 4 * e, e)
            }
            if c.norm == .pre { list += norm("ln_f", e) }
            return list + linear("head", e, v)
        }
    }

    /// Gate blocks of a recurrent cell's weights: 1 (rnn), 3 (gru: r, z, n), 4 (lstm: i, f, g, o).
    var gates: Int { kind == .lstm ? 4 : kind == .gru ? 3 : 1 }

    private func classes(_ data: DataSource) -> Int {
        if case .named(let name) = data { return Swift.max(2, name.classes) }
        return 2
    }

    /// Tokens a sequence model reads and predicts.
    func vocabularySize(_ data: DataSource) -> Int {
        switch data {
        case .text(_, let contents): Set(contents).count
        case .named(let name) where name == .translate: Translation.vocabulary.count
        case .named(let name) where name.kind == .sequence: SequenceTasks.vocabulary(name).count
        case .named: 0
        }
    }

    /// Tokens in one example (T): a text's context, a task's sequence, a translation pair.
    func time(_ c: RunConfig) -> Int {
        switch c.data {
        case .text: c.context
        case .named(let name) where name == .translate: Translation.longest - 1
        case .named(let name) where name.kind == .sequence: name.sequenceTime(length: c.dataOptions.length)
        case .named: 1
        }
    }
}
