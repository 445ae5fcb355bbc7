import LearnLessons

/// A Chinese translation of ``Fixtures/kx``, dense with the punctuation that must not
/// start or end a line, and marking terms for the glossary.
extension Fixtures {
    static var kxZH: String {
        """
        ---
        learn: 1
        id: kx
        lang: zh
        source: \(Translation.stamp(of: Array(kx.utf8)))
        title: Y = kX（一个数）
        summary: 一个权重学会一条斜率。
        ---

        ## 规则

        k 走向 1。这里每一步都是一次**更新**（update）：先算「预测」，再算「误差」，
        然后按**学习率**（learning rate）调整 k。为什么？因为误差告诉我们方向；
        学习率告诉我们步子多大（太大会发散，太小会很慢）。看！它动了：一点，一点，又一点。
        「逗号，句号。」『引号』【括号】《书名》……都不能出现在行首；（和「也不能出现在行尾。

        ```model
        use: walk
        ```

        ```hint
        在 param 面板里看 k（它从 0 出发）。
        ```

        ## 太快了

        学习率太大时，**发散**（diverge）：损失变成无穷大，k 来回跳，越跳越远。

        ```model
        use: blow-up
        ```

        ## 自测

        ```quiz
        id: slope
        ask: 哪个 k 能拟合 (1,1)…(10,10)？
        choices:
          - 1
          - 10
        explain: Y = X，所以 k = 1。
        ```
        """
    }

    /// The kx lesson in Chinese, and the perceptron lesson left in English.
    static func chinese() throws -> [Lesson] {
        try load(["01-kx.md": kx, "02-perceptron.md": perceptron, "zh/01-kx.md": kxZH], language: "zh")
    }
}
