import Foundation
import Testing
@testable import LearnLessons

/// Issue 13, items 6 and 10: nothing in a course folder drops out silently, and one
/// broken file does not hide the others.
@Suite struct CourseFolderTests {
    @Test func misnamedMarkdownFilesAreErrorsWithTheRightName() throws {
        let dir = try Fixtures.folder(["01-neuron.md": Fixtures.neuron, "1-intro.md": Fixtures.neuron, "05_x.md": "x",
                                       "x.MD": "x", "03-x.markdown": "x", "README.md": "# notes", "notes.txt": "x"])
        let folder = LessonLoader.loadFolder(dir)
        let found = folder.diagnostics.map { "\(($0.location.path as NSString).lastPathComponent) \($0.rule.id) \($0.help ?? "")" }
        #expect(found == ["03-x.markdown file-name rename it to `03-x.md`", "05_x.md file-name rename it to `05-x.md`",
                          "1-intro.md file-name rename it to `01-intro.md`", "x.MD file-name rename it to `01-x.md`"])
        #expect(folder.lessons.map(\.id) == ["neuron"])
        #expect(Linter.run(paths: [dir], format: .text).exitCode == Linter.exitInvalid)
    }

    @Test func aBrokenFileStandsInTheCourseAsAPageOfItsDiagnostics() throws {
        let broken = Fixtures.neuron.replacingOccurrences(of: "id: neuron", with: "id: broken")
            .replacingOccurrences(of: "model: kx", with: "model: kxx")
        let dir = try Fixtures.folder(["01-neuron.md": Fixtures.neuron, "02-broken.md": broken])
        let folder = LessonLoader.loadFolder(dir)
        #expect(folder.lessons.map(\.id) == ["neuron"])
        let standIn = try #require(folder.files.compactMap(\.standIn).first)
        #expect(standIn.number == 2 && standIn.id == "broken" && standIn.title == "02-broken.md has errors")
        #expect(standIn.problems.map(\.rule) == [.unknownModel])
        guard case .prose(let listing)? = standIn.pages.first?.blocks.last else { Issue.record("no listing"); return }
        #expect(listing.contains("02-broken.md:13:8: error[unknown-model]"))
        #expect(folder.files.first?.standIn == nil)
    }

    @Test func draftIsParsedAndChecked() throws {
        let draft = Fixtures.neuron.replacingOccurrences(of: "minutes: 5", with: "minutes: 5\ndraft: true")
        #expect(LessonLoader.load(text: draft, path: "01-neuron.md").lesson?.draft == true)
        #expect(LessonLoader.load(text: Fixtures.neuron, path: "01-neuron.md").lesson?.draft == false)
        let bad = LessonLoader.load(text: draft.replacingOccurrences(of: "draft: true", with: "draft: maybe"), path: "01-neuron.md")
        #expect(bad.diagnostics.map(\.rule) == [.badType])
    }
}
