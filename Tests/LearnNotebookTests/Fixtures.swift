import Foundation
import LearnLessons
import LearnNotebook

/// Lessons written to a temporary folder and loaded the way `learn` loads them.
enum Fixtures {
    static let kx = """
        ---
        learn: 1
        id: kx
        title: Y = kX
        summary: One weight learns a slope.
        minutes: 2
        ---

        ## The rule

        k walks toward 1.

        ```model
        id: walk
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 0.001}
        steps: 30
        panels: [param, fit, loss]
        knobs: {lr: [0.0001, 0.1]}
        expect:
          - k > 0.5
        ```

        ```hint
        Watch k in the param panel.
        ```

        ## Too fast

        ```model
        id: blow-up
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 5}
        steps: 200
        panels: [loss]
        expect:
          - diverged == 1
        ```

        ## Check yourself

        ```quiz
        id: slope
        ask: Which k fits (1,1)…(10,10)?
        choices:
          - 1
          - 10
        answer: 1
        explain: Y = X, so k = 1.
        ```
        """

    static let perceptron = """
        ---
        learn: 1
        id: perceptron
        title: The perceptron
        summary: One line.
        minutes: 2
        ---

        ## AND

        ```model
        id: and-gate
        model: perceptron
        data: and
        optimizer: {name: sgd, lr: 0.5}
        steps: 100
        points: 40
        panels: [decision, loss, weights, network]
        expect:
          - accuracy >= 0.9
        ```
        """

    static func lessons() throws -> [Lesson] {
        try load(["01-kx.md": kx, "02-perceptron.md": perceptron])
    }

    /// Lesson files by name (`zh/01-kx.md` in a language folder), written to a temporary
    /// folder and loaded, in `language`; any error throws.
    static func load(_ files: [String: String], language: String? = nil) throws -> [Lesson] {
        let folder = NSTemporaryDirectory() + "learn-notebook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: (folder + "/" + name as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let result = LessonLoader.loadFolder(folder)
        let errors = (result.files + result.translations).flatMap(\.diagnostics).filter { $0.severity == .error }
        guard errors.isEmpty else { throw FixtureError(message: errors.map(DiagnosticFormatter.text).joined(separator: "\n")) }
        return result.lessons(language: language)
    }

    /// The repository's shipped lessons.
    static func shipped() -> [Lesson] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons").path
        return LessonLoader.loadFolder(folder).lessons
    }
}

struct FixtureError: Error { let message: String }
