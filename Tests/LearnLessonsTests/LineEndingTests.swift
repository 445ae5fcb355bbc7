import Foundation
import LearnModels
import Testing
@testable import LearnLessons

/// Issue 13, item 1: a lesson or a corpus saved with Windows (CRLF) or classic Mac (CR)
/// line endings, with or without a byte-order mark, reads exactly as its LF twin.
@Suite struct LineEndingTests {
    static func variants(_ text: String) -> [(String, [UInt8])] {
        let lf = Array(text.utf8)
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let cr = Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        return [("crlf", crlf), ("cr", cr), ("bom+crlf", bom + crlf), ("bom+lf", bom + lf)]
    }

    @Test(arguments: variants(Fixtures.neuron))
    func aLessonWithOtherLineEndingsParsesAsItsLFTwin(_ name: String, _ bytes: [UInt8]) throws {
        let lf = LessonLoader.load(bytes: Array(Fixtures.neuron.utf8), path: "01-neuron.md", root: nil, lessonIDs: nil)
        let other = LessonLoader.load(bytes: bytes, path: "01-neuron.md", root: nil, lessonIDs: nil)
        #expect(other.diagnostics.isEmpty, "\(name): \(other.diagnostics.map(DiagnosticFormatter.text))")
        let lesson = try #require(other.lesson, "\(name)")
        #expect(lesson == lf.lesson)
    }

    @Test func aCRLFCorpusHasNoCarriageReturnToken() throws {
        let dir = try Fixtures.folder(["09-rhymes.md": Fixtures.rhymes.replacingOccurrences(of: "\n", with: "\r\n"),
                                       "data/rhymes.txt": "\u{FEFF}" + String(repeating: "twinkle\r\nlittle star\r\n", count: 8)])
        let result = LessonLoader.load(file: dir + "/09-rhymes.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticFormatter.text))")
        let cell = try #require(result.lesson?.pages.first?.modelCell)
        #expect(cell.config.data == .text(name: "data/rhymes.txt", contents: String(repeating: "twinkle\nlittle star\n", count: 8)))
    }
}
