import ArgumentParser
import Foundation
import LearnLessons
import LearnNotebook

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

    @Option(name: .long, help: ArgumentHelp("Language of the course and the interface, e.g. zh or en (also LEARN_LANG, else the locale).",
                                            valueName: "code"))
    var lang: String?

    /// The language in use: nil is English.
    var language: String? {
        Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let lang, !(lang == "en" || LessonLoader.isLanguageCode(lang)) {
            throw ValidationError("--lang takes a language code such as zh or en, not '\(lang)'")
        }
    }

    /// The options every command takes, as written before a command's name (`learn --lang zh
    /// check`): moved after it, where the command reads them.
    static func movedAfterCommand(_ arguments: [String], commands: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        let valued = ["--lessons", "--seed", "--lang"], flags = ["--ascii", "--no-color"]
        while i < arguments.count {
            let a = arguments[i]
            if valued.contains(a), i + 1 < arguments.count {
                leading += [a, arguments[i + 1]]
                i += 2
            } else if flags.contains(a) || valued.contains(where: { a.hasPrefix($0 + "=") }) {
                leading.append(a)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count, commands.contains(arguments[i]) else { return arguments }
        return [arguments[i]] + leading + arguments[(i + 1)...]
    }
}
