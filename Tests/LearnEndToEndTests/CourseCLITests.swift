import Foundation
import Testing

/// Issue 13, items 9, 10 and 11 at the command line: reports exist when lint fails, a
/// broken file does not take the course down, and a lesson can be named by its path.
@Suite struct CourseCLITests {
    static let broken = LessonFolder.lesson(number: "02", id: "broken").replacingOccurrences(of: "data: and", with: "data: blobs")

    @Test func checkWritesJSONAndJUnitWhenLintFails() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(), "02-broken.md": Self.broken])
        defer { folder.remove() }
        let junit = folder.path + "/report.xml"
        let result = try Binary.run(["check", folder.path, "--format", "json", "--junit", junit])
        #expect(result.status == 2)
        let rows = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 3, "\(result.stdout)")
        #expect(rows.first?["cell"] as? String == "lint" && rows.first?["passed"] as? Bool == false)
        #expect((rows.first?["message"] as? String)?.contains("02-broken.md:16:7: error[data-mismatch]") == true)
        #expect(rows.last?["failed"] as? Int == 1)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testcase classname=\"02-broken.lint\" name=\"data-mismatch at 16:7\""))
        #expect(xml.contains("<testcase classname=\"01-tiny.and-gate\""))
    }

    @Test func oneBrokenFileDoesNotBlockTheCourse() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(), "02-broken.md": Self.broken])
        defer { folder.remove() }
        let list = try Binary.run(["list", "--lessons", folder.path])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("A tiny lesson") && list.stdout.contains("02-broken.md has errors"))
        let render = try Binary.run(["render", "02", "--lessons", folder.path, "--steps", "0", "--size", "100x30"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("error[data-mismatch]"))
        let trace = try Binary.run(["trace", "02", "--lessons", folder.path])
        #expect(trace.status == 2 && trace.stderr.contains("02-broken.md:16:7"))
    }

    @Test func draftsStayOutOfTheListAndOfCheckUnlessAsked() throws {
        let draft = LessonFolder.lesson(number: "02", id: "later", expect: "accuracy > 2")
            .replacingOccurrences(of: "minutes: 1", with: "minutes: 1\ndraft: true")
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(), "02-later.md": draft])
        defer { folder.remove() }
        #expect(try Binary.run(["list", "--lessons", folder.path]).stdout.split(separator: "\n").count == 1)
        #expect(try Binary.run(["check", folder.path]).status == 0)
        #expect(try Binary.run(["check", folder.path, "--drafts"]).status == 1)
        let byPath = try Binary.run(["render", folder.path + "/02-later.md", "--steps", "0"])
        #expect(byPath.status == 0, "\(byPath.stderr)")
    }

    @Test func aLessonIsNamedByItsPathAndAPageByItsId() throws {
        let folder = try LessonFolder(["03-tiny.md": LessonFolder.lesson(number: "03")])
        defer { folder.remove() }
        let byPath = try Binary.run(["render", folder.path + "/03-tiny.md", "--page", "a-question", "--steps", "0", "--size", "100x30"])
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout.contains("How many straight lines"))
        let byNumber = try Binary.run(["render", "03", "--lessons", folder.path, "--page", "2", "--steps", "0", "--size", "100x30"])
        #expect(byNumber.stdout == byPath.stdout)
        let badPage = try Binary.run(["render", folder.path + "/03-tiny.md", "--page", "nope"])
        #expect(badPage.status == 2 && badPage.stderr.contains("its pages are: the-and-gate, a-question"))
        let trace = try Binary.run(["trace", folder.path + "/03-tiny.md"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let missing = try Binary.run(["render", folder.path + "/04-none.md"])
        #expect(missing.status == 2 && missing.stderr.contains("no such file"))
    }

    @Test func checkOnOneCellSaysOneLesson() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let one = try Binary.run(["check", folder.path, "--cell", "and-gate"])
        #expect(one.status == 0 && one.stderr.contains("checked 1 lesson in"))
        let none = try Binary.run(["check", folder.path, "--cell", "nope"])
        #expect(none.status == 2 && none.stderr.contains("the cells are: and-gate"))
    }
}
