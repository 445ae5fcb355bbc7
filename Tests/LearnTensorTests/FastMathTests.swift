import Testing
@testable import LearnTensor
#if canImport(Glibc)
import Glibc
#endif

/// The vectorisable `exp`/`tanh`/`sigmoid` against Double references from libm.
@Suite struct FastMathTests {
    /// Allowed error: a few float ulps near 1 (`|error| ≤ tolerance · max(|reference|, 1e-30)` plus
    /// `absoluteTolerance` for results close to 0).
    static let relativeTolerance: Double = 4e-7
    static let absoluteTolerance: Double = 1e-9

    static func grid(_ low: Float, _ high: Float, steps: Int) -> [Float] {
        (0...steps).map { low + (high - low) * Float($0) / Float(steps) }
    }

    static func expectNear(_ got: Float, _ want: Double, at x: Float, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = abs(Double(got) - want)
        #expect(error <= absoluteTolerance + relativeTolerance * abs(want), "x = \(x): \(got) vs \(want)",
                sourceLocation: sourceLocation)
    }

    @Test func expOnNonPositiveInputs() {
        for x in Self.grid(-87, 0, steps: 20_000) { Self.expectNear(FastMath.expNonPositive(x), Glibc.exp(Double(x)), at: x) }
        #expect(FastMath.expNonPositive(-.infinity) == 0)
        #expect(FastMath.expNonPositive(-100) == 0)
        #expect(FastMath.expNonPositive(0) == 1)
        #expect(FastMath.expNonPositive(.nan).isNaN)
    }

    @Test func tanhAcrossTheRange() {
        for x in Self.grid(-12, 12, steps: 24_001) { Self.expectNear(FastMath.tanh(x), Glibc.tanh(Double(x)), at: x) }
        #expect(FastMath.tanh(1e-30) == 1e-30)
        #expect(FastMath.tanh(50) == 1 && FastMath.tanh(-50) == -1)
    }

    @Test func sigmoidAcrossTheRange() {
        for x in Self.grid(-30, 30, steps: 24_001) {
            Self.expectNear(FastMath.sigmoid(x), 1 / (1 + Glibc.exp(-Double(x))), at: x)
        }
    }
}
