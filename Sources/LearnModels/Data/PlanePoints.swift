import Foundation
import LearnTensor

/// The 2-D classification datasets, generated from a seed. Every generator returns
/// `points` examples in random order (so any tail is a fair validation set).
///
/// - `and`, `or`, `xor`: the four corners of the unit square, (0,0) (0,1) (1,0) (1,1),
///   repeated to `points`, each moved by N(0, noise); label = the logic gate of the corner.
/// - `blobs`: three Gaussian clusters (std 0.3 + noise) centred on a circle of radius 1.5.
/// - `three-points`: uniform in [−1, 1]²; label = the nearest of three fixed points
///   (the source article's "nearest coffee shop" task, a Voronoi picture); after labelling
///   each point moves by N(0, noise / 4), so borders get a little fuzzy.
/// - `circle`: an inner ring (radius 0.5, class 1) inside an outer ring (radius 1, class 0), + N(0, noise).
/// - `spiral`: two interleaved arms r = θ / 4π, θ ∈ [0, 4π), + N(0, noise / 2).
/// - `moons`: two interleaving half circles (as scikit-learn's make_moons), + N(0, noise).
enum PlanePoints {
    /// The three fixed points of `three-points`.
    static let sites: [(Float, Float)] = [(-0.55, -0.35), (0.6, -0.45), (0.05, 0.6)]

    static func make(_ name: DatasetName, points n: Int, noise: Float, rng: inout RandomSource) -> PointSet {
        var x: [Float] = []
        var y: [Int] = []
        x.reserveCapacity(2 * n)
        y.reserveCapacity(n)
        func add(_ a: Float, _ b: Float, _ label: Int) {
            x += [a, b]
            y.append(label)
        }
        for i in 0..<n {
            switch name {
            case .and, .or, .xor:
                let corner = i % 4
                let a = Float(corner / 2), b = Float(corner % 2)
                let label: Int = switch name {
                case .and: (a == 1 && b == 1) ? 1 : 0
                case .or: (a == 1 || b == 1) ? 1 : 0
                default: (a != b) ? 1 : 0
                }
                add(a + rng.normal(std: noise), b + rng.normal(std: noise), label)
            case .blobs:
                let c = i % 3
                let angle = Float.pi / 2 + Float(c) * 2 * Float.pi / 3
                let std = 0.3 + noise
                add(1.5 * cos(angle) + rng.normal(std: std), 1.5 * sin(angle) + rng.normal(std: std), c)
            case .threePoints:
                let a = rng.uniform(-1, 1), b = rng.uniform(-1, 1)
                let label = nearestSite(a, b)
                add(a + rng.normal(std: noise / 4), b + rng.normal(std: noise / 4), label)
            case .circle:
                let c = i % 2
                let r: Float = c == 1 ? 0.5 : 1
                let t = rng.uniform(0, 2 * Float.pi)
                add(r * cos(t) + rng.normal(std: noise), r * sin(t) + rng.normal(std: noise), c)
            case .spiral:
                let c = i % 2
                let t = rng.uniform(0.25, 4 * Float.pi)
                let r = t / (4 * Float.pi)
                let phase = Float(c) * Float.pi
                add(r * cos(t + phase) + rng.normal(std: noise / 2), r * sin(t + phase) + rng.normal(std: noise / 2), c)
            case .moons:
                let c = i % 2
                let t = rng.uniform(0, Float.pi)
                if c == 0 {
                    add(cos(t) + rng.normal(std: noise), sin(t) + rng.normal(std: noise), 0)
                } else {
                    add(1 - cos(t) + rng.normal(std: noise), 0.5 - sin(t) + rng.normal(std: noise), 1)
                }
            default:
                preconditionFailure("\(name.rawValue) is not a 2-D point dataset")
            }
        }
        // Shuffle example order (corners and classes were generated round-robin).
        var order = Array(0..<n)
        rng.shuffle(&order)
        let set = PointSet(dimensions: 2, inputs: x, labels: y, classes: name.classes)
        return set.subset(order)
    }

    static func nearestSite(_ a: Float, _ b: Float) -> Int {
        var best = 0
        var bestDistance = Float.infinity
        for (i, s) in sites.enumerated() {
            let d = (a - s.0) * (a - s.0) + (b - s.1) * (b - s.1)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}
