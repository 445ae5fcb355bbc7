import Foundation
import Testing

/// Runs the built `learn` binary and the terminal around it.
enum Binary {
    /// `learn`, built beside this test bundle (`swift test` builds it: the test target depends on it).
    static var path: String {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return directory.appendingPathComponent("learn").path
    }

    /// The repository's shipped lessons.
    static var lessons: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons").path
    }

    /// Runs `learn` with `arguments`, no terminal, stdin from `/dev/null`.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    stdout: Subprocess.Stream = .captured, stderr: Subprocess.Stream = .captured) throws -> Subprocess.Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        return try Subprocess.run(path, arguments, environment: env, stdout: stdout, stderr: stderr)
    }
}

/// A temporary folder of lesson files for one test.
struct LessonFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "learn-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A small lesson whose cells train in well under a second in a debug build.
    static func lesson(number: String = "01", id: String = "tiny", expect: String = "accuracy >= 0.9") -> String {
        """
        ---
        learn: 1
        id: \(id)
        title: A tiny lesson
        summary: One perceptron learns AND.
        minutes: 1
        ---

        ## The AND gate

        A perceptron learns **AND**.

        ```model
        id: and-gate
        model: perceptron
        data: and
        optimizer: {name: sgd, lr: 0.5}
        steps: 200
        points: 40
        panels: [decision, loss]
        expect:
          - \(expect)
        ```

        ## A question

        ```quiz
        id: lines
        ask: How many straight lines does one neuron draw?
        choices:
          - One
          - Two
        answer: 1
        explain: One neuron, one line.
        ```
        """
    }
}
