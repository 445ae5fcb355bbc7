import Foundation
import LearnLessons
import Testing
@testable import LearnNotebook

/// Issue 13, items 3, 4 and 9: `check` builds and trains every cell, fails a cell that
/// diverges unasked or runs past its time limit, and always has a report to write.
@Suite struct CheckTests {
    static func lesson(_ cells: [String]) throws -> Lesson {
        var text = "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n"
        for (i, cell) in cells.enumerated() { text += "\n## Page \(i + 1)\n\n```model\n\(cell)```\n" }
        let result = LessonLoader.load(text: text, path: "01-demo.md")
        return try #require(result.lesson, "\(result.diagnostics.map(DiagnosticFormatter.text))")
    }

    static let quiet = "id: quiet\nmodel: perceptron\ndata: and\nsteps: 5\n"
    static let blowUp = "id: blow-up\nmodel: mlp\ndata: sin\noptimizer: {name: sgd, lr: 100}\nsteps: 50\n"

    @Test func aCellWithNoExpectationsIsTrainedCountedAndWarned() throws {
        let report = Check.run([try Self.lesson([Self.quiet])])
        #expect(report.cells == 1)
        #expect(report.outcomes.count == 1)
        let o = try #require(report.outcomes.first)
        #expect(o.passed && o.warning != nil && o.expectation == Check.Outcome.trains)
        #expect(o.message == "trained 5 steps; no expect lines, so nothing is checked")
        #expect(report.summary == "1 passed, 0 failed (1 cell trained, 1 without expectations)")
    }

    @Test func divergenceFailsUnlessAnExpectLineSaysSo() throws {
        let unasked = Check.run([try Self.lesson([Self.blowUp])])
        #expect(unasked.failed == 1)
        #expect(unasked.outcomes.first?.message.contains("diverged") == true)
        let expected = Check.run([try Self.lesson([Self.blowUp + "expect:\n  - diverged == 1\n"])])
        #expect(expected.failed == 0 && expected.passed == 1)
    }

    @Test func aCompareRunThatDivergesUnaskedFails() throws {
        let cell = Self.quiet + "compare:\n  - {label: hot, optimizer: {name: sgd, lr: 100}}\nexpect:\n  - loss < 10\n"
        let report = Check.run([try Self.lesson([cell.replacingOccurrences(of: "perceptron", with: "mlp")
            .replacingOccurrences(of: "data: and", with: "data: sin")])])
        #expect(report.outcomes.contains { !$0.passed && $0.message.hasPrefix("run `hot` diverged") })
    }

    @Test func aCellPastItsTimeLimitFailsByName() throws {
        let report = Check.run([try Self.lesson([Self.quiet])], timeout: 1e-9)
        let o = try #require(report.outcomes.first)
        #expect(!o.passed && o.cellId == "quiet")
        #expect(o.message.hasPrefix("stopped after 0 s at step 1 of 5 (--cell-timeout)"))
    }

    @Test func finishedCellsAreHandedOnInLessonOrder() throws {
        let cells = (1...6).map { Self.quiet.replacingOccurrences(of: "id: quiet", with: "id: c\($0)") }
        let seen = Seen()
        _ = Check.run([try Self.lesson(cells)], finished: { seen.add($0.map(\.cellId)) })
        #expect(seen.ids == (1...6).map { "c\($0)" })
    }

    @Test func lintErrorsAreFailedChecksInEveryFormat() throws {
        let bad = LessonLoader.load(text: "---\nlearn: 1\nid: x\n---\n", path: "/tmp/01-x.md")
        let failures = Check.lintFailures(bad.diagnostics)
        #expect(!failures.isEmpty && failures.allSatisfy { !$0.passed && $0.cellId == "lint" })
        let report = Check.Report(outcomes: failures, skipped: 0, cells: 0)
        #expect(report.junit.contains("<failure message=\"/tmp/01-x.md:"))
        #expect(report.json.split(separator: "\n").count == failures.count + 1)
    }

    @Test func aSuiteCountsEachCellsTimeOnce() {
        let o = { (cell: String, seconds: Double) in
            Check.Outcome(lessonName: "01-demo", cellId: cell, seed: 0, expectation: "e", measured: 1, passed: true,
                          message: "", seconds: seconds, warning: nil)
        }
        let report = Check.Report(outcomes: [o("a", 1), o("a", 1.5), o("b", 2)], skipped: 0, cells: 2)
        #expect(report.junit.contains("time=\"3.500\""))
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ ids: [String]) { lock.lock(); list += ids; lock.unlock() }
        var ids: [String] { lock.lock(); defer { lock.unlock() }; return list }
    }
}

extension CheckTests {
    @Test func anExpectationComparesTwoRunsOfACell() throws {
        let cell = "id: pair\nmodel: mlp\ndata: xor\nsteps: 30\ncompare:\n  - {label: slow, optimizer: {name: sgd, lr: 0.0001}}\n"
        let report = Check.run([try Self.lesson([cell + "expect:\n  - loss[slow] > loss\n  - loss[slow] < loss\n"])])
        #expect(report.outcomes.map(\.passed) == [true, false])
        #expect(report.outcomes[0].message.hasPrefix("loss[slow] "))
        #expect(report.outcomes[0].message.contains(", loss "))
        #expect(report.outcomes[0].message.hasSuffix("want > loss after 30 steps"))
    }
}
