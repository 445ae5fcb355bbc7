import LearnLessons
import Testing

@Suite struct ControlCharactersTests {
    @Test func controlsAreShownAsEscapesAndTheRestPasses() {
        #expect(ControlCharacters.escaped("a\u{1B}]52;c;aGk=\u{07}b") == #"a\x1B]52;c;aGk=\x07b"#)
        #expect(ControlCharacters.escaped("\u{9B}31m \u{7F} \r") == #"\x9B31m \x7F \x0D"#)
        #expect(ControlCharacters.escaped("line\n\tindented · é 我") == "line\n\tindented · é 我")
        #expect(ControlCharacters.escaped("\u{1B}\u{9B}", style: .json) == #"\u001b\u009b"#)
    }
}
