import LearnTensor

/// The loss of a batch under the run's model, and the accuracy that goes with it.
///
/// - Regression (`line`, functions): `L = mean((ŷ − y)²)`.
/// - Perceptron: `L = BCEWithLogits(z, y)`; a point counts as right when `(z > 0) == y`.
/// - MLP classification: `L = CrossEntropy(logits, class)`; right when argmax = class.
/// - Tokens: cross-entropy over the scored positions only (the answer of a task, every
///   position of a text); right when the argmax token is the target.
struct Evaluation {
    let loss: Tensor
    let accuracy: Double?
    /// The sequence model's forward pass, kept for inspection (nil for point models).
    var forward: SequenceForward?
}

enum Objective {
    static func evaluate(_ network: Network, _ batch: Batch) -> Evaluation {
        switch batch {
        case .points(let set):
            guard let model = network.pointModel else { preconditionFailure("points given to a sequence model") }
            let x = Tensor(set.inputs, shape: [set.count, set.dimensions])
            return scored(model(x), set, network)                              // [N, K]
        case .tokens(let inputs, _, _, let b, let t):
            guard case .sequence(let model) = network else { preconditionFailure("tokens given to a point model") }
            return scored(model.forward(inputs, batch: b, time: t), batch)
        }
    }

    /// The loss and accuracy of a point model's output `y [N, K]` on `set`.
    static func scored(_ y: Tensor, _ set: PointSet, _ network: Network) -> Evaluation {
        if !set.isClassification {
            return Evaluation(loss: mse(y, Tensor(set.targets, shape: [set.count, 1])), accuracy: nil)
        }
        if case .perceptron = network {
            let targets = Tensor(set.labels.map(Float.init), shape: [set.count, 1])
            var right = 0
            for i in 0..<set.count where (y.data[i] > 0) == (set.labels[i] == 1) { right += 1 }
            return Evaluation(loss: bceWithLogits(y, targets), accuracy: Double(right) / Double(set.count))
        }
        return Evaluation(loss: crossEntropy(logits: y, targets: set.labels),
                          accuracy: accuracy(y.data, classes: set.classes, targets: set.labels))
    }

    /// The loss of a sequence model's forward pass on `batch`.
    static func lossOf(_ forward: SequenceForward, _ batch: Batch) -> Tensor { scored(forward, batch).loss }

    /// Cross-entropy and accuracy over the scored positions of a token batch.
    private static func scored(_ forward: SequenceForward, _ batch: Batch) -> Evaluation {
        guard case .tokens(_, let targets, let scored, let b, let t) = batch else { preconditionFailure("not a token batch") }
        let v = forward.logits.shape[2]
        var logits = forward.logits.reshaped([b * t, v])                      // [B·T, V]
        var rows = Array(0..<(b * t))
        if scored.contains(false) {
            rows = rows.filter { scored[$0] }
            logits = embedding(logits, rows, shape: [rows.count])             // [n, V]: the scored rows
        }
        let wanted = rows.map { targets[$0] }
        return Evaluation(loss: crossEntropy(logits: logits, targets: wanted),
                          accuracy: accuracy(logits.data, classes: v, targets: wanted), forward: forward)
    }

    /// Fraction of rows of `logits [N, C]` whose argmax (the first largest) is the target:
    /// no class before it scores as high, none after it higher. Counted without branches,
    /// so the compiler runs it eight lanes at a time (every step of every sequence model).
    static func accuracy(_ logits: [Float], classes: Int, targets: [Int]) -> Double {
        guard !targets.isEmpty else { return 0 }
        var right = 0
        logits.withUnsafeBufferPointer { p in
            for (n, target) in targets.enumerated() {
                let row = p.baseAddress! + n * classes, score = row[target]
                var beaten = 0
                for j in 0..<target { beaten &+= row[j] >= score ? 1 : 0 }
                for j in (target + 1)..<classes { beaten &+= row[j] > score ? 1 : 0 }
                if beaten == 0 { right += 1 }
            }
        }
        return Double(right) / Double(targets.count)
    }

    static func argmax(_ row: ArraySlice<Float>) -> Int {
        var best = row.startIndex
        for i in row.indices where row[i] > row[best] { best = i }
        return best - row.startIndex
    }
}
