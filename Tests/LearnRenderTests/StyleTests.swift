import Testing
@testable import LearnRender

@Suite struct StyleTests {
    @Test func paletteRGB() {
        #expect(Color.indexed(16).rgb == (0, 0, 0))
        #expect(Color.indexed(196).rgb == (255, 0, 0))
        #expect(Color.indexed(21).rgb == (0, 0, 255))
        #expect(Color.indexed(232).rgb == (8, 8, 8))
        #expect(Color.indexed(255).rgb == (238, 238, 238))
        #expect(Color.indexed(1).rgb == (205, 0, 0))
    }

    @Test func lowersTo8ColoursKeepingHue() {
        #expect(Color.indexed(196).basic8 == 1)
        #expect(Color.indexed(52).basic8 == 1, "dark red stays red")
        #expect(Color.indexed(17).basic8 == 4, "dark blue stays blue")
        #expect(Color.indexed(236).basic8 == 0, "near-zero grey is black")
        #expect(Color.indexed(226).basic8 == 3)
        #expect(Color.indexed(231).basic8 == 7)
        #expect(Color.basic(9).basic8 == 1)
        for ramp in [Palette.negativeRamp, Palette.positiveRamp] {
            #expect(ramp.first!.basic8 == 0)
        }
        #expect(Palette.negativeRamp.dropFirst().allSatisfy { $0.basic8 == 4 || $0.basic8 == 6 })
        #expect(Palette.positiveRamp.dropFirst().allSatisfy { $0.basic8 == 1 })
    }

    @Test func loweredStyles() {
        let style = Style(foreground: .indexed(196), background: .indexed(21), bold: true, underline: true)
        #expect(style.lowered(to: .indexed256) == style)
        #expect(style.lowered(to: .basic8) == Style(foreground: .basic(1), background: .basic(4), bold: true, underline: true))
        #expect(style.lowered(to: .none) == Style(bold: true, underline: true))
    }

    @Test func ansiLinesEmitOnlyStyleChanges() {
        var grid = CellGrid(width: 5, height: 2)
        grid.write("ab", x: 0, y: 0, style: Style(foreground: .indexed(196)))
        grid.write("c", x: 2, y: 0, style: Style(bold: true))
        grid.write("我", x: 0, y: 1, style: Style(background: .basic(12)))
        let esc = "\u{1B}["
        #expect(AnsiText.lines(grid, tier: .indexed256) == [
            "\(esc)0;38;5;196mab\(esc)0;1mc\(esc)0m  ",
            "\(esc)0;104m我\(esc)0m   ",
        ])
        #expect(AnsiText.lines(grid, tier: .basic8)[0] == "\(esc)0;31mab\(esc)0;1mc\(esc)0m  ")
        #expect(AnsiText.lines(grid, tier: .none) == ["ab\(esc)0;1mc\(esc)0m  ", "我   "])
    }
}
