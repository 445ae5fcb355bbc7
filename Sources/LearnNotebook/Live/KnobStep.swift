import LearnLessons

/// How one press of ← or → moves a knob: numeric knobs move geometrically (lr, clip,
/// temperature span orders of magnitude) or by whole steps (seed, hidden); choices cycle.
enum KnobStep {
    static let factor = 1.25
    static let linearSteps = 20.0

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
                moved = direction > 0 ? v * factor : v / factor
            } else {
                moved = v + Double(direction) * (range.upperBound - range.lowerBound) / linearSteps
            }
            return .number(min(max(moved, range.lowerBound), range.upperBound))
        default:
            return current
        }
    }
}
