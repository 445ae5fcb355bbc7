import LearnLessons
import LearnModels

/// A live cell's past, enough to show any step it has trained again, exactly: every
/// step's metrics (each trainer keeps its own), every run's whole training state every
/// `interval` steps (`Trainer.Checkpoint`), and the knob changes made along the way.
/// Step `t` is shown by putting the runs back to the last checkpoint before it and
/// training the few steps in between again, applying the same changes at the same steps:
/// training is deterministic, so those steps are the ones the student saw.
///
/// Memory is bounded: the checkpoints take at most `budget` bytes (``budget`` in the
/// notebook) and number at most
/// `maxCount`; when they are full, every other one is dropped and the interval doubles,
/// so they stay spread over the whole run and a replay is never longer than `interval`
/// steps. A cell whose state is so large that two would not fit keeps two anyway (its
/// start and one more): the model itself then dwarfs them.
struct Timeline {
    static let budget = 32 << 20
    static let maxCount = 64

    /// Checkpoints of every run (in run order) at the same step, oldest first; the first
    /// is always step 0.
    private(set) var checkpoints: [[Trainer.Checkpoint]]
    /// Checkpoints are taken at multiples of this.
    private(set) var interval = 1
    let capacity: Int
    /// Knob values when the run started, and each live knob turned since, after `step` steps.
    let startKnobs: [KnobName: KnobValue]
    private(set) var changes: [(step: Int, knob: KnobName, value: KnobValue)] = []
    /// The furthest step the cell's own run has reached.
    private(set) var furthest = 0
    /// Every run's metrics up to `furthest`, kept while an earlier step is shown (the
    /// trainers then hold only the steps up to it).
    var records: [Trainer.Record]?
    /// The cell's own fit curve at `furthest`, kept with `records` (for a ghost).
    var furthestCurve: [(x: Double, y: Double)] = []

    init(start: [Trainer.Checkpoint], knobs: [KnobName: KnobValue], budget: Int = Self.budget) {
        checkpoints = [start]
        startKnobs = knobs
        let bytes = max(1, start.reduce(0) { $0 + $1.bytes })
        capacity = min(max(budget / bytes, 2), Self.maxCount)
    }

    /// Bytes the checkpoints hold now.
    var bytes: Int { checkpoints.joined().reduce(0) { $0 + $1.bytes } }

    /// After a step to `step` (the cell's own run): keeps a checkpoint when one is due.
    mutating func stepped(to step: Int, runs: [Trainer]) {
        if step >= furthest {
            furthest = step
            records = nil
        }
        guard step % interval == 0, step > (checkpoints.last?.first?.step ?? 0) else { return }
        if checkpoints.count >= capacity {
            interval *= 2
            checkpoints = checkpoints.filter { ($0.first?.step ?? 0) % interval == 0 }
            guard step % interval == 0 else { return }
        }
        checkpoints.append(runs.map { $0.checkpoint() })
    }

    /// The changes to make on arriving at `step` (replaying the run).
    func changes(at step: Int) -> [(knob: KnobName, value: KnobValue)] {
        changes.filter { $0.step == step }.map { ($0.knob, $0.value) }
    }

    /// The knob values after `step` steps.
    func knobs(at step: Int) -> [KnobName: KnobValue] {
        var knobs = startKnobs
        for change in changes where change.step <= step { knobs[change.knob] = change.value }
        return knobs
    }

    /// The last checkpoint at or before `step`.
    func checkpoint(atOrBefore step: Int) -> [Trainer.Checkpoint] {
        checkpoints.last { ($0.first?.step ?? 0) <= step } ?? checkpoints[0]
    }

    /// A live knob turned after `step` steps, with the runs as they are after it. From an
    /// earlier step than the furthest, the run branches: what came after is forgotten.
    mutating func turned(_ knob: KnobName, to value: KnobValue, at step: Int, runs: [Trainer]) {
        if step < furthest {
            checkpoints.removeAll { ($0.first?.step ?? 0) > step }
            changes.removeAll { $0.step > step }
            furthest = step
            records = nil
        }
        changes.append((step, knob, value))
        // A checkpoint at this very step was taken before the change; a replay from it
        // would miss the change.
        if let last = checkpoints.indices.last, checkpoints[last].first?.step == step {
            checkpoints[last] = runs.map { $0.checkpoint() }
        }
    }
}
