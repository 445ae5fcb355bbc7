/// Projects vectors onto their first two principal components (power iteration on the
/// covariance, deflated), so token embeddings can be drawn in 2-D. Deterministic: the
/// iteration starts from a fixed vector, and each direction's sign is fixed.
enum Projection {
    static let iterations = 64

    static func principalPlane(_ vectors: [[Double]]) -> [(x: Double, y: Double)] {
        guard let dim = vectors.first?.count, dim > 0 else { return [] }
        let n = Double(vectors.count)
        var mean = [Double](repeating: 0, count: dim)
        for v in vectors { for i in 0..<dim { mean[i] += v[i] / n } }
        let centred = vectors.map { v in (0..<dim).map { v[$0] - mean[$0] } }
        var covariance = [Double](repeating: 0, count: dim * dim)
        for v in centred { for i in 0..<dim { for j in 0..<dim { covariance[i * dim + j] += v[i] * v[j] / n } } }
        let first = signed(dominant(covariance, dim))
        let lambda = rayleigh(covariance, dim, first)
        for i in 0..<dim { for j in 0..<dim { covariance[i * dim + j] -= lambda * first[i] * first[j] } }
        let second = signed(dominant(covariance, dim))
        return centred.map { v in (dot(v, first), dot(v, second)) }
    }

    /// The direction's sign fixed (its largest entry positive), so a component that
    /// power iteration finds pointing the other way does not mirror the plot.
    private static func signed(_ v: [Double]) -> [Double] {
        guard let top = v.max(by: { abs($0) < abs($1) }), top < 0 else { return v }
        return v.map { -$0 }
    }

    private static func dominant(_ m: [Double], _ dim: Int) -> [Double] {
        var v = (0..<dim).map { 1.0 / Double($0 + 1) }
        for _ in 0..<iterations {
            var next = [Double](repeating: 0, count: dim)
            for i in 0..<dim { for j in 0..<dim { next[i] += m[i * dim + j] * v[j] } }
            let norm = dot(next, next).squareRoot()
            guard norm > 1e-12 else { return v }
            v = next.map { $0 / norm }
        }
        return v
    }

    private static func rayleigh(_ m: [Double], _ dim: Int, _ v: [Double]) -> Double {
        var mv = [Double](repeating: 0, count: dim)
        for i in 0..<dim { for j in 0..<dim { mv[i] += m[i * dim + j] * v[j] } }
        return dot(v, mv)
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
