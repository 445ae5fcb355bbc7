import ArgumentParser
import Foundation
import LearnNotebook
import LearnTensor

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the canonical benchmark configs (benchmarks.md), matmul and frame rendering.",
        discussion: """
            Names: \(Benchmarks.names.joined(separator: ", ")). Compare with \
            `python3 ../shared/bench/torch_bench.py --threads 1` in the same run: the JSON rows join by name \
            (scripts/bench-vs-torch.sh does, timing both sides in CPU seconds). Rates are per CPU second of \
            this process, so other programs on a shared machine do not count. With --threads 2 large \
            matrix products are split over two threads (bit-identical results) and rates are per \
            wall-clock second: compare with torch_bench.py --threads 2. \
            The matrix kernel uses the widest register tile the CPU has; LEARN_KERNEL=avx2 picks the \
            AVX2 tile on an AVX-512 machine, to compare the two.
            """)

    @Argument(help: "Benchmarks to run (default: all).")
    var names: [String] = []

    @Flag(help: "One JSON object per line: {\"name\", \"steps_per_s\", \"threads\"}.")
    var json = false

    @Option(help: "Threads a large matrix product may use (1 or 2). With 2, rates are per wall-clock second.")
    var threads: Int = 1

    @Option(help: "CPU seconds to time each benchmark (after a warm-up).")
    var seconds: Double = 2

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...2).contains(threads) else { throw ValidationError("--threads must be 1 or 2") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]") }
        if let kernel = ProcessInfo.processInfo.environment["LEARN_KERNEL"], !Kernels.availableTileNames.contains(kernel) {
            throw ValidationError("LEARN_KERNEL=\(kernel): this machine runs \(Kernels.availableTileNames.joined(separator: " or "))")
        }
        let unknown = names.filter { !Benchmarks.names.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationError("unknown benchmark \(unknown.joined(separator: ", ")); known: \(Benchmarks.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try reporting {
            ProductThreads.use(threads)
            let selected = names.isEmpty ? Benchmarks.names : names
            let lessons = selected.contains(Benchmarks.frameName) ? try LessonSource.load(global) : []
            for name in selected {
                let row = try Benchmarks.run(name, seconds: seconds, lessons: lessons)
                output(json ? row.json + "\n" : row.text + "\n")
            }
        }
    }
}
