@testable import LearnLessons

/// A Chinese translation of ``Fixtures/perceptron``: the fixture every translation test
/// changes one thing in.
extension Fixtures {
    static var perceptronStamp: String { Translation.stamp(of: Array(perceptron.utf8)) }

    static var perceptronZH: String {
        """
        ---
        learn: 1
        id: perceptron
        lang: zh
        source: \(perceptronStamp)
        title: 感知机
        summary: 一个神经元画一条直线，并学会把它放在哪里。
        ---

        ## 会学习的直线

        **感知机**（perceptron）只有一个神经元。

        ```model
        use: and-gate
        ```

        ## 一条直线不够用 {#xor}

        ```quiz
        id: why-xor
        ask: 为什么一个神经元学不会异或？
        choices:
          - 一条直线分不开这两类
          - 学习率太小
        explain: 一个神经元只画一条线；异或需要两条。
        ```

        ```hint
        损失停在 0.69 附近，说明模型在瞎猜。
        ```

        """
    }

    /// A course folder: the neuron and perceptron lessons, and `zh/04-perceptron.md`.
    static func translatedCourse(_ translation: String = perceptronZH, original: String = perceptron) throws -> String {
        try folder(["01-neuron.md": neuron, "04-perceptron.md": original, "zh/04-perceptron.md": translation])
    }
}
