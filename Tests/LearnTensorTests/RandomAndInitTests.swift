import Testing
@testable import LearnTensor

@Suite struct RandomAndInitTests {
    @Test func sameSeedSameSequenceDifferentSeedDifferent() {
        var a = RandomSource(seed: 1), b = RandomSource(seed: 1), c = RandomSource(seed: 2)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }

    @Test func matchesReferenceXoshiroSeededBySplitMix() {
        // Reference: SplitMix64(0) gives the state words below; xoshiro256** then outputs rotl(s1·5, 7)·9.
        var rng = RandomSource(seed: 0)
        let s1: UInt64 = 0x6E78_9E6A_A1B9_65F4
        let expected = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        #expect(rng.next() == expected)
    }

    @Test func uniformStaysInRangeWithTheRightMean() {
        var rng = RandomSource(seed: 3)
        let xs = (0..<20_000).map { _ in rng.uniform(-2, 4) }
        #expect(xs.allSatisfy { $0 >= -2 && $0 < 4 })
        #expect(abs(xs.reduce(0, +) / 20_000 - 1) < 0.05)
    }

    @Test func normalHasMeanAndStd() {
        var rng = RandomSource(seed: 4)
        let xs = (0..<20_000).map { _ in Double(rng.normal(mean: 1, std: 2)) }
        let mean = xs.reduce(0, +) / 20_000
        let std = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000).squareRoot()
        #expect(abs(mean - 1) < 0.05)
        #expect(abs(std - 2) < 0.05)
    }

    @Test func intBelowCoversTheRangeEvenly() {
        var rng = RandomSource(seed: 5)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[rng.int(below: 7)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
    }

    @Test func shuffleIsADeterministicPermutation() {
        var r1 = RandomSource(seed: 6), r2 = RandomSource(seed: 6)
        var a = Array(0..<50), b = Array(0..<50)
        r1.shuffle(&a)
        r2.shuffle(&b)
        #expect(a == b)
        #expect(a != Array(0..<50))
        #expect(a.sorted() == Array(0..<50))
    }

    @Test func linearInitUsesOneOverRootFanIn() {
        var rng = RandomSource(seed: 7)
        let (w, b) = Init.linear(out: 20, in: 16, rng: &rng)
        #expect(w.shape == [20, 16] && b.shape == [20])
        #expect(w.requiresGrad && b.requiresGrad)
        #expect((w.data + b.data).allSatisfy { abs($0) <= 0.25 })
        #expect(w.data.contains { abs($0) > 0.2 })
    }

    @Test func embeddingAndRecurrentInit() {
        var rng = RandomSource(seed: 8)
        let e = Init.embedding(100, 10, rng: &rng)
        #expect(e.shape == [100, 10] && e.requiresGrad)
        #expect(e.data.contains { abs($0) > 1.5 })
        let r = Init.recurrent([8, 4], hidden: 4, rng: &rng)
        #expect(r.data.allSatisfy { abs($0) <= 0.5 })
    }
}
