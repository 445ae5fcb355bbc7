import Foundation
import LearnModels

/// Reads one ` ```model ` cell: every key checked against ``Schema/cell``, the run's
/// config filled in (defaults from `RunConfig`), then panels, knobs, compare runs and
/// expectations checked against that config.
struct CellParser {
    /// The lessons folder: data paths are resolved (and confined) here.
    let root: String?
    var report: Report

    /// Keys at the cell's top level that belong inside `optimizer:`.
    static let optimizerHelp: [String: String] = Dictionary(uniqueKeysWithValues: ["lr", "momentum", "weight_decay"].map {
        ($0, "`\($0)` goes inside `optimizer:`, e.g. `optimizer: {name: sgd, \($0): …}`")
    })

    mutating func parse(_ node: YNode, fence: SourceLocation) -> ModelCell? {
        let errorsBefore = report.diagnostics.count
        guard let keys = report.entries(node, specs: Schema.cell, what: "a model cell", owner: fence,
                                        extraHelp: Self.optimizerHelp) else { return nil }
        let id = keys["id"].flatMap { report.id($0.value, key: "id") }
        let model = keys["model"].flatMap { report.name($0.value, key: "model", as: ModelKind.self, rule: .unknownModel, what: "model") }
        let data = keys["data"].flatMap { readData($0.value, model: model) }

        var config = RunConfig(model: model ?? .mlp, data: data ?? .named(.xor))
        for spec in Schema.cell where spec.overridable && !["model", "data"].contains(spec.name) {
            if let entry = keys[spec.name] { apply(spec.name, entry.value, to: &config) }
        }
        let known = model != nil && data != nil
        if known { checkRun(config, keys: keys, at: keys["data"]?.value.location ?? fence, warnUnused: true) }

        let seeds = keys["seeds"].flatMap { readSeeds($0.value) } ?? [config.seed]
        let compare = keys["compare"].flatMap { readCompare($0.value, base: config, known: known) } ?? []
        let panels = keys["panels"].flatMap { readPanels($0.value, config: config, known: known) } ?? [.loss]
        let knobs = keys["knobs"].flatMap { readKnobs($0.value, config: config, known: known) } ?? []
        let expects = keys["expect"].flatMap { readExpects($0.value, config: config, compare: compare, known: known) } ?? []
        let predict = keys["predict"].flatMap { readPredict($0.value, cell: id) }
        let names = keys["names"].flatMap { readNames($0.value, config: config, known: known) } ?? [:]
        let windows = keys["window"].flatMap { readWindows($0.value, panels: panels, config: config, known: known) } ?? [:]
        let exercise = keys["exercise"].flatMap { readExercise($0.value, at: $0.key.location, config: config, knobs: knobs, known: known) }
        let pace = keys["pace"].flatMap { readPace($0.value, steps: config.steps) }

        let failed = report.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id else { return nil }
        var cell = ModelCell(id: id, config: config, panels: panels, knobs: knobs, expects: expects,
                             seeds: seeds, compare: compare, predict: predict, exercise: exercise, pace: pace,
                             location: fence)
        cell.names = names
        cell.windows = windows
        return cell
    }

    /// A built-in dataset name, or a text file under the lessons folder.
    mutating func readData(_ node: YNode, model: ModelKind?) -> DataSource? {
        guard case .scalar = node.value, let s = node.scalar else {
            report.add(.badType, at: node.location, "`data` must be a dataset name or a file path, found \(node.kindName)")
            return nil
        }
        if let name = DatasetName(rawValue: s) { return .named(name) }
        guard DataFiles.looksLikePath(s) else {
            report.add(.unknownDataset, at: node.location, "unknown dataset `\(YNode.clip(s))`",
                       help: Suggest.help(for: s, in: DatasetName.allCases.map(\.rawValue)))
            return nil
        }
        if let model, !ModelSpec.of(model).shapes.contains(.text) {
            let names = DatasetName.allCases.filter { ModelSpec.of(model).accepts($0) }.map(\.rawValue).joined(separator: ", ")
            report.add(.dataMismatch, at: node.location, "`\(model.rawValue)` learns numbers, and a file holds text: \(model == .kx ? "1-D" : "point") data cannot come from a file yet",
                       help: "use a built-in dataset: \(names)")
            return nil
        }
        guard let root else {
            report.add(.missingFile, at: node.location, "data file `\(YNode.clip(s))` cannot be read: no lessons folder")
            return nil
        }
        switch DataFiles.read(s, root: root) {
        case .success(let contents): return .text(name: s, contents: contents)
        case .failure(let problem):
            report.add(problem.rule, at: node.location, problem.message, help: problem.help)
            return nil
        }
    }

    /// Sets one run key (every key a `compare:` run may override except model and data).
    mutating func apply(_ key: String, _ node: YNode, to c: inout RunConfig) {
        switch key {
        case "rule": if let v = report.name(node, key: key, as: LearningRule.self, rule: .badValue, what: "learning rule") { c.rule = v }
        case "optimizer": if let v = readOptimizer(node) { c.optimizer = v }
        case "clip": if let v = report.double(node, key: key, range: Limits.clip) { c.clip = v }
        case "steps": if let v = report.int(node, key: key, range: Limits.steps) { c.steps = v }
        case "batch": if let v = report.int(node, key: key, range: Limits.batch) { c.batch = v }
        case "seed": if let v = report.uint64(node, key: key) { c.seed = v }
        case "layers": if let v = readLayers(node) { c.layers = v }
        case "activation":
            if let v = report.name(node, key: key, as: Activation.self, rule: .unknownActivation, what: "activation") { c.activation = v }
        case "embed": if let v = report.int(node, key: key, range: Limits.embed) { c.embed = v }
        case "hidden": if let v = report.int(node, key: key, range: Limits.hidden) { c.hidden = v }
        case "heads": if let v = report.int(node, key: key, range: Limits.heads) { c.heads = v }
        case "blocks": if let v = report.int(node, key: key, range: Limits.blocks) { c.blocks = v }
        case "context": if let v = report.int(node, key: key, range: Limits.context) { c.context = v }
        case "norm": if let v = report.name(node, key: key, as: Norm.self, rule: .badValue, what: "norm") { c.norm = v }
        case "k0": if let v = report.double(node, key: key, range: nil) { c.initialK = v }
        case "forget_bias": if let v = report.double(node, key: key, range: Limits.forgetBias) { c.forgetBias = v }
        case "temperature": if let v = report.double(node, key: key, range: Limits.temperature) { c.temperature = v }
        case "points": if let v = report.int(node, key: key, range: Limits.points) { c.dataOptions.points = v }
        case "noise": if let v = report.double(node, key: key, range: Limits.noise) { c.dataOptions.noise = v }
        case "length": if let v = report.int(node, key: key, range: Limits.sequenceLength) { c.dataOptions.length = v }
        case "validation": if let v = report.double(node, key: key, range: Limits.validation) { c.dataOptions.validation = v }
        case "target": if let v = report.double(node, key: key, range: nil) { c.dataOptions.target = v }
        case "model":
            if let v = report.name(node, key: key, as: ModelKind.self, rule: .unknownModel, what: "model") { c.model = v }
        case "data": if let v = readData(node, model: c.model) { c.data = v }
        default: preconditionFailure("apply(\(key)): every overridable key of Schema.cell has a case")
        }
    }

    /// `optimizer: adam` or `optimizer: {name: sgd, lr: 0.5, momentum: 0.9, weight_decay: 0}`.
    mutating func readOptimizer(_ node: YNode) -> OptimizerSettings? {
        if case .scalar = node.value {
            return report.name(node, key: "optimizer", as: OptimizerName.self, rule: .unknownOptimizer, what: "optimizer")
                .map { OptimizerSettings(name: $0) }
        }
        guard let keys = report.entries(node, specs: Schema.optimizer, what: "`optimizer`", owner: node.location) else { return nil }
        var o = OptimizerSettings()
        var ok = true
        if let n = keys["name"] {
            if let v = report.name(n.value, key: "name", as: OptimizerName.self, rule: .unknownOptimizer, what: "optimizer") { o.name = v } else { ok = false }
        }
        if let n = keys["lr"] {
            if let v = report.double(n.value, key: "lr", range: Limits.learningRate) { o.lr = v } else { ok = false }
        }
        if let n = keys["momentum"] {
            if let v = report.double(n.value, key: "momentum", range: Limits.momentum) { o.momentum = v } else { ok = false }
        }
        if let n = keys["weight_decay"] {
            if let v = report.double(n.value, key: "weight_decay", range: Limits.weightDecay) { o.weightDecay = v } else { ok = false }
        }
        return ok ? o : nil
    }

    mutating func readLayers(_ node: YNode) -> [Int]? {
        guard let items = report.list(node, key: "layers") else { return nil }
        if !Limits.layerCount.contains(items.count) {
            report.add(.outOfRange, at: node.location, "`layers` lists \(items.count) layers, outside \(Schema.text(Limits.layerCount))")
            return nil
        }
        let widths = items.map { report.int($0, key: "layers", range: Limits.layerWidth) }
        return widths.contains(nil) ? nil : widths.compactMap { $0 }
    }

    /// `pace: 5`: one of the notebook's paces, at which the cell's steps take less than a
    /// student would wait (a warning: `+` speeds it up).
    mutating func readPace(_ node: YNode, steps: Int) -> Int? {
        guard let pace = report.int(node, key: "pace", range: Schema.paces[0]...Schema.paces[Schema.paces.count - 1]) else { return nil }
        guard Schema.paces.contains(pace) else {
            let below = Schema.paces.last { $0 < pace }, above = Schema.paces.first { $0 > pace }
            report.add(.badValue, at: node.location, "`pace` is \(pace), not one of the notebook's paces (\(Schema.paces.map(String.init).joined(separator: ", ")))",
                       help: "use \([below, above].compactMap { $0.map(String.init) }.joined(separator: " or "))")
            return nil
        }
        let seconds = Double(steps) / Double(pace)
        if seconds > Cost.slowRunSeconds {
            report.add(.slowRun, at: node.location,
                       "at `pace: \(pace)` the \(steps) steps take \(Self.rough(seconds)) s (more than \(Report.format(Cost.slowRunSeconds)) s)",
                       help: "a faster pace, or fewer `steps`")
        }
        return pace
    }

    mutating func readSeeds(_ node: YNode) -> [UInt64]? {
        guard let items = report.list(node, key: "seeds") else { return nil }
        guard !items.isEmpty else {
            report.add(.badValue, at: node.location, "`seeds` must list at least one seed")
            return nil
        }
        var seeds: [UInt64] = []
        for item in items {
            guard let s = report.uint64(item, key: "seeds") else { return nil }
            if seeds.contains(s) {
                report.add(.duplicateID, at: item.location, "seed \(s) is listed twice")
                return nil
            }
            seeds.append(s)
        }
        return seeds
    }

    /// A run a student cannot watch: an error past ``Cost``'s limits (minutes a step, or
    /// gigabytes), a warning when it is merely slow.
    mutating func checkCost(_ cost: Cost, at location: SourceLocation) {
        let step = "about \(Self.rough(cost.secondsPerStep)) s a step (\(Self.rough(cost.flopsPerStep / 1e9)) GFLOP at \(Report.format(Cost.flopsPerSecond / 1e9)) GFLOP/s)"
        let memory = "about \(Self.rough(cost.bytes / 1e6)) MB"
        let help = "make it smaller: fewer `batch`, `layers`, `embed`, `blocks`, `context` or `points`"
        if cost.secondsPerStep > Cost.maxSecondsPerStep {
            report.add(.tooCostly, at: location, "this run needs \(step); the limit is \(Report.format(Cost.maxSecondsPerStep)) s", help: help)
        } else if cost.bytes > Cost.maxBytes {
            report.add(.tooCostly, at: location, "this run needs \(memory) of memory; the limit is \(Report.format(Cost.maxBytes / 1e6)) MB", help: help)
        } else if cost.secondsPerStep > Cost.slowSecondsPerStep {
            report.add(.slowRun, at: location, "this run needs \(step): slower than a student can watch it learn (\(Report.format(Cost.slowSecondsPerStep)) s)", help: help)
        } else if cost.runSeconds > Cost.slowRunSeconds {
            report.add(.slowRun, at: location, "this run needs about \(Self.rough(cost.runSeconds)) s for its \(cost.steps) steps (more than \(Report.format(Cost.slowRunSeconds)) s)",
                       help: "fewer `steps`, or a smaller model")
        }
    }

    /// An estimate as precise as it is: whole numbers from 100 up, one decimal below.
    private static func rough(_ v: Double) -> String {
        v >= 100 ? String(Int(v.rounded())) : String(format: "%.1f", v)
    }

    /// Checks that hold for the cell's run and for every compare run: data the model can
    /// learn, heads that divide the width, and (for the cell itself) keys the run ignores.
    mutating func checkRun(_ c: RunConfig, keys: [String: (key: YNode, value: YNode)], at dataLocation: SourceLocation,
                           warnUnused: Bool) {
        let spec = ModelSpec.of(c.model)
        for problem in spec.problems(c) {
            let at = problem.key.flatMap { keys[$0]?.value.location } ?? dataLocation
            report.add(problem.key == "data" ? .dataMismatch : .incompatible, at: at, problem.message, help: problem.help)
        }
        checkCost(spec.cost(c), at: keys["steps"]?.value.location ?? dataLocation)
        guard warnUnused else { return }
        if let entry = keys["context"], c.model.isSequence, c.data.shape != .text {
            let time: String
            if case .named(let name) = c.data, name.kind == .sequence {
                time = "`\(name.rawValue)` with `length: \(c.dataOptions.length)` is \(name.sequenceTime(length: c.dataOptions.length)) tokens long"
            } else {
                time = "each translation pair is as long as the longest pair"
            }
            report.add(.unusedKey, at: entry.key.location, "`context` does not set the sequence length on \(c.data.shape.rawValue) data: \(time)",
                       help: "remove `context`" + (c.data.shape == .sequence ? "; set `length` instead" : ""))
        }
        for spec in Schema.cell where spec.overridable {
            if let entry = keys[spec.name], !spec.uses(c) {
                report.add(.unusedKey, at: entry.key.location,
                           "`\(spec.name)` has no effect here (used by \(spec.usedBy))", help: "remove it")
            }
        }
    }
}
