import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LearnNotebook
import Testing

@Suite struct CheckOutputTests {
    /// Issue 20 #9: a raw ESC in a message made the JUnit file not well-formed XML.
    @Test func junitStaysWellFormedWithControlCharacters() throws {
        let outcome = Check.Outcome(lessonName: "01-x", cellId: "c", seed: 1, expectation: "loss < 1", measured: 2,
                                    passed: false, message: "loss 2 \u{1B}]52;c;aGk=\u{07} <&>", seconds: 0, warning: nil)
        let xml = Check.Report(outcomes: [outcome], skipped: 0, cells: 1).junit
        let document = try XMLDocument(xmlString: xml)
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == #"loss 2 \x1B]52;c;aGk=\x07 <&>"#)
    }
}
