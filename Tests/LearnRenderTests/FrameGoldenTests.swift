import Testing
@testable import LearnRender

/// Whole 200 × 60 frames with six panels, against golden files (`LEARN_RECORD_GOLDENS=1`
/// re-records them).
@Suite struct FrameGoldenTests {
    @Test func asciiFrame() throws {
        try Golden.file("frame-ascii", Samples.frame(glyphs: .ascii).description)
    }

    @Test func unicodeFrame() throws {
        try Golden.file("frame-unicode", Samples.frame(glyphs: .unicode).description)
    }

    @Test func colouredFrameLowersToEveryTier() throws {
        let grid = Samples.frame(glyphs: .unicode)
        for tier in ColorTier.allCases {
            let lines = AnsiText.lines(grid, tier: tier)
            let stripped = lines.map(stripEscapes)
            #expect(stripped == grid.lines, "tier \(tier): text without escapes must equal the plain frame")
            let text = lines.joined()
            #expect(text.contains("38;5;") == (tier == .indexed256))
            #expect(text.contains("\u{1B}[0;3") == (tier == .basic8) || tier != .basic8)
        }
        try Golden.file("frame-unicode-ansi256", AnsiText.lines(grid, tier: .indexed256).joined(separator: "\n"))
    }

    @Test func diffIsReadable() {
        let diff = Golden.diff(expected: ["same", "old"], actual: ["same", "new", "extra"])
        #expect(diff == "1     same\n2   - old\n2   + new\n3   + extra")
    }
}

/// `line` without its SGR escape sequences.
func stripEscapes(_ line: String) -> String {
    var out = "", inEscape = false
    for ch in line {
        if inEscape { if ch == "m" { inEscape = false }; continue }
        if ch == "\u{1B}" { inEscape = true; continue }
        out.append(ch)
    }
    return out
}
