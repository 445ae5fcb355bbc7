import LearnLessons
@testable import LearnNotebook
import Testing

/// Knobs land on round values, so the values a lesson's hint names can be reached.
@Suite struct KnobStepTests {
    static let here = SourceLocation(path: "test.md", line: 1, column: 1)

    func presses(_ name: KnobName, _ range: ClosedRange<Double>, from start: Double, _ count: Int, direction: Int = 1) -> [Double] {
        let knob = Knob(name: name, range: .numeric(range), location: Self.here)
        var value = KnobValue.number(start)
        var seen: [Double] = []
        for _ in 0..<count {
            value = KnobStep.next(knob, from: value, direction: direction)
            if case .number(let v) = value { seen.append(v) }
        }
        return seen
    }

    @Test func learningRateClimbsTheLadderFromAnOffLadderStart() {
        #expect(presses(.lr, 0.001...0.05, from: 0.005, 6) == [0.006, 0.008, 0.01, 0.012, 0.015, 0.02])
        #expect(presses(.lr, 0.001...0.05, from: 0.0055, 1) == [0.006])
        #expect(presses(.lr, 0.001...0.05, from: 0.005, 3, direction: -1) == [0.004, 0.003, 0.0025])
    }

    @Test func hintedValuesAreReachable() {
        // 13 p2: temperature 0.2, 1 and 2 from 0.8; 08 p3: clip 0.5 from 1.
        let down = presses(.temperature, 0.1...2, from: 0.8, 6, direction: -1)
        let up = presses(.temperature, 0.1...2, from: 0.8, 5)
        #expect(down.contains(0.2) && up.contains(1) && up.contains(2))
        #expect(presses(.clip, 0.1...10, from: 1, 3, direction: -1) == [0.8, 0.6, 0.5])
    }

    @Test func theLadderStopsAtTheRange() {
        #expect(presses(.lr, 0.001...0.05, from: 0.04, 3) == [0.05, 0.05, 0.05])
        #expect(presses(.lr, 0.001...0.05, from: 0.0012, 2, direction: -1) == [0.001, 0.001])
    }

    @Test func knobsFromZeroMoveByARoundStep() {
        #expect(presses(.momentum, 0...0.95, from: 0, 3) == [0.05, 0.1, 0.15])
        #expect(presses(.momentum, 0...0.95, from: 0.93, 2) == [0.95, 0.95])
        #expect(presses(.momentum, 0...0.95, from: 0.93, 1, direction: -1) == [0.9])
        #expect(presses(.noise, 0...1, from: 0.3, 1, direction: -1) == [0.25])
    }

    @Test func wholeNumberKnobsMoveByOne() {
        #expect(presses(.hidden, 1...9, from: 3, 2) == [4, 5])
        let seed = Knob(name: .seed, range: .numeric(0...9), location: Self.here)
        #expect(KnobStep.next(seed, from: .whole(3), direction: 1) == .whole(4))
        #expect(KnobStep.next(seed, from: .whole(0), direction: -1) == .whole(0))
    }

    /// A seed near 2⁶⁴ stays a whole number: no trap, no rounding through `Double`.
    @Test func seedsNearTheTopOfUInt64StayExact() throws {
        let wide = Knob(name: .seed, range: .numeric(0...Double(UInt32.max)), location: Self.here)
        #expect(KnobStep.next(wide, from: .whole(.max), direction: 1) == .whole(UInt64(UInt32.max)))
        let lesson = Fixtures.kx.replacingOccurrences(of: "steps: 30\n", with: "steps: 30\nseed: 18446744073709551615\n")
        let cell = try #require(try Fixtures.load(["01-kx.md": lesson]).first?.modelCells.first)
        let live = try LiveCell(cell, seed: 9_007_199_254_740_993)
        #expect(live.main.config.seed == 9_007_199_254_740_993)
        #expect(live.value(of: .seed) == .whole(9_007_199_254_740_993))
        #expect(try LiveCell(cell).main.config.seed == .max)
    }
}
