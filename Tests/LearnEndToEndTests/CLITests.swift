import Foundation
import Testing

@Suite struct CLITests {
    @Test func versionAndHelp() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        // Issue 21: built from a git checkout, the version names its commit.
        let line = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".git").path
        if FileManager.default.fileExists(atPath: checkout) {
            #expect(line.wholeMatch(of: /0\.1\.0 \(commit [0-9a-f]{12}\)/) != nil, "\(line)")
        } else {
            #expect(line == "0.1.0")
        }
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        for command in ["list", "lint", "check", "render", "trace", "step", "bench"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
        let render = try Binary.run(["render", "--help"])
        #expect(render.stdout.contains("(default: 120x40)"), "the size default reads as it is typed: \(render.stdout)")
    }

    @Test func unknownOptionIsAClearError() throws {
        let result = try Binary.run(["render", "01", "--size", "banana"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--size"))
    }

    @Test func unknownKernelIsAClearError() throws {
        let result = try Binary.run(["bench", "matmul"], environment: ["LEARN_KERNEL": "sse"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("LEARN_KERNEL=sse: this machine runs"))
    }

    @Test func notebookRefusesWithoutATerminal() throws {
        let result = try Binary.run([], environment: ["LEARN_LESSONS": Binary.lessons])
        #expect(result.status == 1)
        #expect(result.stderr.contains("learn render"))
        #expect(result.stderr.contains("learn check"))
    }

    @Test func checkPassesAndCloses() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let result = try Binary.run(["check", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ok   01-tiny/and-gate: accuracy") == true, "\(result.stdout)")
        #expect(lines.last == "1 passed, 0 failed (1 cell trained)")
    }

    @Test func impossibleExpectationFailsWithExitOne() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(expect: "loss < 0.001")])
        defer { folder.remove() }
        let result = try Binary.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL 01-tiny/and-gate: loss"))
        #expect(result.stdout.contains("want < 0.001 after 200 steps"))
        #expect(result.stdout.hasSuffix("0 passed, 1 failed (1 cell trained)\n"))
    }

    @Test func invalidLessonExitsTwoWithLocation() throws {
        let broken = LessonFolder.lesson().replacingOccurrences(of: "steps: 200", with: "stepz: 200")
        let folder = try LessonFolder(["01-tiny.md": broken])
        defer { folder.remove() }
        for command in ["check", "lint"] {
            let result = try Binary.run([command, folder.path])
            #expect(result.status == 2, "\(command)")
            #expect((result.stdout + result.stderr).contains("01-tiny.md:"), "\(command): \(result.stdout)\(result.stderr)")
        }
        let empty = try LessonFolder([:])
        defer { empty.remove() }
        #expect(try Binary.run(["check", empty.path]).status == 2)
    }

    @Test func checkIsDeterministicAndWritesJUnit() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let junit = folder.path + "/report.xml"
        let first = try Binary.run(["check", folder.path + "/01-tiny.md", "--junit", junit])
        let second = try Binary.run(["check", folder.path + "/01-tiny.md"])
        #expect(first.stdout == second.stdout)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml"))
        #expect(xml.contains("<testsuite name=\"01-tiny\" tests=\"1\" failures=\"0\""))
        #expect(xml.contains("<testcase classname=\"01-tiny.and-gate\" name=\"accuracy &gt;= 0.9\""))
        let json = try Binary.run(["check", folder.path, "--format", "json"])
        let rows = json.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        let row = try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any]
        #expect(row?["passed"] as? Bool == true)
        #expect(row?["cell"] as? String == "and-gate")
    }

    @Test func renderIsExactlyTheAskedSizeAndAsciiIsPure() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        for (w, h) in [(80, 24), (200, 60), (30, 8)] {
            let result = try Binary.run(["render", "tiny", "--lessons", folder.path, "--size", "\(w)x\(h)", "--steps", "50", "--ascii"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == h)
            #expect(lines.allSatisfy { $0.unicodeScalars.count == w })
            #expect(result.stdout.unicodeScalars.allSatisfy { $0 == "\n" || (0x20...0x7E).contains($0.value) })
        }
        let color = try Binary.run(["render", "tiny", "--lessons", folder.path, "--color", "always"])
        #expect(color.stdout.contains("\u{1B}["))
        let again = try Binary.run(["render", "tiny", "--lessons", folder.path, "--color", "always"])
        #expect(color.stdout == again.stdout)
    }

    /// `--panels` draws what Tab shows, so the narrow view can be read and checked
    /// without a terminal: at 80×24 the panels alone, no page text; at 120×40, where text
    /// and panels sit side by side, the same frame as without it.
    @Test func renderPanelsShowsWhatTabShows() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        func render(_ extra: [String]) throws -> String {
            let result = try Binary.run(["render", "tiny", "--lessons", folder.path, "--steps", "20"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let text = try render(["--size", "80x24"]), panels = try render(["--size", "80x24", "--panels"])
        #expect(text.contains("┌ loss") == false && panels.contains("┌ loss"), "\(text)\n\(panels)")
        #expect(try render(["--size", "120x40", "--panels"]) == render(["--size", "120x40"]))
    }

    @Test func traceFollowsTheConventions() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let result = try Binary.run(["trace", "tiny", "--lessons", folder.path, "--seed", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let trace = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(trace["schema"] as? String == "learn.trace/1")
        #expect(trace["model"] as? String == "perceptron")
        #expect(trace["seed"] as? Int == 3)
        let params = try #require(trace["params"] as? [String: Any])
        let grads = try #require(trace["grads"] as? [String: Any])
        #expect(Set(params.keys) == ["fc.weight", "fc.bias"])
        #expect(Set(grads.keys) == ["fc.weight", "fc.bias"])
        let weight = try #require(params["fc.weight"] as? [String: Any])
        #expect(weight["shape"] as? [Int] == [1, 2])
        #expect((trace["loss"] as? Double).map { $0.isFinite } == true)
    }

    @Test func listShowsEveryShippedLesson() throws {
        let home = NSTemporaryDirectory() + "learn-state-" + UUID().uuidString
        let result = try Binary.run(["list", "--lessons", Binary.lessons], environment: ["XDG_STATE_HOME": home])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count >= 14)
        #expect(result.stdout.contains("00  Welcome"))
    }

    /// `learn list` pads titles by display width: a Chinese title (two columns a character)
    /// keeps the minutes column in line.
    @Test func listAlignsWideTitles() throws {
        let chinese = LessonFolder.lesson(number: "02", id: "zh").replacingOccurrences(of: "title: A tiny lesson", with: "title: 感知机")
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(), "02-zh.md": chinese])
        defer { folder.remove() }
        let list = try Binary.run(["list", "--lessons", folder.path], environment: ["XDG_STATE_HOME": folder.path + "/state"])
        let columns = list.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let minutes = line.range(of: " min") else { return nil }
            return line[..<minutes.lowerBound].reduce(0) { $0 + ($1.unicodeScalars.first!.value >= 0x1100 ? 2 : 1) }
        }
        #expect(columns.count == 2 && Set(columns).count == 1, "\(list.stdout)")
    }
}
