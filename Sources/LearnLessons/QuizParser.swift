/// Reads a ` ```quiz ` block: `id`, `ask`, `choices`, `answer` (counting from 1), `explain`.
struct QuizParser {
    var report: Report

    /// A quiz block, or (`id` given) a cell's `predict:` question, whose keys are a
    /// quiz's but `id`.
    mutating func parse(_ node: YNode, fence: SourceLocation, id given: String? = nil) -> Quiz? {
        let errorsBefore = report.diagnostics.count
        let (specs, what) = given == nil ? (Schema.quiz, "a quiz") : (Schema.predict, "`predict`")
        guard let keys = report.entries(node, specs: specs, what: what, owner: fence) else { return nil }
        let id = given ?? keys["id"].flatMap { report.id($0.value, key: "id") }
        let ask = keys["ask"].flatMap { report.text($0.value, key: "ask") }
        let explain = keys["explain"].flatMap { report.text($0.value, key: "explain") }
        var choices: [String]?
        if let entry = keys["choices"], let items = report.list(entry.value, key: "choices") {
            let texts = items.map { report.text($0, key: "choices") }
            if !Schema.quizChoices.contains(items.count) {
                report.add(.outOfRange, at: entry.value.location, "a quiz has \(Schema.text(Schema.quizChoices)) choices, found \(items.count)",
                           help: "students answer with the keys 1…9")
            } else if !texts.contains(nil) {
                choices = texts.compactMap { $0 }
            }
            var seen: Set<String> = []
            for (item, text) in zip(items, texts) {
                guard let text else { continue }
                if item.folded, text.contains(" - ") {
                    report.add(.suspiciousChoice, at: item.location, "this choice reads `\(YNode.clip(text))`: a deeper-indented `- ` line folded into it",
                               help: "indent every choice the same, so each is its own answer")
                }
                if !seen.insert(text).inserted {
                    report.add(.suspiciousChoice, at: item.location, "the choice `\(YNode.clip(text))` is listed twice", help: "make each choice different")
                }
            }
        }
        var answer: Int?
        if let entry = keys["answer"] {
            if let n = Report.number(entry.value), n == n.rounded(), let count = choices?.count, !(1...count).contains(Int(exactly: n) ?? 0) {
                report.add(.quizAnswer, at: entry.value.location, "answer \(Report.format(n)) is not one of the \(count) choices",
                           help: "choices count from 1, so the answer is 1…\(count)")
            } else {
                answer = report.int(entry.value, key: "answer", range: 1...max(choices?.count ?? Schema.quizChoices.upperBound, 1))
            }
        }
        let failed = report.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id, let ask, let choices, let answer else { return nil }
        return Quiz(id: id, ask: ask, choices: choices, answer: answer, explain: explain, location: fence)
    }
}
