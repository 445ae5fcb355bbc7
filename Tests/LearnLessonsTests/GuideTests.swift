import Foundation
import Testing
@testable import LearnLessons

@Suite struct GuideTests {
    static let guidePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons/README.md").path

    /// The guide's tables must equal the generated ones; `LEARN_RECORD_GOLDENS=1` rewrites them.
    @Test func guideTablesMatchTheSchema() throws {
        let guide = try String(contentsOfFile: Self.guidePath, encoding: .utf8)
        #expect(GuideTables.missingSections(in: guide).isEmpty, "missing markers: \(GuideTables.missingSections(in: guide))")
        let fresh = GuideTables.apply(to: guide)
        if ProcessInfo.processInfo.environment["LEARN_RECORD_GOLDENS"] == "1" {
            try fresh.write(toFile: Self.guidePath, atomically: true, encoding: .utf8)
            return
        }
        if fresh != guide {
            let old = guide.split(separator: "\n", omittingEmptySubsequences: false)
            let new = fresh.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            Issue.record("""
                Lessons/README.md drifted from the schema at line \(first + 1):
                - \(first < old.count ? old[first] : "")
                + \(first < new.count ? new[first] : "")
                Run LEARN_RECORD_GOLDENS=1 swift test --filter GuideTests to regenerate.
                """)
        }
    }

    @Test func tablesNameEveryCatalogueEntry() {
        let all = GuideTables.sections().map(\.markdown).joined(separator: "\n")
        for panel in PanelName.allCases { #expect(all.contains("| `\(panel.rawValue)` |")) }
        for rule in Rule.allCases { #expect(all.contains("| `\(rule.id)` |")) }
        for knob in KnobName.allCases { #expect(all.contains("| `\(knob.rawValue)` |")) }
        for key in Schema.cell { #expect(all.contains("| `\(key.name)` |")) }
    }

    @Test func applyReplacesOnlyBetweenMarkers() {
        let text = "intro\n<!-- BEGIN GENERATED: rules -->\nOLD TABLE TEXT\n<!-- END GENERATED: rules -->\noutro\n"
        let out = GuideTables.apply(to: text)
        #expect(out.hasPrefix("intro\n<!-- BEGIN GENERATED: rules -->\n| rule |"))
        #expect(out.hasSuffix("\n<!-- END GENERATED: rules -->\noutro\n"))
        #expect(!out.contains("OLD TABLE TEXT"))
        #expect(GuideTables.apply(to: out) == out)
    }

    /// The guide's own example lesson is valid.
    @Test func guideExampleLints() throws {
        let guide = try String(contentsOfFile: Self.guidePath, encoding: .utf8)
        let start = try #require(guide.range(of: "````markdown\n"))
        let end = try #require(guide.range(of: "\n````\n", range: start.upperBound..<guide.endIndex))
        let example = String(guide[start.upperBound..<end.lowerBound]) + "\n"
        let result = LessonLoader.load(text: example, path: "02-perceptron.md", lessonIDs: ["neuron", "perceptron"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticFormatter.text))")
        #expect(result.lesson?.pages.count == 2)
    }
}
