#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Axis ticks at "nice" numbers: steps of 1, 2 or 5 × 10ᵏ (linear) or whole decades (log).
///
/// For a span s = hi − lo and at most n ticks the raw step is s / n; the step is the
/// smallest of {1, 2, 5, 10} × 10^⌊log₁₀(s/n)⌋ not below it, and the axis is widened to
/// lo' = ⌊lo/step⌋·step, hi' = ⌈hi/step⌉·step so both ends sit on ticks.
public struct NiceScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double
    public let ticks: [Double]
    public let isLog: Bool
    /// log₁₀(lower) and log₁₀(upper) − log₁₀(lower), kept so `position` costs one log.
    private let logLower: Double
    private let logSpan: Double

    /// A linear scale covering `lo…hi` with at most `maxTicks` ticks (at least 2).
    /// Non-finite bounds fall back to 0…1; an empty span is widened by ±1 (or ±10% of |lo|).
    ///
    /// `tight`: the scale keeps lo…hi as its ends (no widening, full resolution for the
    /// data) and the ticks are the step multiples inside it, with raw step s / maxTicks.
    public init(lo: Double, hi: Double, maxTicks: Int, tight: Bool = false) {
        var lo = lo, hi = hi
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 * max(1, abs(lo)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let n = Double(tight ? max(1, maxTicks) : max(1, maxTicks - 1))
        let raw = (hi - lo) / n
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * magnitude
        let first = (lo / step).rounded(tight ? .up : .down), last = (hi / step).rounded(tight ? .down : .up)
        self.lower = tight ? lo : first * step
        self.upper = tight ? hi : last * step
        self.step = step
        self.isLog = false
        logLower = 0
        logSpan = 1
        let count = Int(last - first)
        self.ticks = count < 0 ? [] : (0...count).map { (first + Double($0)) * step }
    }

    /// A log₁₀ scale over the positive range `lo…hi`, ticks at decades (every k-th decade
    /// when there are more than `maxTicks`). Non-positive or non-finite bounds give 1…10.
    public init(logLo lo: Double, hi: Double, maxTicks: Int) {
        var lo = lo, hi = hi
        if !(lo > 0) || !lo.isFinite { lo = hi > 0 && hi.isFinite ? hi / 10 : 1 }
        if !(hi > 0) || !hi.isFinite { hi = lo * 10 }
        if lo > hi { swap(&lo, &hi) }
        var d0 = Int(log10(lo).rounded(.down)), d1 = Int(log10(hi).rounded(.up))
        if d1 <= d0 { d1 = d0 + 1 }
        let every = max(1, (d1 - d0 + max(1, maxTicks - 1) - 1) / max(1, maxTicks - 1))
        d0 = d0 - ((d0 % every) + every) % every
        d1 = d0 + (d1 - d0 + every - 1) / every * every
        self.lower = pow10(d0)
        self.upper = pow10(d1)
        self.step = Double(every)
        self.isLog = true
        logLower = Double(d0)
        logSpan = Double(d1 - d0)
        self.ticks = stride(from: d0, through: d1, by: every).map { pow10($0) }
    }

    /// Where `value` falls on the scale, 0 at `lower` … 1 at `upper` (log₁₀ for log scales).
    /// NaN for values the scale cannot place (NaN, ±∞, or ≤ 0 on a log scale).
    @inline(__always)
    public func position(_ value: Double) -> Double {
        guard value.isFinite else { return .nan }
        if isLog {
            guard value > 0 else { return .nan }
            return (log10(value) - logLower) / logSpan
        }
        return (value - lower) / (upper - lower)
    }

    /// A tick label: as many decimals as the step needs, or `1e-4` style for decades
    /// and very large or small numbers.
    public func label(_ value: Double) -> String {
        if isLog { return NumberText.format(value, significant: 1) }
        let decimals = max(0, -Int(log10(step).rounded(.down)))
        return NumberText.fixed(value, decimals: decimals)
    }
}

/// 10ᵏ for integer k: exact up to 10²², and 1/10⁻ᵏ (correctly rounded) for negative k.
func pow10(_ k: Int) -> Double {
    var r = 1.0
    for _ in 0..<min(abs(k), 308) { r *= 10 }
    return k >= 0 ? r : 1 / r
}
