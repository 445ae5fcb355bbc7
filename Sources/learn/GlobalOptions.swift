import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of lesson files (also LEARN_LESSONS).", valueName: "dir"))
    var lessons: String?

    @Option(name: .long, help: "Override every cell's random seed.")
    var seed: UInt64?

    @Flag(name: .long, help: "Draw with plain ASCII glyphs only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also NO_COLOR).")
    var noColor = false
}
