#if arch(x86_64)
import LearnKernelsAVX512
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The register tile the matrix kernel runs on: `rows × columns` of C held in vector
/// registers while the kernel sums over the depth of a block. The driver in `Gemm.swift`
/// packs B in panels `columns` wide for it and hands it rows of A where they lie.
struct MicroTile: Sendable {
    /// `C[rows×columns] = E + A·B` over depth `kb` for the first `rows` (1…``rows``) rows of
    /// the tile: `A[i, p]` at `a[i·rowStride + p·depthStride]`, B a panel of `columns` values
    /// per `p`, `ldb` apart (a packed panel: `columns`; B in place: its row length), C with
    /// leading dimension `ldc`; `E` is `addend` with rows `ldAddend` apart (C itself to
    /// accumulate, a bias row with `ldAddend` 0), or nothing.
    typealias Kernel = @Sendable (_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int, _ depthStride: Int,
                                  _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int,
                                  _ addend: UnsafePointer<Float>?, _ ldAddend: Int) -> Void
    let name: String
    let rows: Int
    let columns: Int
    let kernel: Kernel
    /// The same on the left half of the tile (`columns / 2` columns of C, the first half of
    /// each `p` of a full-width panel), where the tile has one: a product that narrow would
    /// otherwise run the whole tile into a scratch tile.
    let half: Kernel?
    /// The tile's multiply-adds without its memory, `rounds` times (``multiplyAddProbe6x16(_:)``).
    let probe: @Sendable (_ rounds: Int) -> Float
    /// FLOP in one round of `probe`: each accumulator (a row of the tile is two) one
    /// multiply-add per lane.
    var probeFlops: Int { rows * 2 * lanes * 2 }
    /// Floats per vector register: a tile row is two vectors.
    var lanes: Int { columns / 2 }

    /// 6×16 with 8-lane AVX2 vectors (or the platform's own SIMD8): runs everywhere.
    #if arch(x86_64)
    static let simd8 = MicroTile(name: "avx2", rows: 6, columns: 16, kernel: microKernel6x16, half: nil,
                                 probe: multiplyAddProbe6x16)
    #else
    static let simd8 = MicroTile(name: "simd8", rows: 6, columns: 16, kernel: microKernel6x16, half: nil,
                                 probe: multiplyAddProbe6x16)
    #endif

    #if arch(x86_64)
    /// 8×32 with 16-lane AVX-512 vectors.
    static let avx512 = MicroTile(name: "avx512", rows: 8, columns: 32, kernel: microKernel8x32,
                                  half: microKernel8x16, probe: multiplyAddProbe8x32)
    #endif

    /// The tiles this machine can run, widest first.
    static let available: [MicroTile] = {
        #if arch(x86_64)
        if CPUFeatures.avx512 { return [avx512, simd8] }
        #endif
        return [simd8]
    }()

    /// The tile every product uses: the widest this machine runs, unless `LEARN_KERNEL`
    /// names another (`avx2`), which benchmarks use to compare the two in one build.
    static let native: MicroTile = {
        if let wanted = getenv("LEARN_KERNEL").map({ String(cString: $0) }),
           let tile = available.first(where: { $0.name == wanted }) {
            return tile
        }
        return available[0]
    }()
}

/// What the CPU offers, as the operating system reports it.
enum CPUFeatures {
    /// AVX-512 Foundation, listed by Linux only when the kernel also saves the wide
    /// registers on a context switch. Elsewhere this answers false, and the AVX2 tile runs.
    static let avx512: Bool = {
        #if os(Linux) && arch(x86_64)
        guard let file = fopen("/proc/cpuinfo", "r") else { return false }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            if text.hasPrefix("flags") { return text.split(whereSeparator: \.isWhitespace).contains("avx512f") }
        }
        return false
        #else
        return false
        #endif
    }()
}

extension Kernels {
    /// The register tile products run on here (`avx512` or `avx2`) and its vector width,
    /// for the matmul benchmark's peak.
    public static var tileName: String { MicroTile.native.name }
    public static var vectorLanes: Int { MicroTile.native.lanes }
    /// The tiles this machine can run, widest first: the values `LEARN_KERNEL` may take.
    public static var availableTileNames: [String] { MicroTile.available.map(\.name) }

    /// `rounds` of the native tile's multiply-adds in registers (its accumulators, no
    /// memory): the FLOP done, and a value to keep so the work is not optimised away.
    /// Timed, this is the core's attainable peak for the tile.
    public static func multiplyAddProbe(rounds: Int) -> (flops: Double, value: Float) {
        (Double(rounds * MicroTile.native.probeFlops), MicroTile.native.probe(rounds))
    }
}
