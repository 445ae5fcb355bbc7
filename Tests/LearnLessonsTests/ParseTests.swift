import Foundation
import LearnModels
import Testing
@testable import LearnLessons

@Suite struct ParseTests {
    @Test func perceptronLessonParsesToTypedValues() throws {
        let dir = try Fixtures.folder(["02-perceptron.md": Fixtures.perceptron, "01-neuron.md": Fixtures.neuron])
        let result = LessonLoader.load(file: dir + "/02-perceptron.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticFormatter.text))")
        let lesson = try #require(result.lesson)
        #expect(lesson.number == 2)
        #expect(lesson.id == "perceptron")
        #expect(lesson.title == "The perceptron")
        #expect(lesson.minutes == 10)
        #expect(lesson.requires == ["neuron"])
        #expect(lesson.pages.map(\.id) == ["a-line-that-learns", "xor"])
        #expect(lesson.pages[1].title == "Where one line is not enough")

        let cell = try #require(lesson.pages[0].modelCell)
        #expect(cell.id == "and-gate")
        #expect(cell.location == SourceLocation(path: dir + "/02-perceptron.md", line: 14, column: 4))
        var expected = RunConfig(model: .perceptron, data: .named(.and))
        expected.rule = .gradient
        expected.optimizer = OptimizerSettings(name: .sgd, lr: 0.5)
        expected.clip = 1.0
        expected.steps = 400
        expected.batch = 32
        expected.dataOptions.noise = 0.1
        #expect(cell.config == expected)
        #expect(cell.seeds == [0, 1, 2])
        #expect(cell.panels == [.decision, .loss, .weights])
        #expect(cell.knobs.map(\.name) == [.lr, .optimizer, .clip])
        #expect(cell.knobs[0].range == .numeric(0.01...5.0))
        #expect(cell.knobs[1].range == .choices(["sgd", "adam"]))
        #expect(cell.knobs[0].name.isLive && !KnobName.seed.isLive)
        #expect(cell.compare.count == 1)
        #expect(cell.compare[0].label == "adam")
        #expect(cell.compare[0].config.optimizer == OptimizerSettings(name: .adam, lr: 0.05))
        #expect(cell.compare[0].config.steps == 400)

        #expect(cell.expects.count == 4)
        #expect(cell.expects[0].metric == .metric(.loss) && cell.expects[0].op == .less && cell.expects[0].value == 0.1)
        #expect(cell.expects[1].text == "accuracy == 1")
        #expect(cell.expects[1].location.line == 31 && cell.expects[1].location.column == 5)
        #expect(cell.expects[2].variant == "adam")
        #expect(cell.expects[3].metric == .parameter("fc.bias"))

        let blocks = lesson.pages[1].blocks
        #expect(blocks.count == 3)
        #expect(blocks[0] == .prose("```python\nprint(\"shown, never run\")\n```"))
        guard case .quiz(let quiz) = blocks[1] else { Issue.record("expected a quiz"); return }
        #expect(quiz.id == "why-xor")
        #expect(quiz.choices.count == 2 && quiz.answer == 1)
        #expect(quiz.explain == "One neuron draws one line; XOR needs two.")
        #expect(blocks[2] == .hint("Loss stuck near 0.69 means the model is guessing."))
    }

    @Test func textDataIsReadFromTheLessonsFolder() throws {
        let dir = try Fixtures.folder(["09-rhymes.md": Fixtures.rhymes, "data/rhymes.txt": Fixtures.rhymesText])
        let result = LessonLoader.load(file: dir + "/09-rhymes.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticFormatter.text))")
        let cell = try #require(result.lesson?.modelCells.first)
        #expect(cell.config.data == .text(name: "data/rhymes.txt", contents: Fixtures.rhymesText))
        #expect(cell.config.hidden == 16)
        #expect(cell.panels == [.loss, .gates, .samples])
    }

    @Test func expectationsHold() {
        let loc = SourceLocation(path: "x", line: 1, column: 1)
        let lt = Expectation(metric: .metric(.loss), variant: nil, op: .less, value: 0.1, text: "loss < 0.1", location: loc)
        #expect(lt.holds(0.05) && !lt.holds(0.1) && !lt.holds(.nan))
        let eq = Expectation(metric: .metric(.accuracy), variant: nil, op: .equal, value: 1, text: "accuracy == 1", location: loc)
        #expect(eq.holds(1.0) && eq.holds(1.0 - 1e-12) && !eq.holds(0.99))
        let ge = Expectation(metric: .diverged, variant: nil, op: .greaterOrEqual, value: 1, text: "diverged >= 1", location: loc)
        #expect(ge.holds(1) && !ge.holds(0))
    }

    @Test func folderLoadsInNumberOrder() throws {
        let dir = try Fixtures.folder(["02-perceptron.md": Fixtures.perceptron, "01-neuron.md": Fixtures.neuron, "README.md": "# not a lesson"])
        let folder = LessonLoader.loadFolder(dir)
        #expect(folder.diagnostics.isEmpty, "\(folder.diagnostics.map(DiagnosticFormatter.text))")
        #expect(folder.lessons.map(\.id) == ["neuron", "perceptron"])
        #expect(folder.lessons.map(\.number) == [1, 2])
    }
}
