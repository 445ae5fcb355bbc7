import Testing
@testable import LearnTensor

/// `Kernels.magnitudes`: what the trainer reads off every parameter and gradient once a step.
@Suite struct MagnitudesTests {
    /// Against a plain loop, at lengths that end inside and on a lane boundary.
    @Test(arguments: [0, 1, 7, 8, 9, 64, 1000])
    func matchesAPlainLoop(count: Int) {
        var rng = RandomSource(seed: UInt64(count))
        let x = (0..<count).map { _ in rng.uniform(-3, 3) }
        let m = Kernels.magnitudes(x)
        let squares = x.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(m.sumOfSquares - squares) <= 1e-12 * Swift.max(1, squares))
        #expect(m.largest == x.map(abs).max() ?? 0)
        #expect(m.finite)
    }

    /// One NaN or infinity anywhere (in the lanes or the tail) makes the whole not finite.
    @Test func oneNonFiniteEntryIsFound() {
        for bad in [Float.nan, .infinity, -.infinity] {
            for position in [0, 5, 8, 17, 19] {
                var x = [Float](repeating: 0.5, count: 20)
                x[position] = bad
                #expect(!Kernels.magnitudes(x).finite, "\(bad) at \(position)")
            }
        }
    }

    /// A gradient whose squares overflow Float is still summed (in Double).
    @Test func hugeEntriesDoNotOverflowTheSum() {
        let m = Kernels.magnitudes([Float](repeating: 1e30, count: 9))
        #expect(m.sumOfSquares.isFinite && m.sumOfSquares > 8e60)
        #expect(m.finite)
    }
}
