import Foundation
import Testing
@testable import LearnLessons

@Suite struct LocatorTests {
    @Test func explicitFlagWinsOverEverything() throws {
        let cwd = try Fixtures.folder(["Lessons/01-neuron.md": Fixtures.neuron])
        let found = LessonsLocator.resolve(explicit: "mine", environment: ["LEARN_LESSONS": "/env"], currentDirectory: cwd, fallback: "/shipped")
        #expect(found == cwd + "/mine")
    }

    @Test func environmentComesSecond() throws {
        let cwd = try Fixtures.folder(["Lessons/01-neuron.md": Fixtures.neuron])
        #expect(LessonsLocator.resolve(explicit: nil, environment: ["LEARN_LESSONS": "/env/lessons"], currentDirectory: cwd, fallback: nil) == "/env/lessons")
        #expect(LessonsLocator.resolve(explicit: "", environment: ["LEARN_LESSONS": "rel"], currentDirectory: cwd, fallback: nil) == cwd + "/rel")
    }

    @Test func localLessonsFolderThenFallback() throws {
        let withLocal = try Fixtures.folder(["Lessons/01-neuron.md": Fixtures.neuron])
        let shipped = try Fixtures.folder(["01-neuron.md": Fixtures.neuron])
        #expect(LessonsLocator.resolve(explicit: nil, environment: ["LEARN_LESSONS": ""], currentDirectory: withLocal, fallback: shipped) == withLocal + "/Lessons")
        let empty = try Fixtures.folder([:])
        #expect(LessonsLocator.resolve(explicit: nil, environment: [:], currentDirectory: empty, fallback: shipped) == shipped)
        #expect(LessonsLocator.resolve(explicit: nil, environment: [:], currentDirectory: empty, fallback: empty + "/nope") == nil)
        #expect(LessonsLocator.resolve(explicit: nil, environment: [:], currentDirectory: empty, fallback: nil) == nil)
    }
}

@Suite struct LinterTests {
    @Test func cleanFolderExitsZeroWithSummary() throws {
        let dir = try Fixtures.folder(["01-neuron.md": Fixtures.neuron, "02-perceptron.md": Fixtures.perceptron])
        let (output, code) = Linter.run(paths: [dir], format: .text)
        #expect(code == 0)
        #expect(output == "2 files, 0 errors, 0 warnings\n")
    }

    @Test func warningsAloneStillPass() throws {
        let text = RuleCase.cell("heads: 2")
        let dir = try Fixtures.folder(["01-demo.md": text])
        let (output, code) = Linter.run(paths: [dir + "/01-demo.md"], format: .text)
        #expect(code == 0)
        #expect(output == """
            \(dir)/01-demo.md:16:1: warning[unused-key]: `heads` has no effect here (used by transformer)
             16 | heads: 2
                | ^
              = help: remove it

            1 file, 0 errors, 1 warning

            """)
    }

    @Test func invalidLessonExitsTwoWithCaretAndHelp() throws {
        let dir = try Fixtures.folder(["01-demo.md": RuleCase.cell("optimizer: {name: sgd, lr: 500}")])
        let (output, code) = Linter.run(paths: [dir], format: .text)
        #expect(code == 2)
        #expect(output == """
            \(dir)/01-demo.md:16:28: error[out-of-range]: `lr` is 500, outside 1e-06 … 100.0
             16 | optimizer: {name: sgd, lr: 500}
                |                            ^
              = help: use a value from 1e-06 to 100

            1 file, 1 error, 0 warnings

            """)
    }

    @Test func jsonListsEveryDiagnostic() throws {
        let dir = try Fixtures.folder(["01-demo.md": RuleCase.cell("step: 3", "panels: [gates]")])
        let (output, code) = Linter.run(paths: [dir + "/01-demo.md"], format: .json)
        #expect(code == 2)
        let lines = output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let array = lines.dropLast().compactMap { $0 }
        #expect(array.count == 2)
        #expect(lines.last??["errors"] as? Int == 2 && lines.last??["files"] as? Int == 1)
        #expect(array[0]["rule"] as? String == "unknown-key")
        #expect(array[0]["line"] as? Int == 16 && array[0]["column"] as? Int == 1)
        #expect(array[0]["suggestion"] as? String == "did you mean `steps`?")
        #expect(array[1]["rule"] as? String == "panel-mismatch" && array[1]["severity"] as? String == "error")
        #expect(Set(array[1].keys) == ["path", "line", "column", "severity", "rule", "message", "suggestion"])
    }

    @Test func nothingToLintExitsTwo() throws {
        let empty = try Fixtures.folder(["README.md": "# notes"])
        let (output, code) = Linter.run(paths: [empty], format: .text)
        #expect(code == 2)
        #expect(output.contains("no lesson files (NN-id.md) in \(empty)"))
        let (missing, missingCode) = Linter.run(paths: [empty + "/nope"], format: .text)
        #expect(missingCode == 2 && missing.contains("no such file or folder"))
        #expect(Linter.run(paths: [], format: .json).exitCode == 2)
    }

    @Test func crossFileProblemsAreReported() throws {
        let a = Fixtures.neuron.replacingOccurrences(of: "minutes: 5", with: "minutes: 5\nrequires: [perceptron]")
        let dir = try Fixtures.folder(["01-neuron.md": a, "02-perceptron.md": Fixtures.perceptron,
                                       "03-extra.md": Fixtures.neuron.replacingOccurrences(of: "id: neuron", with: "id: extra")
                                           .replacingOccurrences(of: "minutes: 5", with: "minutes: 5\nrequires: [nueron]")])
        let folder = LessonLoader.loadFolder(dir)
        let rules = folder.diagnostics.map { "\(($0.location.path as NSString).lastPathComponent):\($0.rule.id)" }
        #expect(rules == ["02-perceptron.md:requires-cycle", "03-extra.md:dangling-ref"])
        #expect(folder.diagnostics.last?.help == "did you mean `neuron`?")
        #expect(folder.lessons.map(\.id) == ["neuron"])
    }
}
