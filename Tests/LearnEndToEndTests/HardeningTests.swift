import Foundation
import Testing

/// Issue 20: the built binary against hostile lessons, arguments and streams.
@Suite struct HardeningTests {
    static let top = "18446744073709551615"

    /// #6: a seed near 2⁶⁴ went through `Double` and trapped (exit 132).
    @Test func seedsNearTwoToTheSixtyFourStayWhole() throws {
        let lesson = LessonFolder.lesson().replacingOccurrences(of: "steps: 200\n", with: "steps: 20\nseeds: [\(Self.top), 9007199254740993]\n")
        let folder = try LessonFolder(["01-tiny.md": lesson])
        defer { folder.remove() }
        let check = try Binary.run(["check", folder.path])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("[seed \(Self.top)]") && check.stdout.contains("[seed 9007199254740993]"), "\(check.stdout)")
        for arguments in [["check", folder.path], ["render", "tiny", "--steps", "5"], ["trace", "tiny"]] {
            let result = try Binary.run(arguments + ["--lessons", folder.path, "--seed", Self.top])
            #expect(result.status == 0 || (arguments[0] == "check" && result.status == 1), "\(arguments): \(result.status) \(result.stderr)")
        }
        let trace = try Binary.run(["trace", "tiny", "--lessons", folder.path, "--seed", Self.top])
        #expect(trace.stdout.contains("\"seed\":\(Self.top)") || trace.stdout.contains("\"seed\": \(Self.top)"), "\(trace.stdout.prefix(300))")
    }

    /// #7: a closed or full stdout/stderr trapped with a backtrace in `FileHandle.write`.
    @Test func closedOrFullStreamsEndWithTheIOErrorCode() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let state = ["XDG_STATE_HOME": folder.path + "/state"]
        for stdout in [Subprocess.Stream.path("/dev/full"), .closed] {
            for arguments in [["list", "--lessons", folder.path], ["lint", folder.path], ["--help"], ["render", "tiny", "--lessons", folder.path]] {
                let result = try Binary.run(arguments, environment: state, stdout: stdout)
                #expect(result.status == 74, "\(arguments) \(stdout): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix("learn: cannot write to standard output: "), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            }
        }
        let check = try Binary.run(["check", folder.path], stderr: .closed)
        #expect(check.status == 74, "\(check.status)")
        let full = try Binary.run(["check", folder.path], stderr: .path("/dev/full"))
        #expect(full.status == 74, "\(full.status)")
    }

    /// #9: lesson text reached the terminal raw (OSC 52 set the clipboard from a title).
    @Test func lessonTextCannotDriveTheTerminal() throws {
        let title = #"title: "Evil \e]52;c;aGk=\a and \x9B31m""#
        let lesson = LessonFolder.lesson().replacingOccurrences(of: "title: A tiny lesson", with: title)
        let folder = try LessonFolder(["01-tiny.md": lesson])
        defer { folder.remove() }
        let raw = { (text: String) in text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B } }
        let list = try Binary.run(["list", "--lessons", folder.path], environment: ["XDG_STATE_HOME": folder.path + "/state"])
        #expect(list.status == 0)
        #expect(!raw(list.stdout) && list.stdout.contains(#"Evil \x1B]52;c;aGk=\x07 and \x9B31m"#), "\(list.stdout)")

        let bad = LessonFolder.lesson().replacingOccurrences(of: "model: perceptron", with: #"model: "\e]2;pwned\a""#)
        let broken = try LessonFolder(["01-tiny.md": bad])
        defer { broken.remove() }
        for arguments in [["lint", broken.path], ["check", broken.path]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 2)
            #expect(!raw(result.stdout + result.stderr) && (result.stdout + result.stderr).contains(#"\x1B]2;pwned"#),
                    "\(arguments): \(result.stdout)\(result.stderr)")
        }
        for command in ["lint", "check"] {
            let json = try Binary.run([command, broken.path, "--format", "json"])
            #expect(!raw(json.stdout), "\(command)")
            let rows = try json.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(rows.contains { ($0?["message"] as? String)?.contains("\u{1B}]2;pwned") == true }, "\(command): \(json.stdout)")
        }

        let argument = try Binary.run(["render", "\u{1B}]0;x\u{07}", "--lessons", folder.path])
        #expect(argument.status == 2 && !raw(argument.stderr) && argument.stderr.contains(#"\x1B]0;x\x07"#), "\(argument.stderr)")
        let option = try Binary.run(["render", "tiny", "--size", "\u{1B}[31m"])
        #expect(option.status == 64 && !raw(option.stderr), "\(option.stderr)")
    }

    /// #10: `--junit FILE` renamed a temporary file over a symlink (or, as root, a device).
    @Test func junitIsWrittenThroughSymlinks() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let target = folder.path + "/reports/target.xml"
        try FileManager.default.createDirectory(atPath: folder.path + "/reports", withIntermediateDirectories: true)
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder.path + "/report.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let toNull = folder.path + "/null.xml"
        try FileManager.default.createSymbolicLink(atPath: toNull, withDestinationPath: "/dev/null")
        for path in [link, toNull] {
            let result = try Binary.run(["check", folder.path + "/01-tiny.md", "--junit", path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: toNull) == "/dev/null")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<?xml"))
        // /dev/stdout when stdout is a file: the report follows the text, it does not overwrite it.
        let stdout = try Binary.run(["check", folder.path + "/01-tiny.md", "--junit", "/dev/stdout"])
        #expect(stdout.stdout.hasPrefix("ok   01-tiny/and-gate") && stdout.stdout.contains("<testsuites"), "\(stdout.stdout)")
    }

    /// #15: `trace` failed on a valid but large `k0`/`target` (JSONEncoder refuses inf).
    @Test func traceWritesNumbersTooLargeForFloatAsNull() throws {
        let lesson = """
            ---
            learn: 1
            id: kx
            title: Y = kX
            summary: One weight.
            minutes: 1
            ---

            ## The rule

            k walks.

            ```model
            id: walk
            model: kx
            data: line
            rule: gradient
            k0: 1e300
            target: -1e300
            optimizer: {name: sgd, lr: 0.001}
            steps: 30
            panels: [loss]
            ```
            """
        let folder = try LessonFolder(["01-kx.md": lesson])
        defer { folder.remove() }
        let result = try Binary.run(["trace", "kx", "--lessons", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let trace = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(trace["loss"] is NSNull)
        #expect(result.stdout.hasPrefix("{\"schema\":\"learn.trace/1\",\"model\":\"kx\""), "schema order")
    }

    /// #5: `render --steps` had no upper bound.
    @Test func renderStepsIsBounded() throws {
        let result = try Binary.run(["render", "01", "--steps", "100000000000"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--steps must be from 0 to 200000"), "\(result.stderr)")
    }

    /// #15: `lint` on a missing path said "0 errors", and `--format json` printed `[]`.
    @Test func lintOfAMissingPathIsAnError() throws {
        let missing = NSTemporaryDirectory() + "learn-missing-" + UUID().uuidString
        let text = try Binary.run(["lint", missing])
        #expect(text.status == 2)
        #expect(text.stdout.contains("\(missing):1:1: error[missing-file]: no such file or folder"), "\(text.stdout)")
        #expect(text.stdout.contains("1 error"), "\(text.stdout)")
        let json = try Binary.run(["lint", missing, "--format", "json"])
        #expect(json.status == 2)
        let rows = try json.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.first??["path"] as? String == missing, "\(json.stdout)")
        #expect(rows.last??["errors"] as? Int == 1, "\(json.stdout)")
    }
}
