import Foundation
import LearnLessons
import LearnModels
import LearnRender
import LearnTensor

/// `learn bench`: the canonical training configs of `benchmarks.md` (one step = forward,
/// loss, backward, optimiser update), the 256³ matrix multiply, and one full frame.
public enum Benchmarks {
    public static let matmulName = "matmul"
    public static let frameName = "frame"
    public static let trainingNames = ["perceptron", "mlp", "rnn", "lstm", "gru", "transformer", "transformer-large"]
    public static let names = trainingNames + [matmulName, frameName]

    public struct Row: Sendable {
        public let name: String
        /// Training steps per second (training rows), multiplies or frames per second otherwise.
        public let perSecond: Double
        public let detail: String
        /// Threads a product could use (``ProductThreads``) while this row was timed.
        public let threads = ProductThreads.current

        public var text: String {
            "\(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(Format.fixed(perSecond, 1)) /s  \(detail)"
        }

        public var json: String {
            "{\"name\": \"\(name)\", \"steps_per_s\": \(Format.fixed(perSecond, 3)), \"threads\": \(threads)}"
        }
    }

    public static func run(_ name: String, seconds: Double, lessons: [Lesson]) throws(ConfigError) -> Row {
        switch name {
        case matmulName: return matmul(seconds: seconds)
        case frameName: return try frame(seconds: seconds, lessons: lessons)
        default:
            let trainer = try Trainer(config(name))
            let rate = time(seconds: seconds) { trainer.train(steps: 1) }
            return Row(name: name, perSecond: rate, detail: "steps/s, \(describe(trainer.config))")
        }
    }

    /// The canonical configs, as `benchmarks.md` lists them.
    static func config(_ name: String) throws(ConfigError) -> RunConfig {
        var c: RunConfig
        switch name {
        case "perceptron":
            c = RunConfig(model: .perceptron, data: .named(.moons))
            c.dataOptions.points = 256
            c.batch = 256
            c.optimizer = OptimizerSettings(name: .sgd, lr: 0.1)
        case "mlp":
            c = RunConfig(model: .mlp, data: .named(.threePoints))
            c.layers = [32, 32]
            c.activation = .relu
            c.dataOptions.points = 64
            c.batch = 64
            c.optimizer = OptimizerSettings(name: .adam, lr: 1e-3)
        case "rnn", "lstm", "gru", "transformer", "transformer-large":
            let large = name == "transformer-large"
            c = RunConfig(model: ModelKind(rawValue: large ? "transformer" : name) ?? .rnn,
                          data: .text(name: "random tokens", contents: randomTokens(vocabulary: 64, count: 20_000)))
            c.embed = large ? 128 : 64
            c.hidden = 64
            c.heads = 4
            c.blocks = large ? 4 : 2
            c.context = large ? 64 : 32
            c.norm = .pre
            c.batch = large ? 32 : 16
            c.optimizer = OptimizerSettings(name: .adam, lr: 1e-3)
        default:
            throw ConfigError("unknown benchmark \(name)")
        }
        c.dataOptions.validation = 0
        c.steps = Limits.steps.upperBound
        return c
    }

    /// A text of `count` characters drawn uniformly from `vocabulary` distinct letters.
    static func randomTokens(vocabulary: Int, count: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?()")
        var rng = RandomSource(seed: 7)
        return String((0..<count).map { _ in alphabet[rng.int(below: min(vocabulary, alphabet.count))] })
    }

    private static func describe(_ c: RunConfig) -> String {
        switch c.model {
        case .perceptron: "batch \(c.batch)"
        case .mlp: "sizes \([2] + c.layers + [3]), batch \(c.batch)"
        case .transformer: "C \(c.embed), \(c.heads) heads, \(c.blocks) blocks, B \(c.batch) × T \(c.context)"
        default: "E \(c.embed), H \(c.hidden), B \(c.batch) × T \(c.context)"
        }
    }

    /// Runs `body` once to warm up, then repeatedly for `seconds`; returns runs per second.
    /// On one thread the seconds are this process's CPU time: on a shared machine the wall
    /// clock also counts the time other programs held the core; CPU time counts only this
    /// work (PyTorch's side is timed the same way by `scripts/bench-vs-torch.sh`), and on an
    /// idle machine the two agree. With more threads (``ProductThreads``) CPU time would
    /// add up every thread's, so the seconds are the wall clock's.
    static func time(seconds: Double, _ body: () -> Void) -> Double {
        let clock = ProductThreads.current > 1 ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID
        body()
        let start = now(clock)
        var runs = 0
        var elapsed = 0.0
        repeat {
            body()
            runs += 1
            elapsed = now(clock) - start
        } while elapsed < seconds
        return Double(runs) / elapsed
    }

    /// Seconds on `clock`.
    private static func now(_ clock: clockid_t) -> Double {
        var now = timespec()
        clock_gettime(clock, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The 256³ product's GFLOP/s beside the peak measured in the same run: the tile's own
    /// multiply-adds with no memory traffic (``Kernels/multiplyAddProbe(rounds:)``), the most
    /// this core does, whatever its clock, load or FMA units. The nominal peak from the clock
    /// (2 FMA × lanes × 2 FLOP × GHz) is shown too; it assumes two FMA units as wide as the
    /// vector, which AMD's Zen 1 (one 256-bit FMA a cycle, in two halves) does not have.
    static func matmul(seconds: Double) -> Row {
        let n = 256
        var rng = RandomSource(seed: 1)
        let a = (0..<n * n).map { _ in rng.uniform(-1, 1) }
        let b = (0..<n * n).map { _ in rng.uniform(-1, 1) }
        var c = [Float](repeating: 0, count: n * n)
        let rate = time(seconds: seconds) {
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        Kernels.gemm(m: n, n: n, k: n, a: pa.baseAddress!, transA: false, b: pb.baseAddress!,
                                     transB: false, c: pc.baseAddress!, accumulate: false)
                    }
                }
            }
        }
        let gflops = rate * 2 * Double(n * n * n) / 1e9
        let rounds = 1 << 20
        var probe = (flops: 0.0, value: Float(0))
        let probeRate = time(seconds: min(1, seconds)) { probe = Kernels.multiplyAddProbe(rounds: rounds) }
        let threads = ProductThreads.current
        let peak = probeRate * probe.flops / 1e9 * Double(threads)
        var detail = "multiplies/s, \(Format.fixed(gflops, 1)) GFLOP/s, \(Format.fixed(100 * gflops / peak, 0)) % of "
            + "\(Format.fixed(peak, 1)) measured (\(Kernels.tileName) tile's multiply-adds without memory"
            + (threads > 1 ? ", × \(threads) threads)" : ")")
        if let ghz = clockGHz() {
            let lanes = Kernels.vectorLanes
            let nominal = 2 * Double(lanes) * 2 * ghz * Double(threads)
            detail += "; nominal \(Format.fixed(nominal, 1)) (2 FMA × \(lanes) lanes × 2 FLOP × \(Format.fixed(ghz, 2)) GHz"
                + (threads > 1 ? " × \(threads)): " : "): ")
                + "\(Format.fixed(100 * gflops / nominal, 0)) %"
        }
        return Row(name: matmulName, perSecond: rate, detail: detail)
    }

    /// The core's clock from /proc/cpuinfo, when the system says.
    static func clockGHz() -> Double? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        let line = info.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
        return line.flatMap { Double($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            .map { $0 / 1000 }
    }

    /// Every page with panels, trained a little and drawn at 200×60; the slowest page is
    /// timed again for `seconds` and reported. Inspections are cached per step, so this
    /// times drawing into the grid, not the model.
    static func frame(seconds: Double, lessons: [Lesson]) throws(ConfigError) -> Row {
        var slowest: (lesson: Int, page: Int, rate: Double)?
        let notebook = Notebook(lessons: lessons, look: .unicode)
        for (l, lesson) in lessons.enumerated() {
            for (p, page) in lesson.pages.enumerated() where page.modelCell != nil {
                notebook.go(lesson: l, page: p)
                notebook.train(steps: 20)
                let rate = time(seconds: min(0.2, seconds)) { _ = notebook.frame(width: 200, height: 60) }
                if rate < (slowest?.rate ?? .infinity) { slowest = (l, p, rate) }
            }
        }
        guard let slowest else { throw ConfigError("no lesson page has panels to draw") }
        notebook.go(lesson: slowest.lesson, page: slowest.page)
        notebook.train(steps: 20)
        let rate = time(seconds: seconds) { _ = notebook.frame(width: 200, height: 60) }
        let panels = lessons[slowest.lesson].pages[slowest.page].modelCell?.panels.count ?? 0
        let name = "\(Check.lessonName(lessons[slowest.lesson])) page \(slowest.page + 1), \(panels) panels"
        return Row(name: frameName, perSecond: rate,
                   detail: "frames/s at 200×60 (\(Format.fixed(1000 / rate, 2)) ms each), the slowest page: \(name)")
    }
}
