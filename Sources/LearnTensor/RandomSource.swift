/// The project's one seeded generator.
///
/// Algorithm (documented so any result can be reproduced elsewhere):
/// - the 64-bit seed is expanded into the four words of the state with **SplitMix64**
///   (`z += 0x9E3779B97F4A7C15; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
///   z = (z ^ (z >> 27)) * 0x94D049BB133111EB; z ^= z >> 31`);
/// - numbers are drawn with **xoshiro256\*\*** (Blackman & Vigna 2018):
///   `result = rotl(s1 * 5, 7) * 9`, then the state advances.
///
/// Derived draws: `uniform()` takes the top 24 bits (`(x >> 40) · 2⁻²⁴`, in [0, 1));
/// `normal` is Box–Muller on two uniforms (cosine branch only);
/// `int(below:)` rejects the biased low range (`x mod n` with `x ≥ 2⁶⁴ mod n`);
/// `shuffle` is Fisher–Yates from the last element down.
public struct RandomSource: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var z = seed
        func splitMix(_ z: inout UInt64) -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitMix(&z)
        s1 = splitMix(&z)
        s2 = splitMix(&z)
        s3 = splitMix(&z)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 24 bits of resolution: `(next() >> 40) · 2⁻²⁴`.
    public mutating func uniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in [low, high): `low + (high − low) · u`.
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * uniform()
    }

    /// Normal by Box–Muller: `z = √(−2 ln u₁) · cos(2π u₂)` with u₁ ∈ (0, 1], computed in Double.
    public mutating func normal(mean: Float = 0, std: Float = 1) -> Float {
        let u1 = 1.0 - Double(next() >> 11) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        let z = (-2.0 * Math.log(u1)).squareRoot() * Math.cos(2.0 * Double.pi * u2)
        return mean + std * Float(z)
    }

    /// Uniform integer in 0..<n without modulo bias.
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound
        while true {
            let x = next()
            if x >= threshold { return Int(x % bound) }
        }
    }

    /// Fisher–Yates shuffle, last element first.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
    }
}
