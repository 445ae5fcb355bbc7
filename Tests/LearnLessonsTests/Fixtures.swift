import Foundation
@testable import LearnLessons

/// Lesson texts and a temporary lessons folder for the tests.
enum Fixtures {
    static let perceptron = """
    ---
    learn: 1
    id: perceptron
    title: The perceptron
    summary: One neuron draws one straight line — and learns where to put it.
    minutes: 10
    requires: [neuron]
    ---

    ## A line that learns

    Prose with **bold** and `code`.

    ```model
    id: and-gate
    model: perceptron
    data: and
    rule: gradient
    optimizer: {name: sgd, lr: 0.5, momentum: 0, weight_decay: 0}
    clip: 1.0
    steps: 400
    batch: 32
    seeds: [0, 1, 2]
    noise: 0.1
    panels: [decision, loss, weights]
    knobs: {lr: [0.01, 5.0], optimizer: [sgd, adam], clip: [0.1, 10]}
    compare:
      - {label: adam, optimizer: {name: adam, lr: 0.05}}
    expect:
      - loss < 0.1
      - accuracy == 1       # all four right
      - loss[adam] < 0.05
      - fc.bias > -10
    ```

    ## Where one line is not enough {#xor}

    ```python
    print("shown, never run")
    ```

    ```quiz
    id: why-xor
    ask: Why can't one neuron learn XOR?
    choices:
      - The classes can't be split by one straight line
      - The learning rate is too small
    answer: 1
    explain: One neuron draws one line; XOR needs two.
    ```

    ```hint
    Loss stuck near 0.69 means the model is guessing.
    ```

    """

    static let neuron = """
    ---
    learn: 1
    id: neuron
    title: Y = kX
    summary: The smallest learner.
    minutes: 5
    ---

    ## k walks

    ```model
    id: walk
    model: kx
    data: line
    target: 2
    steps: 100
    panels: [param, fit, loss]
    expect:
      - k > 1.9
    ```

    """

    static let rhymes = """
    ---
    learn: 1
    id: rhymes
    title: Rhymes
    summary: A recurrent net reads a small text.
    minutes: 15
    ---

    ## Reading

    ```model
    id: reader
    model: lstm
    data: data/rhymes.txt
    steps: 200
    hidden: 16
    panels: [loss, gates, samples]
    knobs: {temperature: [0.1, 2]}
    ```

    """

    /// A corpus long enough for `rhymes`' default context (16) and validation (0.2).
    static let rhymesText = String(repeating: "twinkle twinkle little star\n", count: 4)

    /// A fresh folder holding the given files (name → text).
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("learn-lessons-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = (dir as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return dir
    }
}
