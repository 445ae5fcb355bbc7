import LearnModels

/// The parts of a model cell that are checked against its finished config: compare runs,
/// panels, knobs and expectations.
extension CellParser {
    static let labelSpec = KeySpec("label", "text", range: "letters, digits, `-_.`; unique in the cell", required: true,
                                   "names the run in expect lines (`loss[adam] < 0.1`)")

    mutating func readCompare(_ node: YNode, base: RunConfig, known: Bool) -> [Variant]? {
        guard let items = report.list(node, key: "compare") else { return nil }
        let specs = [Self.labelSpec] + Schema.cell.filter(\.overridable).map(\.optional)
        var notHere = Self.optimizerHelp
        for spec in Schema.cell where !spec.overridable {
            notHere[spec.name] = "`\(spec.name)` belongs to the cell and cannot change in a compare run"
        }
        var variants: [Variant] = []
        var ok = true
        for item in items {
            guard let keys = report.entries(item, specs: specs, what: "a compare run", owner: item.location, extraHelp: notHere) else {
                ok = false
                continue
            }
            let errorsBefore = report.diagnostics.count
            var config = base
            var runKnown = known
            for name in ["model", "data"] {
                guard let entry = keys[name] else { continue }
                let before = report.diagnostics.count
                apply(name, entry.value, to: &config)
                if report.diagnostics.count > before { runKnown = false }
            }
            for spec in Schema.cell where spec.overridable && !["model", "data"].contains(spec.name) {
                if let entry = keys[spec.name] { apply(spec.name, entry.value, to: &config) }
            }
            if runKnown { checkRun(config, keys: keys, at: keys["data"]?.value.location ?? item.location, warnUnused: true) }
            guard let labelNode = keys["label"]?.value, let label = report.text(labelNode, key: "label") else {
                ok = false
                continue
            }
            if !Schema.isValidLabel(label) {
                report.add(.badValue, at: labelNode.location, "compare label `\(YNode.clip(label))` may hold only letters, digits, `-`, `_`, `.`",
                           help: "try `\(Slug.make(label))`")
                ok = false
            } else if variants.contains(where: { $0.label == label }) {
                report.add(.duplicateID, at: labelNode.location, "compare label `\(label)` is used twice in this cell")
                ok = false
            }
            if report.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) { ok = false }
            variants.append(Variant(label: label, config: config, location: item.location))
        }
        return ok ? variants : nil
    }

    mutating func readPanels(_ node: YNode, config: RunConfig, known: Bool) -> [PanelName]? {
        guard let items = report.list(node, key: "panels") else { return nil }
        var panels: [PanelName] = []
        for item in items {
            guard let panel = report.name(item, key: "panels", as: PanelName.self, rule: .unknownPanel, what: "panel") else { continue }
            if panels.contains(panel) {
                report.add(.badValue, at: item.location, "panel `\(panel.rawValue)` is listed twice", help: "remove one")
                continue
            }
            if known, !Compatibility.fits(panel, config) {
                report.add(.panelMismatch, at: item.location,
                           "panel `\(panel.rawValue)` does not fit `\(config.model.rawValue)` on \(config.data.shape.rawValue) data",
                           help: "`\(panel.rawValue)` needs \(Compatibility.requirement(panel))")
            }
            panels.append(panel)
        }
        return panels
    }

    mutating func readKnobs(_ node: YNode, config: RunConfig, known: Bool) -> [Knob]? {
        guard case .mapping(let pairs) = node.value else {
            report.add(.badType, at: node.location, "`knobs` must be a mapping like `{lr: [0.01, 1.0]}`, found \(node.kindName)")
            return nil
        }
        var knobs: [Knob] = []
        for (keyNode, value) in pairs {
            guard let name = report.name(keyNode, key: "knobs", as: KnobName.self, rule: .unknownKnob, what: "knob"),
                  let items = report.list(value, key: name.rawValue) else { continue }
            let range: KnobRange
            if name.takesChoices {
                var choices: [String] = []
                for item in items {
                    let choice: String? = name == .optimizer
                        ? report.name(item, key: name.rawValue, as: OptimizerName.self, rule: .unknownOptimizer, what: "optimizer")?.rawValue
                        : report.name(item, key: name.rawValue, as: Activation.self, rule: .unknownActivation, what: "activation")?.rawValue
                    if let choice { choices.append(choice) }
                }
                guard choices.count == items.count else { continue }
                guard Set(choices).count >= 2, Set(choices).count == choices.count else {
                    report.add(.badRange, at: value.location, "knob `\(name.rawValue)` needs two or more different choices")
                    continue
                }
                range = .choices(choices)
            } else {
                guard items.count == 2 else {
                    report.add(.badType, at: value.location, "knob `\(name.rawValue)` takes `[min, max]`, found \(items.count) values")
                    continue
                }
                let limit = name.limit ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
                let bounds = items.map { item -> Double? in
                    if name.isWholeNumber, let v = Report.number(item), v != v.rounded() {
                        report.add(.badType, at: item.location, "knob `\(name.rawValue)` takes whole numbers")
                        return nil
                    }
                    return report.double(item, key: name.rawValue, range: limit)
                }
                guard let low = bounds[0], let high = bounds[1] else { continue }
                guard low < high else {
                    report.add(.badRange, at: value.location, "knob `\(name.rawValue)` range [\(Report.format(low)), \(Report.format(high))] is empty",
                               help: "write `[min, max]` with min < max")
                    continue
                }
                range = .numeric(low...high)
            }
            if knobs.contains(where: { $0.name == name }) {
                report.add(.duplicateKey, at: keyNode.location, "knob `\(name.rawValue)` appears twice")
                continue
            }
            let knob = Knob(name: name, range: range, location: keyNode.location)
            if known { checkKnob(knob, config: config, at: value.location) }
            knobs.append(knob)
        }
        return knobs
    }

    /// The knob must act on this run, and the run's own value must lie inside its range.
    mutating func checkKnob(_ knob: Knob, config c: RunConfig, at location: SourceLocation) {
        let name = knob.name.rawValue
        guard Compatibility.applies(knob.name, c) else {
            report.add(.knobMismatch, at: knob.location, "knob `\(name)` does nothing for `\(c.model.rawValue)` on \(c.data.shape.rawValue) data",
                       help: "`\(name)` is for \(Compatibility.requirement(knob.name))")
            return
        }
        let current: String
        let inside: Bool
        switch (knob.range, knob.name) {
        case (.choices(let choices), .optimizer): current = c.optimizer.name.rawValue; inside = choices.contains(current)
        case (.choices(let choices), _): current = c.activation.rawValue; inside = choices.contains(current)
        case (.numeric(let r), .clip):
            guard let clip = c.clip else {
                report.add(.knobDefault, at: knob.location, "knob `clip` needs a starting value, but clipping is off",
                           help: "set `clip:` in the cell to a value inside the knob's range")
                return
            }
            current = Report.format(clip); inside = r.contains(clip)
        case (.numeric(let r), _):
            let value: Double = switch knob.name {
            case .lr: c.optimizer.lr
            case .momentum: c.optimizer.momentum
            case .temperature: c.temperature
            case .seed: Double(c.seed)
            case .hidden: Double(c.hidden)
            default: c.dataOptions.noise
            }
            current = Report.format(value); inside = r.contains(value)
        }
        if !inside {
            report.add(.knobDefault, at: location, "knob `\(name)` range excludes the cell's value \(current)",
                       help: "widen the range or set `\(name)` in the cell to a value inside it")
        }
    }

    mutating func readExpects(_ node: YNode, config: RunConfig, compare: [Variant], known: Bool) -> [Expectation]? {
        guard let items = report.list(node, key: "expect") else { return nil }
        var expects: [Expectation] = []
        for item in items {
            guard case .scalar(let raw, _) = item.value, !item.isNull, !raw.contains("\n") else {
                report.add(.badExpect, at: item.location, "an expect line is `METRIC OP NUMBER` on one line, found \(item.kindName)")
                continue
            }
            switch ExpectGrammar.parse(raw) {
            case .failure(let e):
                report.add(.badExpect, at: item.column(atOffset: e.offset), e.message, help: e.help)
            case .success(let line):
                guard let run = runConfig(line.label, at: item.column(atOffset: line.labelOffset), config: config, compare: compare) else { continue }
                guard known, let metric = resolve(line.metric, run: run, at: item.location) else { continue }
                var other: (metric: ExpectMetric, variant: String?)?
                if let side = line.other {
                    guard let otherRun = runConfig(side.label, at: item.column(atOffset: side.labelOffset), config: config, compare: compare),
                          let otherMetric = resolve(side.metric, run: otherRun, at: item.column(atOffset: side.offset)) else { continue }
                    if otherMetric == metric, side.label == line.label {
                        report.add(.impossibleExpect, at: item.location, "`\(line.text)` compares a run with itself",
                                   help: "name another run: `\(side.metric)[label]`")
                        continue
                    }
                    other = (otherMetric, side.label)
                }
                expects.append(Expectation(metric: metric, variant: line.label, op: line.op, value: line.value, other: other,
                                           text: line.text, location: item.location))
            }
        }
        ExpectRanges.check(expects, into: &report)
        return expects
    }

    /// The run an expect side names: the cell's own (no label) or a compare run's.
    mutating func runConfig(_ label: String?, at location: SourceLocation, config: RunConfig, compare: [Variant]) -> RunConfig? {
        guard let label else { return config }
        guard let variant = compare.first(where: { $0.label == label }) else {
            report.add(.danglingRef, at: location, "no compare run is labelled `\(label)`",
                       help: compare.isEmpty ? "add `compare: [{label: \(label), …}]` to the cell"
                           : Suggest.help(for: label, in: compare.map(\.label)))
            return nil
        }
        return variant.config
    }

    /// A metric name for this run: a catalogue metric it has, `diverged`, or a scalar parameter.
    mutating func resolve(_ name: String, run: RunConfig, at location: SourceLocation) -> ExpectMetric? {
        let parameters = Compatibility.scalarParameters(run)
        if let m = MetricName(rawValue: name) {
            if (m == .accuracy || m == .valAccuracy), !Compatibility.isClassification(run.data.shape) {
                report.add(.metricMismatch, at: location, "`\(name)` needs a classifier; \(run.data.shape.rawValue) data is regression",
                           help: "use `loss` or `val_loss`")
                return nil
            }
            if (m == .valLoss || m == .valAccuracy || m == .bestValLoss), run.dataOptions.validation == 0 {
                report.add(.metricMismatch, at: location, "`\(name)` needs held-out data, but `validation` is 0",
                           help: "set `validation:` above 0")
                return nil
            }
            return .metric(m)
        }
        if name == ExpectMetric.divergedName { return .diverged }
        if parameters.contains(name) { return .parameter(name) }
        let all = MetricName.allCases.map(\.rawValue) + [ExpectMetric.divergedName] + parameters
        report.add(.unknownMetric, at: location, "unknown metric `\(YNode.clip(name))` for `\(run.model.rawValue)`",
                   help: Suggest.help(for: name, in: all))
        return nil
    }
}
