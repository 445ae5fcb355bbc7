import LearnRender
import Testing

@testable import LearnCurses

@Suite struct ColorLoweringTests {
    @Test func everyColourIsItselfWith256() {
        #expect(ColorLowering.number(for: .indexed(196), colorCount: 256) == 196)
        #expect(ColorLowering.number(for: .basic(12), colorCount: 256) == 12)
    }

    @Test func cubeAndGreysFollowXtermDefaults() {
        #expect(ColorLowering.rgb(ofIndexed: 16) == (0, 0, 0))
        #expect(ColorLowering.rgb(ofIndexed: 196) == (255, 0, 0))
        #expect(ColorLowering.rgb(ofIndexed: 110) == (135, 175, 215))
        #expect(ColorLowering.rgb(ofIndexed: 232) == (8, 8, 8))
        #expect(ColorLowering.rgb(ofIndexed: 255) == (238, 238, 238))
    }

    @Test func indexedColoursBecomeTheNearestOfEight() {
        #expect(ColorLowering.number(for: .indexed(196), colorCount: 8) == 1)  // red
        #expect(ColorLowering.number(for: .indexed(21), colorCount: 8) == 4)   // blue
        #expect(ColorLowering.number(for: .indexed(46), colorCount: 8) == 2)   // green
        #expect(ColorLowering.number(for: .indexed(231), colorCount: 8) == 7)  // white
        #expect(ColorLowering.number(for: .indexed(16), colorCount: 8) == 0)   // black
        #expect(ColorLowering.number(for: .indexed(244), colorCount: 8) == 7)  // mid grey
        #expect(ColorLowering.number(for: .indexed(236), colorCount: 8) == 0)  // dark grey
        #expect(ColorLowering.number(for: .indexed(52), colorCount: 8) == 1)   // dark red stays red
        #expect(ColorLowering.number(for: .indexed(17), colorCount: 8) == 4)   // dark blue stays blue
        #expect(ColorLowering.number(for: .indexed(224), colorCount: 8) == 7)  // pale pink is near white
    }

    @Test func sixteenColourTerminalsKeepBrightColoursAndGrey() {
        #expect(ColorLowering.number(for: .indexed(244), colorCount: 16) == 8)
        #expect(ColorLowering.number(for: .basic(9), colorCount: 16) == 9)
        #expect(ColorLowering.number(for: .indexed(9), colorCount: 16) == 9)
    }

    @Test func brightBasicColoursDropToTheirDarkTwinWithEight() {
        #expect(ColorLowering.number(for: .basic(9), colorCount: 8) == 1)
        #expect(ColorLowering.number(for: .indexed(15), colorCount: 8) == 7)
        #expect(ColorLowering.number(for: .basic(3), colorCount: 8) == 3)
    }
}

@Suite struct ColorPairsTests {
    typealias Key = ColorPairs.Key

    @Test func pairsAreHandedOutInOrderAndCached() {
        var pairs = ColorPairs(limit: 64)
        var made: [[Int]] = []
        let record: (Int, Int, Int) -> Bool = { made.append([$0, $1, $2]); return true }
        #expect(pairs.pair(for: Key(foreground: 1, background: -1), initialize: record) == 1)
        #expect(pairs.pair(for: Key(foreground: 4, background: 7), initialize: record) == 2)
        #expect(pairs.pair(for: Key(foreground: 1, background: -1), initialize: record) == 1)
        #expect(made == [[1, 1, -1], [2, 4, 7]])
    }

    @Test func defaultColoursArePairZero() {
        var pairs = ColorPairs(limit: 64)
        #expect(pairs.pair(for: Key(foreground: -1, background: -1)) { _, _, _ in
            Issue.record("pair 0 must not be initialised")
            return true
        } == 0)
    }

    @Test func whenPairsRunOutTheForegroundIsKeptIfPossible() {
        var pairs = ColorPairs(limit: 3)
        let accept: (Int, Int, Int) -> Bool = { _, _, _ in true }
        #expect(pairs.pair(for: Key(foreground: 1, background: -1), initialize: accept) == 1)
        #expect(pairs.pair(for: Key(foreground: 2, background: 3), initialize: accept) == 2)
        // Full: (1, 5) falls back to the existing (1, default); (6, 5) has nothing left.
        #expect(pairs.pair(for: Key(foreground: 1, background: 5), initialize: accept) == 1)
        #expect(pairs.pair(for: Key(foreground: 6, background: 5), initialize: accept) == 0)
    }

    @Test func aPairCursesRefusesIsNotCached() {
        var pairs = ColorPairs(limit: 8)
        #expect(pairs.pair(for: Key(foreground: 300, background: -1)) { _, _, _ in false } == 0)
        #expect(pairs.pair(for: Key(foreground: 2, background: -1)) { _, _, _ in true } == 1)
    }
}
