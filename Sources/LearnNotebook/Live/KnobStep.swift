import Foundation
import LearnLessons

/// How one press of ← or → moves a knob. Numbers land on round values, so a hint such as
/// "try 0.02" can be reached exactly: knobs that span orders of magnitude (lr, clip,
/// temperature) climb a ladder 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ; knobs that may be
/// zero (momentum, noise) move by a round step near a twentieth of their range; whole-number
/// knobs (seed, hidden) by one. Choices cycle.
enum KnobStep {
    static let ladder: [Double] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

    static func next(_ knob: Knob, from current: KnobValue, direction: Int) -> KnobValue {
        switch (knob.range, current) {
        case (.choices(let names), .choice(let name)):
            guard !names.isEmpty else { return current }
            let i = names.firstIndex(of: name) ?? 0
            return .choice(names[(i + direction + names.count) % names.count])
        case (.numeric(let range), .number(let v)):
            let moved: Double
            if knob.name.isWholeNumber {
                moved = (v + Double(direction)).rounded()
            } else if range.lowerBound > 0 {
                moved = rung(after: v, direction: direction)
            } else {
                let step = roundStep(near: (range.upperBound - range.lowerBound) / 20)
                moved = rounded(((v / step).rounded(direction > 0 ? .down : .up) + Double(direction)) * step)
            }
            return .number(min(max(moved, range.lowerBound), range.upperBound))
        case (.numeric(let range), .whole(let v)):
            let moved = direction > 0 ? (v == .max ? v : v + 1) : (v == 0 ? v : v - 1)
            let low = UInt64(max(range.lowerBound, 0)), high = UInt64(exactly: range.upperBound.rounded(.down)) ?? .max
            return .whole(min(max(moved, low), high))
        default:
            return current
        }
    }

    /// The next value of the ladder strictly above (direction > 0) or below `v`.
    static func rung(after v: Double, direction: Int) -> Double {
        let decade = (log10(v)).rounded(.down)
        let candidates = (-1...1).flatMap { d in ladder.map { rounded($0 * pow(10, decade + Double(d))) } }
        let tolerance = v * 1e-9
        return direction > 0
            ? candidates.first { $0 > v + tolerance } ?? v
            : candidates.last { $0 < v - tolerance } ?? v
    }

    /// A step of 1, 2 or 5 × 10ⁿ, the one nearest `size`.
    static func roundStep(near size: Double) -> Double {
        let decade = pow(10, (log10(size)).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * decade }.min { abs($0 - size) < abs($1 - size) }!
    }

    /// Ten significant digits: 3 × 0.1 is 0.3 on the screen, not 0.30000000000000004.
    private static func rounded(_ x: Double) -> Double {
        Double(String(format: "%.10g", x))!
    }
}
