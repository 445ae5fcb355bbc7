import Dispatch
import Foundation
import LearnLessons
import LearnModels

/// `learn check`: runs every `model` cell headless for its steps (once per listed seed) and
/// tests each `expect` line. Cells run in parallel; results come back in lesson order.
public enum Check {
    /// One cell run for one seed.
    struct Job: Sendable {
        let lessonName: String
        let cell: ModelCell
        let seed: UInt64
        let showSeed: Bool
    }

    public struct Outcome: Sendable, Equatable {
        public let lessonName: String
        public let cellId: String
        public let seed: UInt64
        public let expectation: String
        /// `nil` when the expectation could not be measured (it names no metric of this model).
        public let measured: Double?
        public let passed: Bool
        public let message: String
        public let seconds: Double
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome]
        public var skipped: Int
        public var passed: Int { outcomes.filter(\.passed).count }
        public var failed: Int { outcomes.count - passed }
        public var summary: String {
            "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
        }
    }

    /// Runs the checks. `seed` overrides every cell's seeds; `failFast` stops scheduling
    /// new cells after the first failure (the rest count as skipped); `progress` is called
    /// from worker threads with (done, total).
    public static func run(_ lessons: [Lesson], seed: UInt64? = nil, failFast: Bool = false,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> Report {
        let jobs = makeJobs(lessons, seed: seed)
        let box = ResultBox(count: jobs.count)
        // The costliest cells start first, so no long cell is left running alone at the end.
        let order = jobs.indices.sorted { cost(jobs[$0]) > cost(jobs[$1]) }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { n in
            let i = order[n]
            if failFast && box.sawFailure { return }
            let outcomes = run(jobs[i])
            box.store(outcomes, at: i)
            progress?(box.done, jobs.count)
        }
        let skipped = box.results.enumerated().filter { $0.element == nil }
            .reduce(0) { $0 + checkCount(jobs[$1.offset].cell) }
        return Report(outcomes: box.results.compactMap { $0 }.flatMap { $0 }, skipped: skipped)
    }

    static func makeJobs(_ lessons: [Lesson], seed: UInt64?) -> [Job] {
        lessons.flatMap { lesson in
            let name = lessonName(lesson)
            return lesson.modelCells.flatMap { cell -> [Job] in
                let seeds = seed.map { [$0] } ?? (cell.seeds.isEmpty ? [cell.config.seed] : cell.seeds)
                return seeds.map { Job(lessonName: name, cell: cell, seed: $0, showSeed: seeds.count > 1) }
            }
        }
    }

    /// A rough cost of a job: steps × multiply-adds of one step, over all its runs.
    static func cost(_ job: Job) -> Double {
        ([job.cell.config] + job.cell.compare.map(\.config)).reduce(0) { total, c in
            var time = Double(c.dataOptions.length + 2)
            if c.model == .transformer { time = Double(c.context) }
            if case .text = c.data { time = Double(c.context) }
            let width: Double = switch c.model {
            case .transformer: Double(12 * c.embed * c.embed * c.blocks)
            case .lstm: Double(8 * c.hidden * (c.hidden + c.embed))
            case .gru: Double(6 * c.hidden * (c.hidden + c.embed))
            case .rnn: Double(2 * c.hidden * (c.hidden + c.embed))
            case .kx, .perceptron, .mlp: 1
            }
            return total + Double(c.steps) * Double(c.batch) * (c.model.isSequence ? time * width : width)
        }
    }

    /// `04-perceptron` for `Lessons/04-perceptron.md`.
    public static func lessonName(_ lesson: Lesson) -> String {
        URL(fileURLWithPath: lesson.path).deletingPathExtension().lastPathComponent
    }

    static func run(_ job: Job) -> [Outcome] {
        let start = DispatchTime.now().uptimeNanoseconds
        let live: LiveCell
        do {
            live = try LiveCell(job.cell, seed: job.seed)
        } catch {
            return job.cell.expects.map {
                outcome(job, $0.text, measured: nil, passed: false, message: "cannot build the model: \(error.message)", start: start)
            }
        }
        live.train(steps: job.cell.config.steps)
        return job.cell.expects.map { expectation in
            evaluate(expectation, in: live, job: job, start: start)
        } + exerciseOutcomes(job, asWritten: live, start: start)
    }

    /// The checks a cell's run makes: its expect lines, and two for an exercise.
    static func checkCount(_ cell: ModelCell) -> Int {
        cell.expects.count + (cell.exercise == nil ? 0 : 2)
    }

    static func evaluate(_ e: Expectation, in live: LiveCell, job: Job, start: UInt64) -> Outcome {
        guard let run = live.runs.first(where: { $0.label == e.variant }) else {
            return outcome(job, e, measured: nil, passed: false, message: "no run labelled \(e.variant ?? "")", start: start)
        }
        let trainer = run.trainer
        let measured = live.measure(e)
        let steps = "after \(trainer.step) steps"
        let want = "want \(e.op.rawValue) \(Format.number(e.value))"
        let metricName = e.variant.map { "\(e.metric)[\($0)]" } ?? "\(e.metric)"
        if let divergence = trainer.divergence, e.metric != .diverged {
            return outcome(job, e, measured: measured, passed: false,
                           message: "\(metricName): training diverged — \(divergence), \(want)", start: start)
        }
        guard let value = measured else {
            return outcome(job, e, measured: nil, passed: false,
                           message: "\(metricName) does not apply to this model", start: start)
        }
        let passed = e.holds(value)
        return outcome(job, e, measured: value, passed: passed,
                       message: "\(metricName) \(Format.number(value)), \(want) \(steps)", start: start)
    }

    static func outcome(_ job: Job, _ e: Expectation, measured: Double?, passed: Bool,
                        message: String, start: UInt64) -> Outcome {
        outcome(job, e.text, measured: measured, passed: passed, message: message, start: start)
    }

    /// One outcome of a job; `what` names the check (an expect line as written).
    static func outcome(_ job: Job, _ what: String, measured: Double?, passed: Bool,
                        message: String, start: UInt64) -> Outcome {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cell = job.showSeed ? "\(job.cell.id) [seed \(job.seed)]" : job.cell.id
        return Outcome(lessonName: job.lessonName, cellId: cell, seed: job.seed, expectation: what,
                       measured: measured, passed: passed, message: message, seconds: seconds)
    }

    /// Per-job results, filled from worker threads.
    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[Outcome]?]
        private var failure = false
        private var finished = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ outcomes: [Outcome], at i: Int) {
            lock.lock(); defer { lock.unlock() }
            slots[i] = outcomes
            finished += 1
            if outcomes.contains(where: { !$0.passed }) { failure = true }
        }

        var sawFailure: Bool { lock.lock(); defer { lock.unlock() }; return failure }
        var done: Int { lock.lock(); defer { lock.unlock() }; return finished }
        var results: [[Outcome]?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
