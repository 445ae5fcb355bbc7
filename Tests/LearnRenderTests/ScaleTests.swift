import Testing
@testable import LearnRender

@Suite struct ScaleTests {
    @Test func niceLinearTicks() {
        let a = NiceScale(lo: 0, hi: 1, maxTicks: 6)
        #expect(a.step == 0.2)
        #expect(a.ticks.map { a.label($0) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let b = NiceScale(lo: 3, hi: 97, maxTicks: 6)
        #expect(b.step == 20 && b.lower == 0 && b.upper == 100)
        let c = NiceScale(lo: -0.013, hi: 0.031, maxTicks: 5)
        #expect(c.step == 0.02)
        #expect(c.ticks.map { c.label($0) } == ["-0.02", "0.00", "0.02", "0.04"])
    }

    @Test func degenerateRangesStillGiveAScale() {
        let constant = NiceScale(lo: 5, hi: 5, maxTicks: 3)
        #expect(constant.lower < 5 && constant.upper > 5)
        let zero = NiceScale(lo: 0, hi: 0, maxTicks: 3)
        #expect(zero.lower == -1 && zero.upper == 1)
        let broken = NiceScale(lo: .nan, hi: .infinity, maxTicks: 3)
        #expect(broken.lower == 0 && broken.upper == 1)
        #expect(broken.position(.nan).isNaN)
    }

    @Test func logTicksAtDecades() {
        let s = NiceScale(logLo: 0.003, hi: 2, maxTicks: 10)
        #expect(s.ticks.map { s.label($0) } == ["0.001", "0.01", "0.1", "1", "10"])
        #expect(abs(s.position(0.01) - 0.25) < 1e-12)
        #expect(s.position(-1).isNaN)
        let wide = NiceScale(logLo: 1e-8, hi: 1e3, maxTicks: 4)
        #expect(wide.ticks.count <= 5 && wide.ticks.first! <= 1e-8 && wide.ticks.last! >= 1e3)
    }

    @Test func numberText() {
        #expect(NumberText.fixed(-0.0004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(2.345, decimals: 1) == "2.3" || NumberText.fixed(2.345, decimals: 1) == "2.4")
        #expect(NumberText.fixed(-12.5, decimals: 0) == "-13")
        #expect(NumberText.format(0.0832) == "0.0832")
        #expect(NumberText.format(0.00025) == "2.5e-4")
        #expect(NumberText.format(1234567) == "1.23e6")
        #expect(NumberText.format(9.999e-5, significant: 2) == "1e-4")
        #expect(NumberText.format(-3) == "-3")
        #expect(NumberText.format(.infinity) == "inf" && NumberText.format(.nan) == "nan")
    }

    @Test func downsampleKeepsSpikesAndGaps() {
        var values = [Double](repeating: 1, count: 1000)
        values[517] = 50
        values[600] = -7
        for i in 100..<200 { values[i] = .nan }
        let buckets = Downsample.minMaxLast(values, buckets: 10)
        #expect(buckets.count == 10)
        #expect(buckets[1] == nil)
        #expect(buckets[5]?.max == 50)
        #expect(buckets[6]?.min == -7)
        #expect(buckets[0] == Downsample.Bucket(1))
        #expect(Downsample.minMaxLast([1, 2], buckets: 5).count == 2)
        #expect(Downsample.minMaxLast([], buckets: 5).isEmpty)
    }

    @Test func glyphRampsPickByLevel() {
        let ramp = GlyphSet.unicode.density
        #expect(GlyphSet.pick(ramp, 0) == " ")
        #expect(GlyphSet.pick(ramp, 0.01) == "░")
        #expect(GlyphSet.pick(ramp, 1) == "█")
        #expect(GlyphSet.pick(ramp, 7) == "█")
        #expect(GlyphSet.pick(ramp, .nan) == " ")
    }

    @Test func signReadsWithoutColour() {
        for g in [GlyphSet.ascii, .unicode] {
            #expect(Set(g.positive.dropFirst()).isDisjoint(with: g.negative.dropFirst()))
            #expect(!g.positive.contains(g.masked) && !g.negative.contains(g.masked) && !g.density.contains(g.masked))
        }
        let map = Heatmap(values: [0.5, -0.5], rows: 1, columns: 2)
        #expect(map.look(0.5, lo: -1, hi: 1).0 != map.look(-0.5, lo: -1, hi: 1).0)
    }
}

@Suite struct TightScaleTests {
    @Test func tightKeepsTheDataRange() {
        let s = NiceScale(lo: -1.9, hi: 2.1, maxTicks: 3, tight: true)
        #expect(s.lower == -1.9 && s.upper == 2.1)
        #expect(s.ticks == [-1, 0, 1, 2] || s.ticks == [0, 2] || s.ticks == [-0, 2])
        #expect(s.ticks.allSatisfy { $0 >= -1.9 && $0 <= 2.1 })
    }
}
