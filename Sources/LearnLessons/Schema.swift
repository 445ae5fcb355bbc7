import LearnModels

/// One key a lesson YAML block may hold: what the parser accepts and what the authoring
/// guide documents, from one table. Defaults come from `RunConfig`, ranges from `Limits`.
public struct KeySpec: Sendable {
    public let name: String
    public let type: String
    /// "required", "—" (none), or the default value.
    public let defaultText: String
    public let rangeText: String
    public let usedBy: String
    public let doc: String
    public let required: Bool
    /// Model keys: whether a `compare:` run may override it.
    public let overridable: Bool
    /// Model keys: whether this run reads the key (else an `unused-key` warning).
    let uses: @Sendable (RunConfig) -> Bool

    init(_ name: String, _ type: String, default defaultText: String = "—", range: String = "",
         usedBy: String = "all", required: Bool = false, overridable: Bool = true,
         uses: @escaping @Sendable (RunConfig) -> Bool = { _ in true }, _ doc: String) {
        self.name = name
        self.type = type
        self.defaultText = required ? "required" : defaultText
        self.rangeText = range
        self.usedBy = usedBy
        self.doc = doc
        self.required = required
        self.overridable = overridable
        self.uses = uses
    }

    /// The same key, not required (a compare run inherits the cell's value).
    var optional: KeySpec {
        KeySpec(name, type, default: defaultText, range: rangeText, usedBy: usedBy, required: false,
                overridable: overridable, uses: uses, doc)
    }
}

public enum Schema {
    /// The only format version.
    public static let version = 1
    public static let minutes = 1...120
    /// Ids of lessons, pages, cells, quizzes: `[a-z0-9-]+`.
    public static func isValidID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
    /// Compare labels: letters, digits, `-`, `_`, `.`.
    public static func isValidLabel(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    static func names<T: RawRepresentable>(_ all: [T]) -> String where T.RawValue == String {
        all.map { "`\($0.rawValue)`" }.joined(separator: " ")
    }

    static func text<T: Comparable>(_ r: ClosedRange<T>) -> String { "\(r.lowerBound) … \(r.upperBound)" }

    public static let frontMatter: [KeySpec] = [
        KeySpec("learn", "whole number", range: "1", required: true, "format version; must be 1"),
        KeySpec("id", "id", range: "`[a-z0-9-]+`", required: true, "the lesson's id; must match the file name `NN-id.md`"),
        KeySpec("title", "text", required: true, "shown in the table of contents and the title bar"),
        KeySpec("summary", "text", required: true, "one sentence for `learn list`"),
        KeySpec("minutes", "whole number", range: text(minutes), required: true, "expected time for the lesson"),
        KeySpec("requires", "list of ids", default: "[]", range: "lesson ids in the same folder",
                "lessons to read first"),
        KeySpec("draft", "true or false", default: "false", range: "`true`, `false`",
                "a draft is linted, but left out of the student's list and of `learn check` (unless `--drafts`)"),
    ]

    private static let d = RunConfig(model: .mlp, data: .named(.xor))

    public static let cell: [KeySpec] = [
        KeySpec("id", "id", range: "`[a-z0-9-]+`, unique in the lesson", required: true, overridable: false,
                "names the cell (in `learn check` output and `learn trace --cell`)"),
        KeySpec("model", "name", range: names(ModelKind.allCases), required: true, "the model to train"),
        KeySpec("data", "name or path", range: "a built-in dataset, or a UTF-8 file under the lessons folder (\(text(Limits.textBytes)) bytes)",
                required: true, "what it learns from"),
        KeySpec("rule", "name", default: d.rule.rawValue, range: names(LearningRule.allCases), usedBy: "kx, perceptron",
                uses: { [.kx, .perceptron].contains($0.model) }, "the source's classic update rule, or gradient descent"),
        KeySpec("optimizer", "name or mapping", default: "{name: \(d.optimizer.name.rawValue), lr: \(d.optimizer.lr), momentum: \(d.optimizer.momentum), weight_decay: \(d.optimizer.weightDecay)}",
                range: names(OptimizerName.allCases) + "; lr \(text(Limits.learningRate)), momentum \(text(Limits.momentum)), weight_decay \(text(Limits.weightDecay))",
                "`optimizer: adam` or `optimizer: {name: sgd, lr: 0.5, momentum: 0.9, weight_decay: 0}`"),
        KeySpec("clip", "number", default: "off", range: text(Limits.clip), "global-norm gradient clipping"),
        KeySpec("steps", "whole number", range: text(Limits.steps), required: true, "training steps; expectations are checked after them"),
        KeySpec("pace", "whole number", default: "a few seconds' run", range: paces.map(String.init).joined(separator: ", "),
                overridable: false, "steps per second the notebook trains the cell at when it opens (`+`/`-` still change it)"),
        KeySpec("batch", "whole number", default: "\(d.batch)", range: text(Limits.batch), "examples per step"),
        KeySpec("seed", "whole number", default: "\(d.seed)", range: "≥ 0", "seeds every random choice of the run"),
        KeySpec("seeds", "list of whole numbers", default: "[seed]", range: "≥ 0, at least one", overridable: false,
                "`learn check` tests the expectations for each seed"),
        KeySpec("layers", "list of whole numbers", default: "\(d.layers)", range: "\(text(Limits.layerCount)) layers of \(text(Limits.layerWidth))",
                usedBy: "mlp", uses: { $0.model == .mlp }, "hidden layer widths; `[]` is a linear model"),
        KeySpec("activation", "name", default: d.activation.rawValue, range: names(Activation.allCases), usedBy: "mlp",
                uses: { $0.model == .mlp }, "the nonlinearity between layers"),
        KeySpec("embed", "whole number", default: "\(d.embed)", range: text(Limits.embed), usedBy: "rnn, lstm, gru, transformer",
                uses: { $0.model.isSequence }, "token embedding width (the transformer's model width)"),
        KeySpec("hidden", "whole number", default: "\(d.hidden)", range: text(Limits.hidden), usedBy: "rnn, lstm, gru",
                uses: { $0.model.isRecurrent }, "hidden state width"),
        KeySpec("heads", "whole number", default: "\(d.heads)", range: text(Limits.heads) + "; divides `embed`", usedBy: "transformer",
                uses: { $0.model == .transformer }, "attention heads"),
        KeySpec("blocks", "whole number", default: "\(d.blocks)", range: text(Limits.blocks), usedBy: "transformer",
                uses: { $0.model == .transformer }, "transformer blocks"),
        KeySpec("context", "whole number", default: "\(d.context)", range: text(Limits.context), usedBy: "rnn, lstm, gru, transformer",
                uses: { $0.model.isSequence }, "context length (unroll length for text)"),
        KeySpec("norm", "name", default: d.norm.rawValue, range: names(Norm.allCases), usedBy: "transformer",
                uses: { $0.model == .transformer }, "pre-norm (GPT-2) or post-norm (the original paper)"),
        KeySpec("forget_bias", "number", default: "PyTorch's init", range: text(Limits.forgetBias), usedBy: "lstm",
                uses: { $0.model == .lstm }, "start value of the forget gate's bias `bias_ih[H:2H]` (1 opens the gate)"),
        KeySpec("k0", "number", default: "\(d.initialK)", range: "any finite number", usedBy: "kx",
                uses: { $0.model == .kx }, "starting value of k"),
        KeySpec("temperature", "number", default: "\(d.temperature)", range: text(Limits.temperature), usedBy: "rnn, lstm, gru, transformer",
                uses: { $0.model.isSequence }, "sampling temperature"),
        KeySpec("points", "whole number", default: "\(d.dataOptions.points)", range: text(Limits.points), usedBy: "points, function, sequence data",
                uses: { [.points, .function, .sequence].contains($0.data.shape) }, "number of points (or sequences) generated"),
        KeySpec("noise", "number", default: "\(d.dataOptions.noise)", range: text(Limits.noise), usedBy: "points, function data",
                uses: { [.points, .function].contains($0.data.shape) }, "label/position noise, or output noise"),
        KeySpec("length", "whole number", default: "\(d.dataOptions.length)", range: text(Limits.sequenceLength), usedBy: "sequence data",
                uses: { $0.data.shape == .sequence }, "sequence length of copy, reverse, sort, recall"),
        KeySpec("validation", "number", default: "\(d.dataOptions.validation)", range: text(Limits.validation),
                "fraction held out for validation"),
        KeySpec("target", "number", default: "\(d.dataOptions.target)", range: "any finite number", usedBy: "line data",
                uses: { $0.data.shape == .line }, "the true slope: Y = target·X"),
        KeySpec("panels", "list of names", default: "[loss]", range: "see Panels", overridable: false, "what the cell draws"),
        KeySpec("knobs", "mapping", default: "{}", range: "see Knobs", overridable: false, "what a student may turn"),
        KeySpec("names", "mapping", default: "{}", range: "parameter → short name", overridable: false,
                "parameters named as the text names them, in the landscape and readouts (`{layers.0.weight: w}`)"),
        KeySpec("window", "mapping", default: "{}", range: "panel → `{map, from}`", overridable: false,
                "where a panel's window opens: its map (`f`, `L1 H2`) and first row (`from: 9`)"),
        KeySpec("compare", "list of mappings", default: "[]", range: "each needs `label:`", overridable: false,
                "extra runs side by side; each overrides keys of the cell"),
        KeySpec("expect", "list of expect lines", default: "[]", range: "see Expect", overridable: false,
                "what `learn check` tests after `steps`"),
        KeySpec("predict", "mapping", range: "`ask`, `choices`, `answer`, `explain` as in a quiz", overridable: false,
                "a question answered before the cell trains; the explanation shows once the run has finished"),
        KeySpec("exercise", "mapping", range: "`task`, `goal`, `solution`; needs `knobs`", overridable: false,
                "a goal the student reaches by turning the knobs; `learn check` proves it fair"),
    ]

    public static let optimizer: [KeySpec] = [
        KeySpec("name", "name", default: OptimizerName.sgd.rawValue, range: names(OptimizerName.allCases), "the optimiser"),
        KeySpec("lr", "number", default: "\(d.optimizer.lr)", range: text(Limits.learningRate), "learning rate"),
        KeySpec("momentum", "number", default: "\(d.optimizer.momentum)", range: text(Limits.momentum), "sgd momentum"),
        KeySpec("weight_decay", "number", default: "\(d.optimizer.weightDecay)", range: text(Limits.weightDecay), "L2 weight decay"),
    ]

    public static let quiz: [KeySpec] = [
        KeySpec("id", "id", range: "`[a-z0-9-]+`, unique in the lesson", required: true, "names the question"),
        KeySpec("ask", "text", required: true, "the question"),
        KeySpec("choices", "list of text", range: "2 … 9 choices", required: true, "the answers offered (keys 1…9)"),
        KeySpec("answer", "whole number", range: "1 … number of choices", required: true, "the right choice, counting from 1"),
        KeySpec("explain", "text", "shown after an answer"),
    ]

    /// A cell's `predict:` question: a quiz whose id is the cell's.
    public static let predict: [KeySpec] = quiz.filter { $0.name != "id" }

    public static let exercise: [KeySpec] = [
        KeySpec("task", "text", required: true, "what the student should do, in a sentence"),
        KeySpec("goal", "list of expect lines", range: "see Expect; the cell's own run", required: true,
                "all must hold once the student's run has trained its steps"),
        KeySpec("solution", "mapping", range: "knob → a value inside the knob's range", required: true,
                "knob settings that reach the goal; `learn check` trains them and fails if they do not"),
    ]

    /// The paces the notebook trains at (steps per second); `+` and `-` move along them.
    public static let paces = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000]

    /// Number of quiz choices (answered with keys 1…9).
    public static let quizChoices = 2...9

    static func spec(_ name: String, in specs: [KeySpec]) -> KeySpec? {
        specs.first { $0.name == name }
    }
}
