import Foundation
import Testing
@testable import LearnRender

/// Golden comparisons: a grid against expected lines (inline, ratatui style) or against a
/// golden file under `Goldens/`, re-recorded with `LEARN_RECORD_GOLDENS=1`, never by hand.
enum Golden {
    /// A readable line diff: `  ` same, `- ` expected, `+ ` actual, with line numbers.
    static func diff(expected: [String], actual: [String]) -> String {
        var out: [String] = []
        for i in 0..<max(expected.count, actual.count) {
            let e = i < expected.count ? expected[i] : nil, a = i < actual.count ? actual[i] : nil
            let n = String(i + 1).padding(toLength: 3, withPad: " ", startingAt: 0)
            if e == a { out.append("\(n)   \(e ?? "")") } else {
                if let e { out.append("\(n) - \(e)") }
                if let a { out.append("\(n) + \(a)") }
            }
        }
        return out.joined(separator: "\n")
    }

    /// Expects `grid` to show exactly `lines`.
    static func expect(_ grid: CellGrid, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        if grid.lines != lines {
            Issue.record(Comment(rawValue: "grid differs (- expected, + actual):\n" + diff(expected: lines, actual: grid.lines)),
                         sourceLocation: sourceLocation)
        }
    }

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    /// Compares `text` with `Goldens/<name>.txt`; with `LEARN_RECORD_GOLDENS=1` writes it instead.
    static func file(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["LEARN_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; record with LEARN_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let a = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            Issue.record(Comment(rawValue: "golden \(name).txt differs (- golden, + actual):\n" + diff(expected: e, actual: a)),
                         sourceLocation: sourceLocation)
        }
    }
}

/// Draws `widget` into a `width × height` grid pre-filled with `x`, so untouched cells show.
func rendered(_ width: Int, _ height: Int, _ draw: (inout CellGrid, Rect) -> Void) -> CellGrid {
    var grid = CellGrid(width: width, height: height, filledWith: Cell("x"))
    draw(&grid, grid.bounds)
    return grid
}
