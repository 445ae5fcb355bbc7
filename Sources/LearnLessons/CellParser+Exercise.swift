import LearnModels

/// A cell's `predict:` question and its `exercise:`: both talk about the cell's own run.
extension CellParser {
    /// A quiz without `id` (the cell's id names it), asked before the run starts.
    mutating func readPredict(_ node: YNode, cell id: String?) -> Quiz? {
        var parser = QuizParser(report: report)
        let quiz = parser.parse(node, fence: node.location, id: "\(id ?? "cell")-predict")
        report = parser.report
        return quiz
    }

    /// `exercise: {task: …, goal: [loss < 0.01], solution: {lr: 0.05}}`.
    mutating func readExercise(_ node: YNode, at key: SourceLocation, config: RunConfig, knobs: [Knob],
                               known: Bool) -> Exercise? {
        let errorsBefore = report.diagnostics.count
        guard let keys = report.entries(node, specs: Schema.exercise, what: "`exercise`", owner: key) else {
            return nil
        }
        if knobs.isEmpty {
            report.add(.missingKey, at: key, "an exercise needs knobs for the student to turn",
                       help: "add `knobs:` to the cell, e.g. `knobs: {lr: [0.001, 1]}`")
        }
        let task = keys["task"].flatMap { report.text($0.value, key: "task") }
        let goal = keys["goal"].flatMap { readExpects($0.value, config: config, compare: [], known: known) }
        if let goalNode = keys["goal"]?.value, goal?.isEmpty == true {
            report.add(.badValue, at: goalNode.location, "an exercise's `goal` needs at least one expect line")
        }
        let solution = keys["solution"].flatMap { readSolution($0.value, knobs: knobs) }
        let failed = report.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let task, let goal, let solution else { return nil }
        return Exercise(task: task, goal: goal, solution: solution, location: key)
    }

    /// Knob → value, each a knob of the cell and a value the knob can be turned to.
    mutating func readSolution(_ node: YNode, knobs: [Knob]) -> [KnobSetting]? {
        guard case .mapping(let pairs) = node.value else {
            report.add(.badType, at: node.location, "`solution` must be a mapping of knob settings like `{lr: 0.05}`, found \(node.kindName)")
            return nil
        }
        var settings: [KnobSetting] = []
        var ok = true
        for pair in pairs {
            let keyNode = pair.key, valueNode = pair.value
            guard let name = report.name(keyNode, key: "solution", as: KnobName.self, rule: .unknownKnob, what: "knob") else {
                ok = false
                continue
            }
            guard let knob = knobs.first(where: { $0.name == name }) else {
                ok = false
                report.add(.danglingRef, at: keyNode.location, "the solution turns `\(name.rawValue)`, which is not a knob of this cell",
                           help: "add `\(name.rawValue)` to `knobs:` so the student can turn it too")
                continue
            }
            guard let value = knobValue(valueNode, for: knob) else { ok = false; continue }
            guard knob.range.contains(value) else {
                ok = false
                report.add(.outOfRange, at: valueNode.location, "the solution sets `\(name.rawValue)` outside the knob's range",
                           help: "a student can only reach values the knob offers")
                continue
            }
            settings.append(KnobSetting(knob: name, value: value))
        }
        if ok && settings.isEmpty {
            report.add(.badValue, at: node.location, "`solution` sets no knob", help: "write e.g. `solution: {lr: 0.05}`")
        }
        return ok && !settings.isEmpty ? settings : nil
    }

    private mutating func knobValue(_ node: YNode, for knob: Knob) -> KnobValue? {
        if case .choices = knob.range { return node.scalar.map { KnobValue.choice($0) } }
        if knob.name == .seed { return report.uint64(node, key: "seed").map { KnobValue.whole($0) } }
        return report.double(node, key: knob.name.rawValue, range: nil).map { KnobValue.number($0) }
    }
}
