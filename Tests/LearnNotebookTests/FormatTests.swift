@testable import LearnNotebook
import Testing

@Suite struct FormatTests {
    @Test(arguments: [(0.0, "0"), (1.0, "1"), (0.5, "0.5"), (0.08312, "0.08312"), (123.456, "123.5"),
                      (-2.5, "-2.5"), (1e-5, "1e-5"), (250000.0, "2.5e5"), (Double.nan, "NaN"), (Double.infinity, "inf")])
    func numbers(value: Double, text: String) {
        #expect(Format.number(value) == text)
    }

    @Test func fixedDecimals() {
        #expect(Format.fixed(3.14159, 2) == "3.14")
        #expect(Format.fixed(-0.5, 1) == "-0.5")
        #expect(Format.fixed(2, 0) == "2")
    }

    @Test func speedLevelsAreClamped() {
        #expect(Speed.stepsPerSecond(-5) == Speed.levels[0])
        #expect(Speed.stepsPerSecond(99) == Speed.levels.last)
    }
}
