import LearnTensor

/// The examples of one step.
enum Batch {
    case points(PointSet)
    /// `[B, T]` inputs and targets, row-major; `scored[b·T + t]` says where the loss counts.
    case tokens(inputs: [Int], targets: [Int], scored: [Bool], batch: Int, time: Int)

    static func tokens(_ set: TokenSet, _ indices: [Int]) -> Batch {
        .tokens(inputs: indices.flatMap { set.inputs[$0] }, targets: indices.flatMap { set.targets[$0] },
                scored: indices.flatMap { set.scored[$0] }, batch: indices.count, time: set.time)
    }

    var count: Int {
        switch self {
        case .points(let p): p.count
        case .tokens(_, _, _, let b, _): b
        }
    }
}

/// Draws training batches: shuffled epochs over a fixed set (a new permutation every
/// epoch), or random windows of a text. A value type, so the trace can draw "the next
/// batch" from a copy without moving the real sampler.
struct BatchSampler {
    var rng: RandomSource
    private var order: [Int] = []
    private var cursor = 0

    /// The training stream: batches, epoch order, sampling.
    static let stream: UInt64 = 0x7F4A_7C15_9E37_79B9

    init(seed: UInt64) {
        rng = RandomSource(seed: seed ^ Self.stream)
    }

    /// `size` indices out of `0..<count`, walking through shuffled epochs. When `size` covers
    /// the whole set, the set in its stored order (no randomness needed).
    mutating func indices(_ size: Int, of count: Int) -> [Int] {
        if size >= count { return Array(0..<count) }
        var out: [Int] = []
        out.reserveCapacity(size)
        while out.count < size {
            if cursor == order.count {
                order = Array(0..<count)
                rng.shuffle(&order)
                cursor = 0
            }
            out.append(order[cursor])
            cursor += 1
        }
        return out
    }

    /// A fresh shuffled order of all `count` examples (one epoch of a classic rule).
    mutating func epoch(_ count: Int) -> [Int] {
        var all = Array(0..<count)
        rng.shuffle(&all)
        return all
    }

    mutating func next(_ data: TrainingData, size: Int) -> Batch {
        switch data {
        case .points(let train, _):
            return .points(train.subset(indices(size, of: train.count)))
        case .tokens(let train, _, _):
            return Batch.tokens(train, indices(size, of: train.count))
        case .text(let corpus, let validation):
            let context = validation.time
            var set = TokenSet(time: context)
            let starts = corpus.train.count - context
            for _ in 0..<size {
                set.append(TextCorpus.window(corpus.train, start: rng.int(below: starts), context: context))
            }
            return Batch.tokens(set, Array(0..<size))
        }
    }
}
