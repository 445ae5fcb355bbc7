/// How the units of a `[T][H]` map are ordered for its window, so the units a lesson
/// talks about come first: a gate's most open units (a forget gate near 1), a state's
/// busiest ones (units that react to spaces).
enum UnitRank {
    /// Mean over time, highest first.
    case mean
    /// Variance over time, largest first.
    case variance

    /// Unit indices, best first; ties keep the units' own order.
    func order(_ matrix: [[Float]]) -> [Int] {
        let units = matrix.first?.count ?? 0, steps = Double(max(1, matrix.count))
        let scores = (0..<units).map { u -> Double in
            let mean = matrix.reduce(0) { $0 + Double($1[u]) } / steps
            switch self {
            case .mean: return mean
            case .variance: return matrix.reduce(0) { $0 + (Double($1[u]) - mean) * (Double($1[u]) - mean) } / steps
            }
        }
        return (0..<units).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }
}
