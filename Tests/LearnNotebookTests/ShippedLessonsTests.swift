import LearnNotebook
import LearnRender
import Testing

/// Every page of every shipped lesson draws at the sizes students use, without training
/// far (the debug build is slow); `learn check` trains them fully in CI.
@Suite struct ShippedLessonsTests {
    @Test(arguments: [(80, 24), (200, 60), (100, 30)])
    func everyPageFitsExactly(width: Int, height: Int) throws {
        let lessons = Fixtures.shipped()
        #expect(lessons.count == 14)
        for (l, lesson) in lessons.enumerated() {
            for p in lesson.pages.indices {
                var state = NotebookState()
                state.lesson = l
                state.page = p
                for look in [Look.ascii, Look.unicode] {
                    let nb = Notebook(lessons: lessons, state: state, look: look)
                    nb.train(steps: 2)
                    let grid = nb.frame(width: width, height: height)
                    #expect(grid.lines.count == height)
                    #expect(grid.lines.allSatisfy { DisplayWidth.of($0) == width }, "\(lesson.id) page \(p + 1)")
                    if !look.glyphs.isUnicode {
                        #expect(grid.description.unicodeScalars.allSatisfy { $0 == "\n" || (0x20...0x7E).contains($0.value) },
                                "\(lesson.id) page \(p + 1) is not pure ASCII")
                    }
                }
            }
        }
    }
}
