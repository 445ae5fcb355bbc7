import Foundation
import Testing

/// Issue 13, items 10 and 11 in a real terminal: the notebook opens a course by a lesson
/// file's path, and a broken lesson is a page of its diagnostics, not a refusal.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct BrokenCourseInTmuxTests {
    @Test func theNotebookOpensACourseByPathAndShowsABrokenLessonsDiagnostics() throws {
        let broken = LessonFolder.lesson(number: "02", id: "broken").replacingOccurrences(of: "data: and", with: "data: blobs")
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(), "02-broken.md": broken])
        defer { folder.remove() }
        let tmux = try Tmux(width: 120, height: 40, arguments: [folder.path + "/02-broken.md"])
        let shown = tmux.wait(for: "error[data-mismatch]")
        #expect(shown.ok, "broken lesson page:\n\(shown.screen)")
        #expect(shown.screen.contains("02-broken.md did not load"))
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
