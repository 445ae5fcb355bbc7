import ArgumentParser

@main
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A step-through notebook in the terminal that teaches how neural networks work.",
        version: "0.1.0")
}
