import LearnModels

/// Every check the lesson linter makes, with a stable id (`error[unknown-key]`) that
/// editors, CI logs and the authoring guide refer to. Ids never change meaning.
public enum Rule: String, CaseIterable, Sendable, Codable {
    // The file itself.
    case emptyFile = "empty-file"
    case binaryFile = "binary-file"
    case badEncoding = "bad-encoding"
    case notALesson = "not-a-lesson"
    case fileName = "file-name"
    case frontMatter = "front-matter"
    case badVersion = "bad-version"
    case idMismatch = "id-mismatch"
    // Markdown structure.
    case proseBeforePage = "prose-before-page"
    case noPages = "no-pages"
    case emptyPage = "empty-page"
    case unclosedFence = "unclosed-fence"
    case unknownBlock = "unknown-block"
    case emptyBlock = "empty-block"
    case oneModelPerPage = "one-model-per-page"
    case lookAlike = "look-alike"
    // YAML.
    case badYAML = "bad-yaml"
    case tooDeep = "too-deep"
    case tooLarge = "too-large"
    case duplicateKey = "duplicate-key"
    // The schema.
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case badType = "bad-type"
    case badValue = "bad-value"
    case outOfRange = "out-of-range"
    case unknownModel = "unknown-model"
    case unknownDataset = "unknown-dataset"
    case unknownPanel = "unknown-panel"
    case unknownMetric = "unknown-metric"
    case unknownOptimizer = "unknown-optimizer"
    case unknownActivation = "unknown-activation"
    case unknownKnob = "unknown-knob"
    case badExpect = "bad-expect"
    case impossibleExpect = "impossible-expect"
    case vacuousExpect = "vacuous-expect"
    case unusedKey = "unused-key"
    case incompatible = "incompatible"
    case dataMismatch = "data-mismatch"
    case tooCostly = "too-costly"
    case slowRun = "slow-run"
    case panelMismatch = "panel-mismatch"
    case metricMismatch = "metric-mismatch"
    case knobMismatch = "knob-mismatch"
    case knobDefault = "knob-default"
    case badRange = "bad-range"
    case quizAnswer = "quiz-answer"
    case suspiciousChoice = "suspicious-choice"
    // Identity and references.
    case duplicateID = "duplicate-id"
    case danglingRef = "dangling-ref"
    case requiresCycle = "requires-cycle"
    case duplicateNumber = "duplicate-number"
    // Data files.
    case pathEscape = "path-escape"
    case missingFile = "missing-file"
    case badDataFile = "bad-data-file"
    // Translations (`Lessons/zh/NN-id.md`).
    case noOriginal = "no-original"
    case translationMissing = "translation-missing"
    case translationExtra = "translation-extra"
    case translationOrder = "translation-order"
    case translationModelKey = "translation-model-key"
    case staleTranslation = "stale-translation"

    public var id: String { rawValue }

    public var severity: Severity {
        switch self {
        case .emptyPage, .unknownBlock, .unusedKey, .slowRun, .lookAlike, .vacuousExpect, .suspiciousChoice, .staleTranslation: .warning
        default: .error
        }
    }

    /// One line for the authoring guide.
    public var summary: String {
        switch self {
        case .emptyFile: "the file is empty (or only white space)"
        case .binaryFile: "the file holds NUL bytes: not a text file"
        case .badEncoding: "the file (or a front matter value) is not valid UTF-8"
        case .notALesson: "the file has neither front matter nor pages: not a lesson"
        case .fileName: "a lesson file must be named `NN-id.md`"
        case .frontMatter: "the `---` front matter block is missing, unclosed or not a mapping"
        case .badVersion: "`learn:` must be 1"
        case .idMismatch: "the front matter `id` differs from the file name's id part"
        case .proseBeforePage: "text before the first `## ` heading"
        case .noPages: "the lesson has no `## ` page"
        case .emptyPage: "a page with nothing under its heading"
        case .unclosedFence: "a ``` fence that never closes"
        case .unknownBlock: "a fence info string that looks like a misspelt cell kind"
        case .emptyBlock: "a model, quiz or hint block with nothing in it"
        case .oneModelPerPage: "a page holds more than one model cell"
        case .lookAlike: "cell keys (`id:` and `model:`) that are not in a cell: an indented fence, a missing ```model line, another info string"
        case .badYAML: "YAML syntax error"
        case .tooDeep: "YAML nested (or indented) deeper than a lesson ever needs"
        case .tooLarge: "a YAML block too big to be a cell"
        case .duplicateKey: "the same key twice in one mapping"
        case .unknownKey: "a key the schema does not know"
        case .missingKey: "a required key is missing"
        case .badType: "a value of the wrong type (text for a number, a list for a name, …)"
        case .badValue: "a value of the right type that is not allowed (id syntax, unknown norm, …)"
        case .outOfRange: "a number outside its limits"
        case .unknownModel: "`model:` names no lesson model"
        case .unknownDataset: "`data:` names no built-in dataset (and is not a file path)"
        case .unknownPanel: "a panel name that does not exist"
        case .unknownMetric: "an expect metric that does not exist for this model"
        case .unknownOptimizer: "an optimiser name that does not exist"
        case .unknownActivation: "an activation name that does not exist"
        case .unknownKnob: "a knob name that does not exist"
        case .badExpect: "an expect line that does not follow `METRIC[ [LABEL] ] OP NUMBER` (or `… OP METRIC[ [LABEL] ]`)"
        case .impossibleExpect: "an expect line that can never hold (`accuracy > 1`, `loss < 0`, `diverged == 2`, two bars that exclude each other, a run compared with itself)"
        case .vacuousExpect: "an expect line that always holds (`accuracy >= 0`): it tests nothing"
        case .unusedKey: "a key the cell's model or data ignores"
        case .incompatible: "settings that cannot go together (e.g. `embed` not divisible by `heads`)"
        case .dataMismatch: "a dataset the model cannot learn"
        case .tooCostly: "a run estimated above \(Report.format(Cost.maxSecondsPerStep)) s a step or \(Report.format(Cost.maxBytes / 1e9)) GB of memory (at \(Report.format(Cost.flopsPerSecond / 1e9)) GFLOP/s)"
        case .slowRun: "a run estimated above \(Report.format(Cost.slowSecondsPerStep)) s a step, or \(Report.format(Cost.slowRunSeconds)) s in all (at its `pace`, too)"
        case .panelMismatch: "a panel that does not fit the model or data"
        case .metricMismatch: "a metric that the run does not have (accuracy on regression, val_ without validation)"
        case .knobMismatch: "a knob that does nothing for this model or data"
        case .knobDefault: "the cell's value (or default) lies outside the knob's range"
        case .badRange: "a knob range whose minimum is not below its maximum"
        case .quizAnswer: "a quiz answer that is not one of the choices"
        case .suspiciousChoice: "a quiz choice listed twice, or two `- ` lines folded into one choice (`A - B`)"
        case .duplicateID: "two cells/quizzes, two pages, or two lessons with the same id"
        case .danglingRef: "`requires` or an expect label that names nothing"
        case .requiresCycle: "lessons that require each other in a cycle"
        case .duplicateNumber: "two lesson files with the same number"
        case .pathEscape: "a data path that leaves the lessons folder (never read)"
        case .missingFile: "a data file that does not exist"
        case .badDataFile: "a data file that is empty, too large, or not UTF-8 text"
        case .noOriginal: "a translation whose original (`Lessons/NN-id.md`, same file name) does not exist or did not load"
        case .translationMissing: "a translation that lacks a page, model cell, quiz, hint or choice of its original"
        case .translationExtra: "a translation with a page, cell, quiz, hint or choice its original does not have"
        case .translationOrder: "a translated cell or quiz on another page, or in another order, than in the original"
        case .translationModelKey: "a key that sets up a run (`model`, `steps`, `expect`, …) in a translation: runs are the original's"
        case .staleTranslation: "a translation made from an older version of its original (`source:` is not the original's stamp)"
        }
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem in a lesson file.
public struct Diagnostic: Error, Sendable, Equatable {
    public var location: SourceLocation
    public var severity: Severity
    public var rule: Rule
    public var message: String
    /// A suggestion (`did you mean `lr`?`), shown as `= help:`.
    public var help: String?
    /// The source line under the location, once the file's text is known.
    public var excerpt: Excerpt?

    public init(_ rule: Rule, at location: SourceLocation, _ message: String, help: String? = nil) {
        self.location = location
        self.severity = rule.severity
        self.rule = rule
        self.message = message
        self.help = help
    }
}
