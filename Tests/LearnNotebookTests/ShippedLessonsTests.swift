import LearnNotebook
import LearnRender
import Testing

/// Every page of every shipped lesson draws at the sizes students use, exactly, in both
/// glyph sets, after a couple of training steps (the debug build is slow; `learn check`
/// trains every cell fully in CI). No title or legend ends in a cut number (issue 14):
/// a digit right before a box edge, or a number whose exponent is cut off (`7.4e`) —
/// at every size, and with each panel zoomed at 120×40.
@Suite struct ShippedLessonsTests {
    static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

    @Test(arguments: [Look.ascii, Look.unicode])
    func everyPageFitsExactly(look: Look) throws {
        let lessons = Fixtures.shipped()
        #expect(lessons.count == 14)
        let nb = Notebook(lessons: lessons, look: look)
        for (l, lesson) in lessons.enumerated() {
            for p in lesson.pages.indices {
                nb.go(lesson: l, page: p)
                nb.train(steps: 2)
                // Each panel zoomed too (its title and legend get the whole width).
                var frames = Self.sizes.map { (width: $0.0, height: $0.1, zoomed: Optional<Int>.none) }
                frames += (nb.liveCell?.cell.panels.indices).map { Array($0) }.map { $0.map { (120, 40, Optional($0)) } } ?? []
                for (width, height, zoomed) in frames {
                    if let zoomed {
                        for _ in 0...zoomed { _ = nb.handle(.char("f")) }
                        _ = nb.handle(.char("z"))
                    }
                    defer { if zoomed != nil { _ = nb.handle(.escape); _ = nb.handle(.escape) } }
                    let grid = nb.frame(width: width, height: height)
                    let place = "\(lesson.id) page \(p + 1) at \(width)×\(height)" + (zoomed.map { " panel \($0 + 1) zoomed" } ?? "")
                    #expect(grid.lines.count == height, "\(place)")
                    #expect(grid.lines.allSatisfy { DisplayWidth.of($0) == width }, "\(place)")
                    for line in grid.lines where look.glyphs.isUnicode {
                        #expect(line.firstMatch(of: /[0-9.][─┐]|[0-9]e(?![0-9-])|[0-9]e-(?![0-9])/) == nil, "\(place): a cut number in \(line)")
                    }
                    if !look.glyphs.isUnicode {
                        #expect(grid.description.unicodeScalars.allSatisfy { $0 == "\n" || (0x20...0x7E).contains($0.value) },
                                "\(place) is not pure ASCII")
                    }
                }
            }
        }
    }
}
