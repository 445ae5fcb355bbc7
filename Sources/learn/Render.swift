import ArgumentParser
import LearnModels
import LearnNotebook
import LearnRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the notebook shows for a page after N training steps, as text.",
        discussion: "Exactly H lines, none wider than W columns; the same bytes every run.")

    @Argument(help: "The lesson: number (05), id (perceptron), file name (05-mlp), or a path to a lesson file.")
    var lesson: String

    @Option(help: "The page: its number counting from 1, or its id.")
    var page: String = "1"

    @Option(help: "Training steps before drawing (default: the cell's own step budget).")
    var steps: Int?

    @Option(help: ArgumentHelp("Terminal size as WIDTHxHEIGHT.", valueName: "WxH"))
    var size: Size = Size(width: 120, height: 40)

    @Option(help: "Colour: never, always or auto (always when stdout is a terminal).")
    var color: ColorChoice = .never

    @Flag(help: "Draw the page as Tab shows it: on a screen too small for text and panels together (80x24), the panels.")
    var panels = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let n = Int(page), n < 1 { throw ValidationError("--page counts from 1") }
        if let steps, !(0...Limits.steps.upperBound).contains(steps) {
            throw ValidationError("--steps must be from 0 to \(Limits.steps.upperBound), the most a lesson's cell may ask for")
        }
    }

    func run() throws {
        try reporting {
            let (lessons, found) = try LessonSource.course(global, lesson: lesson)
            guard let index = found else { throw Failure(code: 2, message: "\(lesson) is a folder; name a lesson in it") }
            let pages = lessons[index].pages
            let number = Int(page) ?? pages.firstIndex { $0.id == page }.map { $0 + 1 }
            guard let number, number <= pages.count else {
                throw Failure(code: 2, message: Int(page) != nil ? "\(lessons[index].title) has \(pages.count) pages; asked for page \(page)"
                              : "\(lessons[index].title) has no page '\(page)'; its pages are: \(pages.map(\.id).joined(separator: ", "))")
            }
            let tier = color.tier(noColor: global.noColor)
            let look = Look(glyphs: global.ascii ? .ascii : .unicode, tier: tier,
                            language: LessonSource.interfaceLanguage(global, course: lessons))
            var state = NotebookState()
            state.lesson = index
            state.page = number - 1
            state.focus = panels ? .panels : .text
            let notebook = Notebook(lessons: lessons, state: state, look: look, seed: global.seed)
            notebook.train(steps: steps ?? notebook.liveCell?.steps ?? 0)
            let grid = notebook.frame(width: size.width, height: size.height)
            let lines = tier == .none ? grid.lines : AnsiText.lines(grid, tier: tier)
            // Raw: the grid holds no control characters (text is cleaned as it is laid out),
            // and with colour its lines carry the SGR sequences on purpose.
            StandardStreams.out(lines.joined(separator: "\n") + "\n")
        }
    }
}

struct Size: ExpressibleByArgument {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        self.init(width: w, height: h)
    }

    var defaultValueDescription: String { "\(width)x\(height)" }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, always, auto

    func tier(noColor: Bool) -> ColorTier {
        let environmentSaysNo = ProcessEnvironment.noColor
        switch self {
        case .never: return .none
        case .always: return noColor ? .none : .indexed256
        case .auto: return noColor || environmentSaysNo || !ProcessEnvironment.stdoutIsTerminal ? .none : .indexed256
        }
    }
}
