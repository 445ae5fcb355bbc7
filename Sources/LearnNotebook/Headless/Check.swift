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
        /// Passed, but with something the author should fix (a cell with no expect lines).
        public let warning: String?
        /// Where in the lesson file: the expect line, or the cell's fence for the cell as a
        /// whole, or the lint error's place.
        public var location: SourceLocation? = nil

        /// The `expectation` of an outcome that is about the cell as a whole.
        public static let trains = "builds and trains"
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome]
        public var skipped: Int
        /// Cell runs (a cell once per seed) built and trained.
        public var cells: Int
        public var passed: Int { outcomes.filter(\.passed).count }
        public var failed: Int { outcomes.count - passed }
        public var warnings: Int { outcomes.filter { $0.warning != nil }.count }
        public var summary: String {
            "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
                + " (\(cells) cell\(cells == 1 ? "" : "s") trained" + (warnings > 0 ? ", \(warnings) without expectations" : "") + ")"
        }
    }

    /// Seconds a cell run may take before it fails (`--cell-timeout`): ten minutes, twice
    /// what lint lets a run be estimated at before it warns.
    public static let defaultTimeout = 600.0

    /// Runs the checks. `seed` overrides every cell's seeds; `failFast` stops scheduling
    /// new cells after the first failure (the rest count as skipped); a cell run past
    /// `timeout` seconds fails. `finished` is called with each cell's outcomes in lesson
    /// order, as soon as that cell and every cell before it are done (so a piped `check`
    /// streams, and its output is the same every run); `progress` with (done, total).
    public static func run(_ lessons: [Lesson], seed: UInt64? = nil, failFast: Bool = false, timeout: Double = defaultTimeout,
                           finished: (@Sendable ([Outcome]) -> Void)? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> Report {
        let jobs = makeJobs(lessons, seed: seed)
        let box = ResultBox(count: jobs.count, finished: finished)
        // The costliest cells start first, so no long cell is left running alone at the end.
        let order = jobs.indices.sorted { cost(jobs[$0]) > cost(jobs[$1]) }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { n in
            let i = order[n]
            if failFast && box.sawFailure { return }
            let outcomes = run(jobs[i], timeout: timeout)
            box.store(outcomes, at: i)
            progress?(box.done, jobs.count)
        }
        box.flushAll()
        let skipped = box.results.enumerated().filter { $0.element == nil }
            .reduce(0) { $0 + checkCount(jobs[$1.offset].cell) }
        let results = box.results.compactMap { $0 }
        return Report(outcomes: results.flatMap { $0 }, skipped: skipped, cells: results.count)
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

    /// A job's estimated arithmetic, over all its runs (``ModelSpec``'s cost).
    static func cost(_ job: Job) -> Double {
        ([job.cell.config] + job.cell.compare.map(\.config)).reduce(0) { total, c in
            total + ModelSpec.of(c.model).cost(c).flopsPerStep * Double(c.steps)
        }
    }

    /// Lint errors as failed checks, so a JSON or JUnit report exists even when no cell could
    /// run: one per error, named by its file and rule.
    public static func lintFailures(_ diagnostics: [Diagnostic]) -> [Outcome] {
        diagnostics.filter { $0.severity == .error }.map { d in
            let file = URL(fileURLWithPath: d.location.path).deletingPathExtension().lastPathComponent
            return Outcome(lessonName: file, cellId: "lint", seed: 0, expectation: "\(d.rule.id) at \(d.location.line):\(d.location.column)",
                           measured: nil, passed: false,
                           message: "\(d.location): error[\(d.rule.id)]: \(d.message)" + (d.help.map { " (\($0))" } ?? ""),
                           seconds: 0, warning: nil, location: d.location)
        }
    }

    /// `04-perceptron` for `Lessons/04-perceptron.md`.
    public static func lessonName(_ lesson: Lesson) -> String {
        URL(fileURLWithPath: lesson.path).deletingPathExtension().lastPathComponent
    }

    /// Builds and trains the cell's runs to `steps`, then tests its expect lines. A cell is
    /// always built and trained, expectations or not: one that cannot be built, runs past
    /// `timeout` seconds, or diverges where no `diverged` line expects it fails by name;
    /// one with no expect lines passes with a warning.
    static func run(_ job: Job, timeout: Double) -> [Outcome] {
        let start = DispatchTime.now().uptimeNanoseconds
        let live: LiveCell
        do {
            live = try LiveCell(job.cell, seed: job.seed, rewindable: false)
        } catch {
            return [outcome(job, nil, measured: nil, passed: false, message: "cannot build the model: \(error.message)", start: start)]
        }
        let steps = job.cell.config.steps
        for done in 1...Swift.max(1, steps) where live.runs.contains(where: { $0.trainer.divergence == nil }) {
            live.train(steps: 1)
            if seconds(since: start) > timeout {
                return [outcome(job, nil, measured: nil, passed: false,
                                message: "stopped after \(Format.fixed(timeout, 0)) s at step \(done) of \(steps) (--cell-timeout): make the cell smaller or raise the limit",
                                start: start)]
            }
        }
        var outcomes = job.cell.expects.map { evaluate($0, in: live, job: job, start: start) }
        for run in live.runs {
            // A run with expect lines already fails them on divergence (or expects it).
            guard let divergence = run.trainer.divergence, !job.cell.expects.contains(where: { $0.variant == run.label }) else { continue }
            let name = run.label.map { "run `\($0)`" } ?? "the run"
            outcomes.append(outcome(job, nil, measured: nil, passed: false,
                                    message: "\(name) diverged — \(divergence) (say `diverged == 1` in expect if the lesson means it)",
                                    start: start))
        }
        if job.cell.expects.isEmpty, outcomes.isEmpty {
            outcomes.append(outcome(job, nil, measured: nil, passed: true,
                                    message: "trained \(live.step) steps; no expect lines, so nothing is checked", start: start,
                                    warning: "no expect lines: add one (e.g. `loss < …`) so check can tell when the lesson stops being true"))
        }
        return outcomes + exerciseOutcomes(job, asWritten: live, start: start)
    }

    /// The checks a cell's run makes: its expect lines (or one that it trains), and two
    /// for an exercise.
    static func checkCount(_ cell: ModelCell) -> Int {
        Swift.max(1, cell.expects.count) + (cell.exercise == nil ? 0 : 2)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func evaluate(_ e: Expectation, in live: LiveCell, job: Job, start: UInt64) -> Outcome {
        let left = measure(e.metric, e.variant, in: live)
        let right = e.other.map { measure($0.metric, $0.variant, in: live) }
        let want = right.map { "want \(e.op.rawValue) \($0.name)" } ?? "want \(e.op.rawValue) \(Format.number(e.value))"
        for side in [left] + (right.map { [$0] } ?? []) {
            if let problem = side.problem {
                return outcome(job, e, measured: side.value, passed: false, message: "\(side.name)\(problem), \(want)", start: start)
            }
        }
        guard let value = left.value, right == nil || right?.value != nil else {
            return outcome(job, e, measured: nil, passed: false, message: "\(left.name) does not apply to this model", start: start)
        }
        let bar = right?.value ?? e.value
        let passed = e.op.holds(value, bar)
        let against = right.map { ", \($0.name) \(Format.number(bar))" } ?? ""
        return outcome(job, e, measured: value, passed: passed,
                       message: "\(left.name) \(Format.number(value))\(against), \(want) after \(left.steps) steps", start: start)
    }

    /// One side of an expect line measured on its run: the value, or why there is none.
    static func measure(_ metric: ExpectMetric, _ variant: String?, in live: LiveCell)
        -> (name: String, value: Double?, problem: String?, steps: Int) {
        let name = variant.map { "\(metric)[\($0)]" } ?? "\(metric)"
        guard let trainer = live.runs.first(where: { $0.label == variant })?.trainer else {
            return (name, nil, ": no run labelled \(variant ?? "")", 0)
        }
        let value = live.measure(metric, variant: variant)
        if let divergence = trainer.divergence, metric != .diverged {
            return (name, value, ": training diverged — \(divergence)", trainer.step)
        }
        return (name, value, nil, trainer.step)
    }

    /// `e` is nil for what a cell owes without an expect line: it builds, trains, stays finite.
    private static func outcome(_ job: Job, _ e: Expectation?, measured: Double?, passed: Bool,
                                message: String, start: UInt64, warning: String? = nil) -> Outcome {
        outcome(job, e?.text ?? Outcome.trains, measured: measured, passed: passed, message: message, start: start,
                warning: warning, location: e?.location)
    }

    /// One outcome of a job; `what` names the check (an expect line as written).
    static func outcome(_ job: Job, _ what: String, measured: Double?, passed: Bool,
                        message: String, start: UInt64, warning: String? = nil, location: SourceLocation? = nil) -> Outcome {
        let cell = job.showSeed ? "\(job.cell.id) [seed \(job.seed)]" : job.cell.id
        return Outcome(lessonName: job.lessonName, cellId: cell, seed: job.seed, expectation: what,
                       measured: measured, passed: passed, message: message, seconds: seconds(since: start), warning: warning,
                       location: location ?? job.cell.location)
    }

    /// Per-job results, filled from worker threads and handed on in job order.
    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[Outcome]?]
        private var failure = false
        private var finishedCount = 0
        private var nextToHand = 0
        private let finished: (@Sendable ([Outcome]) -> Void)?

        init(count: Int, finished: (@Sendable ([Outcome]) -> Void)?) {
            slots = Array(repeating: nil, count: count)
            self.finished = finished
        }

        func store(_ outcomes: [Outcome], at i: Int) {
            lock.lock(); defer { lock.unlock() }
            slots[i] = outcomes
            finishedCount += 1
            if outcomes.contains(where: { !$0.passed }) { failure = true }
            while nextToHand < slots.count, let ready = slots[nextToHand] {
                finished?(ready)
                nextToHand += 1
            }
        }

        /// After a fail-fast stop: hands on what finished past the first skipped cell.
        func flushAll() {
            lock.lock(); defer { lock.unlock() }
            while nextToHand < slots.count {
                if let ready = slots[nextToHand] { finished?(ready) }
                nextToHand += 1
            }
        }

        var sawFailure: Bool { lock.lock(); defer { lock.unlock() }; return failure }
        var done: Int { lock.lock(); defer { lock.unlock() }; return finishedCount }
        var results: [[Outcome]?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
