import LearnRender
import Testing

@testable import LearnCurses

@Suite struct ScreenDiffTests {
    /// A grid from text lines (wide graphemes take two columns), padded with spaces.
    func grid(_ lines: [String], width: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { grid.write(line, x: 0, y: y) }
        return grid
    }

    /// The runs as `x,y:text` (continuation cells add nothing), for readable expectations.
    func describe(_ runs: [ScreenDiff.Run]) -> [String] {
        runs.map { run in "\(run.x),\(run.y):" + run.cells.map(\.text).joined() }
    }

    @Test func withoutPreviousFrameEveryRowIsOneRun() {
        let next = grid(["ab", "c我"], width: 3)
        #expect(describe(ScreenDiff.runs(from: nil, to: next)) == ["0,0:ab ", "0,1:c我"])
    }

    @Test func identicalFramesNeedNothing() {
        let frame = grid(["hello", "我爱你"], width: 6)
        #expect(ScreenDiff.runs(from: frame, to: frame).isEmpty)
    }

    @Test func separateChangesAreSeparateRunsAndNeighboursMerge() {
        let before = grid(["abcdefgh", "abcdefgh"], width: 8)
        let after = grid(["aXcdeYZh", "abcdefgh"], width: 8)
        #expect(describe(ScreenDiff.runs(from: before, to: after)) == ["1,0:X", "5,0:YZ"])
    }

    @Test func aStyleChangeAloneIsAChange() {
        let before = grid(["abc"], width: 3)
        var after = before
        after.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.bold = true }
        let runs = ScreenDiff.runs(from: before, to: after)
        #expect(describe(runs) == ["2,0:c"])
        #expect(runs.first?.cells.first?.style.bold == true)
    }

    @Test func aChangedWideLeadBringsItsContinuation() {
        let before = grid(["a我b"], width: 4)
        let after = grid(["a你b"], width: 4)
        let runs = ScreenDiff.runs(from: before, to: after)
        #expect(describe(runs) == ["1,0:你"])
        #expect(runs.first?.cells.count == 2)
    }

    @Test func aChangedContinuationBringsItsLead() {
        let before = grid(["a我b"], width: 4)
        var after = before
        after.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.underline = true }
        #expect(describe(ScreenDiff.runs(from: before, to: after)) == ["1,0:我"])
    }

    @Test func overwritingHalfOfAnOldWideGraphemeRedrawsTheOtherHalf() {
        // The terminal erases all of 我 when either half is written over.
        let before = grid(["我bc"], width: 4)
        var after = before
        after.set(1, 0, "x")
        #expect(after.lines == [" xbc"])
        #expect(describe(ScreenDiff.runs(from: before, to: after)) == ["0,0: x"])
    }

    @Test func widePullsChainAcrossNeighbours() {
        // Shifting wide graphemes by one column cuts every old one: the whole row redraws.
        let before = grid(["我爱你 "], width: 7)
        let after = grid([" 我爱你"], width: 7)
        #expect(describe(ScreenDiff.runs(from: before, to: after)) == ["0,0: 我爱你"])
    }

    @Test func aSizeChangeRedrawsEverything() {
        let before = grid(["ab"], width: 2)
        let after = grid(["ab", "cd"], width: 2)
        #expect(describe(ScreenDiff.runs(from: before, to: after)) == ["0,0:ab", "0,1:cd"])
    }

    @Test func runsNeverStartOnAContinuationNorCutAWideGrapheme() {
        var generator = SplitMix(seed: 7)
        let alphabet: [Character] = ["a", "b", "我", "爱", "你", "─", "⠿", " "]
        func randomGrid() -> CellGrid {
            var grid = CellGrid(width: 9, height: 3)
            for y in 0..<3 {
                for x in 0..<9 where generator.next() % 3 == 0 {
                    grid.set(x, y, alphabet[Int(generator.next() % UInt64(alphabet.count))])
                }
            }
            return grid
        }
        for _ in 0..<300 {
            let before = randomGrid()
            let after = randomGrid()
            var screen = TerminalScreen(before)
            for run in ScreenDiff.runs(from: before, to: after) {
                #expect(!run.cells[0].isContinuation)
                if let last = run.cells.last, !last.isContinuation {
                    #expect(DisplayWidth.of(last.text) < 2)
                }
                screen.apply(run)
            }
            #expect(screen.lines == after.lines)
        }
    }
}

/// A model of what a terminal shows: writing over either half of a wide grapheme blanks
/// the other half, as xterm and tmux do.
struct TerminalScreen {
    var rows: [[String]]

    init(_ grid: CellGrid) {
        rows = (0..<grid.height).map { y in (0..<grid.width).map { grid[$0, y].text } }
    }

    mutating func apply(_ run: ScreenDiff.Run) {
        for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
            put(run.x + i, run.y, cell.text)
        }
    }

    private mutating func put(_ x: Int, _ y: Int, _ text: String) {
        let wide = DisplayWidth.of(text) == 2
        for column in wide ? [x, x + 1] : [x] {
            if rows[y][column].isEmpty { rows[y][column - 1] = " " }
            if column + 1 < rows[y].count, rows[y][column + 1].isEmpty,
               DisplayWidth.of(rows[y][column]) == 2 {
                rows[y][column + 1] = " "
            }
        }
        rows[y][x] = text
        if wide { rows[y][x + 1] = "" }
    }

    var lines: [String] { rows.map { $0.joined() } }
}

/// SplitMix64: a fixed, seeded sequence of test grids.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
