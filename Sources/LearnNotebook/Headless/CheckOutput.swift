import Foundation
import LearnLessons

/// The three ways `learn check` reports: lines for people, JSON for tools, JUnit for CI.
extension Check.Report {
    /// One line per check, then the closing `N passed, N failed` line.
    public var text: String {
        var lines = outcomes.map(Self.line)
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One check as `learn check` prints it: `ok`, `warn` (passed, with a warning) or `FAIL`.
    public static func line(_ o: Check.Outcome) -> String {
        let mark = !o.passed ? "FAIL" : o.warning != nil ? "warn" : "ok  "
        return "\(mark) \(o.lessonName)/\(o.cellId): \(o.message)" + (o.warning.map { " — \($0)" } ?? "")
    }

    /// JSON Lines (as `learn lint --format json`): one object per check, then a summary object.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines: [String] = outcomes.map { o in
            let row = JSONRow(lesson: o.lessonName, cell: o.cellId, seed: o.seed, expect: o.expectation,
                              measured: o.measured.flatMap { $0.isFinite ? $0 : nil },
                              passed: o.passed, message: o.message, warning: o.warning)
            return String(decoding: (try? encoder.encode(row)) ?? Data(), as: UTF8.self)
        }
        let total = JSONSummary(passed: passed, failed: failed, skipped: skipped, cells: cells, warnings: warnings)
        lines.append(String(decoding: (try? encoder.encode(total)) ?? Data(), as: UTF8.self))
        return lines.joined(separator: "\n") + "\n"
    }

    /// JUnit XML: a testsuite per lesson, a testcase per check, failures with the message.
    public var junit: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"learn check\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" skipped=\"\(skipped)\">\n"
        var order: [String] = []
        var byLesson: [String: [Check.Outcome]] = [:]
        for o in outcomes {
            if byLesson[o.lessonName] == nil { order.append(o.lessonName) }
            byLesson[o.lessonName, default: []].append(o)
        }
        for lesson in order {
            let cases = byLesson[lesson] ?? []
            let failures = cases.filter { !$0.passed }.count
            // Outcomes of one cell share its clock (each carries the time since the cell
            // started), so a cell counts once: its longest.
            let time = Dictionary(cases.map { ($0.cellId, $0.seconds) }, uniquingKeysWith: Swift.max).values.reduce(0, +)
            xml += "  <testsuite name=\"\(escape(lesson))\" tests=\"\(cases.count)\" failures=\"\(failures)\" time=\"\(Format.fixed(time, 3))\">\n"
            for o in cases {
                xml += "    <testcase classname=\"\(escape(lesson)).\(escape(o.cellId))\" name=\"\(escape(o.expectation))\" time=\"\(Format.fixed(o.seconds, 3))\""
                if o.passed {
                    xml += "/>\n"
                } else {
                    xml += ">\n      <failure message=\"\(escape(o.message))\"/>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// Text for an XML attribute. XML 1.0 allows no control character but tab and newline,
    /// not even as `&#x1B;`, so those are shown as escapes first.
    private func escape(_ s: String) -> String {
        var out = ""
        for c in ControlCharacters.escaped(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}

private struct JSONRow: Encodable {
    let lesson: String, cell: String, seed: UInt64, expect: String
    let measured: Double?
    let passed: Bool, message: String
    let warning: String?
}

private struct JSONSummary: Encodable {
    let passed: Int, failed: Int, skipped: Int, cells: Int, warnings: Int
}
