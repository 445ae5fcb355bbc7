import Foundation
import LearnModels
import Testing
@testable import LearnLessons

/// `names:` and `window:` (issue 14): what the panels show, checked against the cell.
@Suite struct DisplayKeysTests {
    func load(_ keys: [String], model: [String] = ["model: lstm", "data: recall", "panels: [gates, loss]"]) throws
        -> (cell: ModelCell?, diagnostics: [Diagnostic]) {
        let text = "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n\n## Page\n\n```model\n"
            + (["id: c"] + model + ["steps: 10"] + keys).map { $0 + "\n" }.joined() + "```\n"
        let dir = try Fixtures.folder(["01-demo.md": text])
        let result = LessonLoader.load(file: dir + "/01-demo.md")
        return (result.lesson?.pages.first?.modelCell, result.diagnostics)
    }

    @Test func namesAndWindowAreRead() throws {
        let (cell, diagnostics) = try load(["window: {gates: {map: i, from: 3}}"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(DiagnosticFormatter.text))")
        #expect(cell?.windows[.gates] == PanelWindow(map: "i", from: 3))
        let line = try load(["names: {layers.0.weight: w, layers.0.bias: b}"],
                            model: ["model: mlp", "data: line", "layers: []", "panels: [landscape]"])
        #expect(line.diagnostics.isEmpty, "\(line.diagnostics.map(DiagnosticFormatter.text))")
        #expect(line.cell?.names == ["layers.0.weight": "w", "layers.0.bias": "b"])
    }

    @Test(arguments: [
        ("window: {gates: {map: x}}", "`x` is not a map of panel `gates` here"),
        ("window: {attention: {from: 2}}", "which this cell does not draw"),
        ("window: {loss: {from: 2}}", "panel `loss` has no window to set"),
        ("window: {gates: {from: 0}}", "`from` must be a whole number from 1 to 100000"),
        ("window: {gates: {form: 2}}", "unknown key `form`"),
        ("names: {layers.0.weight: w}", "`layers.0.weight` is not a parameter of this run"),
        ("names: [w, b]", "`names` must be a mapping"),
    ])
    func badDisplayKeysAreErrorsAtTheirPlace(key: String, message: String) throws {
        let (cell, diagnostics) = try load([key])
        #expect(cell == nil)
        let found = diagnostics.first { $0.severity == .error }
        #expect(found?.message.contains(message) == true, "\(diagnostics.map(DiagnosticFormatter.text))")
        #expect(found?.location.line == 17, "on the key's own line")
    }
}
