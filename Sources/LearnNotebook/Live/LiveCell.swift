import Dispatch
import LearnLessons
import LearnModels

/// A lesson's `model` cell brought to life: its own run plus one per `compare:` variant,
/// trained in lockstep so the panels can draw them side by side.
public final class LiveCell {
    public struct Run {
        /// `nil` for the cell's own run, the variant's label otherwise.
        public let label: String?
        public let trainer: Trainer
    }

    public let cell: ModelCell
    public private(set) var runs: [Run]
    /// The knob values the student has set, applied on every reset.
    public private(set) var knobValues: [KnobName: KnobValue] = [:]
    /// Inspections by run, with the step and build they were taken at: a frame that
    /// follows no training step reuses them.
    private var inspections: [Int: (step: Int, build: Int, time: UInt64, value: Inspection)] = [:]
    /// When each run's text sample was last written, while training live.
    private var sampledAt: [Int: UInt64] = [:]
    /// A sample takes one forward pass per character, so while training live it is
    /// rewritten at most this often (nanoseconds) — other panels keep `refreshInterval`.
    static let sampleInterval: UInt64 = 1_000_000_000
    private var build = 0
    /// A run is inspected at most this often (nanoseconds) — set while training live, so
    /// a slow model's panels do not eat the frame; nil inspects at every new step.
    public var refreshInterval: UInt64?
    /// Only what the cell's panels draw is computed.
    private var options: InspectionOptions {
        var o = InspectionOptions()
        o.gradientFlow = cell.panels.contains(.gradflow)
        o.sample = cell.panels.contains(.samples)
        return o
    }

    /// `rewindable: false` (headless runs, which never show an earlier step) keeps the
    /// timeline to its smallest, two checkpoints, instead of up to ``Timeline/budget``.
    public init(_ cell: ModelCell, seed: UInt64? = nil, rewindable: Bool = true) throws(ConfigError) {
        self.cell = cell
        self.timelineBudget = rewindable ? Timeline.budget : 0
        runs = []
        steps = cell.config.steps
        if let seed { knobValues[.seed] = .whole(seed) }
        try rebuild()
    }

    public var main: Trainer { runs[0].trainer }
    public var step: Int { main.step }
    /// The steps this run trains to: the lesson's budget, raised when the student goes on
    /// past it (`s`, or `space` on a finished run).
    public private(set) var steps: Int
    public var isDone: Bool { step >= steps }
    public var divergence: Divergence? { runs.lazy.compactMap(\.trainer.divergence).first }

    /// Trains every run by up to `n` steps; a run that diverged stays where it stopped.
    /// Steps past the budget raise it. Below the furthest step trained, this replays the
    /// run: the knob changes made there are made again at the same steps.
    public func train(steps n: Int) {
        for _ in 0..<n {
            guard runs.contains(where: { $0.trainer.divergence == nil }) else { break }
            for run in runs where run.trainer.divergence == nil { run.trainer.train(steps: 1) }
            stepped()
        }
        steps = max(steps, step)
    }

    /// Takes one step of every run, recording the cell's own (the step-through view); nil
    /// once it has diverged.
    public func tracedStep() -> StepTrace? {
        guard main.divergence == nil else { return nil }
        let record = main.tracedStep()
        for run in runs.dropFirst() where run.trainer.divergence == nil { run.trainer.train(steps: 1) }
        stepped()
        steps = max(steps, step)
        return record
    }

    /// After a step: the timeline keeps what it needs, and a replay makes the changes the
    /// student made at this step before.
    private func stepped() {
        for (knob, value) in timeline.changes(at: step) {
            knobValues[knob] = value
            for run in runs { apply(knob, value, to: run.trainer) }
        }
        timeline.stepped(to: step, runs: runs.map(\.trainer))
    }

    /// A finished run goes on for another budget of the lesson's steps.
    public func extendBudget() {
        steps = step + cell.config.steps
    }

    /// What the status line shows, read in one go (the training thread publishes it).
    public struct Summary: Equatable, Sendable {
        public var step: Int
        public var steps: Int
        public var divergence: Divergence?
        public var loss: Double?
        public var lr: Double
        public var seed: UInt64
        public var knobs: [KnobName: KnobValue]
        /// The exercise's goal lines measured now, in order (empty without an exercise).
        public var goal: [Double?]
        /// The furthest step trained (above `step` when an earlier step is shown).
        public var furthest: Int
        public var isDone: Bool { step >= steps }
        public var isRewound: Bool { step < furthest }
        /// Whether the run has nothing more to show: its budget trained, or diverged.
        public var hasEnded: Bool { (isDone || divergence != nil) && !isRewound }
        /// Whether the run has reached its end at some time, also while an earlier step is
        /// shown: what was revealed there (a prediction's verdict) stays revealed.
        public var hasReachedItsEnd: Bool { hasEnded || furthest >= steps }
    }

    public var summary: Summary {
        Summary(step: step, steps: steps, divergence: divergence, loss: main.metric("loss"),
                lr: main.config.optimizer.lr, seed: main.config.seed,
                knobs: Dictionary(uniqueKeysWithValues: cell.knobs.map { ($0.name, value(of: $0.name)) }),
                goal: cell.exercise?.goal.map { measure($0.metric, variant: $0.variant) } ?? [], furthest: furthest)
    }

    /// What an expect line's metric measures on a run of this cell now; nil when the run
    /// has no such metric.
    public func measure(_ metric: ExpectMetric, variant: String?) -> Double? {
        guard let trainer = runs.first(where: { $0.label == variant })?.trainer else { return nil }
        switch metric {
        case .diverged: return trainer.divergence == nil ? 0 : 1
        case .metric(let m): return trainer.metric(m.rawValue)
        case .parameter(let name): return trainer.metric(name)
        }
    }

    /// Run `i`'s insides now; recomputed only after it trained or was rebuilt.
    public func inspection(run i: Int) -> Inspection {
        let trainer = runs[i].trainer
        let now = refreshInterval == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        if let cached = inspections[i], cached.build == build {
            if cached.step == trainer.step { return cached.value }
            if let interval = refreshInterval, now - cached.time < interval { return cached.value }
        }
        var options = options
        let previous = inspections[i].flatMap { $0.build == build ? $0.value : nil }
        let keepSample = refreshInterval != nil && previous != nil && now - (sampledAt[i] ?? 0) < Self.sampleInterval
        if keepSample { options.sample = false } else { sampledAt[i] = now }
        var value = trainer.inspect(options)
        if keepSample, let previous {
            value.sample = previous.sample
            value.sampleTarget = previous.sampleTarget
            value.answers = previous.answers
        }
        inspections[i] = (trainer.step, build, now, value)
        return value
    }

    /// Back to the seed's starting point, keeping the knob values.
    public func reset() {
        try? rebuild()
    }

    /// Sets a knob: live knobs change the running training, the others restart it.
    /// Turned at an earlier step than the furthest, a live knob branches a new run from
    /// there; the run it leaves stays as the ghost.
    public func set(_ knob: KnobName, to value: KnobValue) throws(ConfigError) {
        knobValues[knob] = value
        if knob.isLive {
            if isRewound { keepGhost() }
            for run in runs { apply(knob, value, to: run.trainer) }
            timeline.turned(knob, to: value, at: step, runs: runs.map(\.trainer))
            build += 1
        } else {
            try rebuild()
        }
    }

    /// Sets several knobs at once (an exercise's solution), restarting the run once.
    public func set(_ settings: [KnobSetting]) throws(ConfigError) {
        for s in settings { knobValues[s.knob] = s.value }
        try rebuild()
    }

    /// The value a knob has now (the student's, or the cell's own).
    public func value(of knob: KnobName) -> KnobValue {
        if let v = knobValues[knob] { return v }
        let c = main.config
        switch knob {
        case .lr: return .number(c.optimizer.lr)
        case .momentum: return .number(c.optimizer.momentum)
        case .clip: return .number(c.clip ?? 0)
        case .temperature: return .number(c.temperature)
        case .optimizer: return .choice(c.optimizer.name.rawValue)
        case .activation: return .choice(c.activation.rawValue)
        case .seed: return .whole(c.seed)
        case .hidden: return .number(Double(c.model == .mlp ? (c.layers.first ?? 0) : c.hidden))
        case .noise: return .number(c.dataOptions.noise)
        }
    }

    /// The config of a run: the cell's (or variant's), with the student's knob values.
    func configured(_ base: RunConfig) -> RunConfig {
        var c = base
        for (knob, value) in knobValues {
            switch (knob, value) {
            case (.lr, .number(let v)): c.optimizer.lr = v
            case (.momentum, .number(let v)): c.optimizer.momentum = v
            case (.clip, .number(let v)): c.clip = v > 0 ? v : nil
            case (.temperature, .number(let v)): c.temperature = v
            case (.optimizer, .choice(let v)): c.optimizer.name = OptimizerName(rawValue: v) ?? c.optimizer.name
            case (.activation, .choice(let v)): c.activation = Activation(rawValue: v) ?? c.activation
            // A variant that chose its own seed (`compare: [{seed: 3}]`) keeps it.
            case (.seed, .whole(let v)) where base.seed == cell.config.seed: c.seed = v
            case (.hidden, .number(let v)):
                if c.model == .mlp { c.layers = c.layers.map { _ in Int(v) } } else { c.hidden = Int(v) }
            case (.noise, .number(let v)): c.dataOptions.noise = v
            default: break
            }
        }
        return c
    }

    /// The cell's own run before the last restart (`r`, a knob that restarts) or branch
    /// (a knob turned at an earlier step), drawn faintly under the new one so the student
    /// sees what the change did.
    public struct Ghost {
        public var steps: [Double]
        public var losses: [Double]
        /// The fit panel's curve where that run ended (empty without a fit panel).
        public var curve: [(x: Double, y: Double)]
    }

    public private(set) var ghost: Ghost?

    /// What the run has trained so far, as one ghost.
    private func keepGhost() {
        let history = timeline.records?.first?.history ?? main.history
        guard !history.isEmpty else { return }
        let curve = timeline.records != nil ? timeline.furthestCurve : cell.panels.contains(.fit) ? inspection(run: 0).curve : []
        ghost = Ghost(steps: history.map { Double($0.step) }, losses: history.map(\.loss), curve: curve)
    }

    private func rebuild() throws(ConfigError) {
        if !runs.isEmpty { keepGhost() }
        var built = [Run(label: nil, trainer: try Trainer(configured(cell.config)))]
        for variant in cell.compare {
            built.append(Run(label: variant.label, trainer: try Trainer(configured(variant.config))))
        }
        runs = built
        timeline = Timeline(start: built.map { $0.trainer.checkpoint() }, knobs: knobValues, budget: timelineBudget)
        steps = cell.config.steps
        build += 1
    }

    // MARK: The timeline

    /// Set by every rebuild; empty until the first.
    private var timeline = Timeline(start: [], knobs: [:])
    private let timelineBudget: Int

    /// The furthest step the cell's own run has trained to (above `step` when an earlier
    /// step is shown).
    public var furthest: Int { timeline.furthest }
    public var isRewound: Bool { step < furthest }
    /// Bytes the timeline's checkpoints hold now, and the most they may.
    public var timelineBytes: Int { timeline.bytes }

    /// The cell's own run after the step shown, while an earlier one is shown.
    public var ahead: [StepMetrics] {
        timeline.records?.first?.history.filter { $0.step > step } ?? []
    }

    /// Shows step `target` (within 0…furthest) of the runs, exactly as trained: put back
    /// to the last checkpoint before it, then trained again to it (so the gradients are
    /// that step's). Nothing is lost: every step up to the furthest can be shown again.
    public func seek(to target: Int) {
        let t = min(max(target, 0), furthest)
        guard t != step else { return }
        if timeline.records == nil {
            timeline.furthestCurve = cell.panels.contains(.fit) ? inspection(run: 0).curve : []
            timeline.records = runs.map(\.trainer.record)
        }
        let from = timeline.checkpoint(atOrBefore: max(t - 1, 0))
        let onTheWay = step < t && step >= (from.first?.step ?? 0)
        if !onTheWay, let records = timeline.records {
            for (run, (checkpoint, record)) in zip(runs, zip(from, records)) { run.trainer.restore(checkpoint, record: record) }
            knobValues = timeline.knobs(at: step)
        }
        while step < t, main.divergence == nil { train(steps: 1) }
        build += 1
    }

    private func apply(_ knob: KnobName, _ value: KnobValue, to trainer: Trainer) {
        switch (knob, value) {
        case (.lr, .number(let v)): trainer.setLearningRate(v)
        case (.momentum, .number(let v)): trainer.setMomentum(v)
        case (.clip, .number(let v)): trainer.setClip(v > 0 ? v : nil)
        case (.temperature, .number(let v)): trainer.setTemperature(v)
        case (.optimizer, .choice(let v)): if let name = OptimizerName(rawValue: v) { trainer.setOptimizer(name) }
        default: break
        }
    }
}

extension KnobValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let v): Format.number(v)
        case .whole(let v): String(v)
        case .choice(let s): s
        }
    }
}
