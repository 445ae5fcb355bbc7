import LearnTensor
import Testing
@testable import LearnModels

/// `Objective.accuracy` counts a row right when its argmax, the first largest logit, is the
/// target: the branch-free count agrees with taking the argmax, ties included.
@Suite struct AccuracyTests {
    @Test func agreesWithTheArgmax() {
        var rng = RandomSource(seed: 4)
        for classes in [1, 2, 7, 13, 64] {
            let rows = 200
            // Few distinct values, so ties between the target and another class are common.
            let logits = (0..<(rows * classes)).map { _ in Float(Int(rng.uniform(0, 4))) }
            let targets = (0..<rows).map { _ in Int(rng.uniform(0, Float(classes))) % classes }
            let argmaxRight = targets.enumerated().filter { n, target in
                Objective.argmax(logits[(n * classes)..<((n + 1) * classes)]) == target
            }.count
            #expect(Objective.accuracy(logits, classes: classes, targets: targets) == Double(argmaxRight) / Double(rows),
                    "\(classes) classes")
        }
    }
}
