import LearnRender

/// What changed between two frames, as horizontal runs of cells to redraw.
///
/// A cell is *changed* when `previous[x, y] != next[x, y]`. A wide grapheme is one unit on
/// the terminal: writing over either half erases the whole of it. So a changed column
/// also pulls in its neighbour whenever the two share a wide grapheme in either frame:
///
///     changed(x) ∧ (previous[x] or next[x] is a continuation)     ⇒ redraw x − 1
///     changed(x) ∧ (previous[x+1] or next[x+1] is a continuation) ⇒ redraw x + 1
///
/// The pull is applied until nothing more is added, then adjacent columns are merged into
/// runs. A run therefore never starts on a continuation cell and never ends on a lead
/// cell whose continuation it leaves out. Without a previous frame, or when the size
/// changed, every row is one run.
public enum ScreenDiff {
    /// Cells to draw from column `x` of row `y`; `cells` holds every column of the run,
    /// continuation cells included (the drawer skips them, as its wide writes cover them).
    public struct Run: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]

        public init(x: Int, y: Int, cells: [Cell]) {
            self.x = x
            self.y = y
            self.cells = cells
        }
    }

    /// The runs that turn the screen showing `previous` into one showing `next`, in row
    /// order, left to right.
    public static func runs(from previous: CellGrid?, to next: CellGrid) -> [Run] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            return (0..<next.height).compactMap { y in
                next.width == 0 ? nil : Run(x: 0, y: y, cells: row(next, y, 0..<next.width))
            }
        }
        var runs: [Run] = []
        var marked = [Bool](repeating: false, count: next.width)
        for y in 0..<next.height {
            var any = false
            for x in 0..<next.width {
                marked[x] = previous[x, y] != next[x, y]
                any = any || marked[x]
            }
            guard any else { continue }
            widenOverWideGraphemes(&marked, previous, next, y)
            var x = 0
            while x < next.width {
                guard marked[x] else { x += 1; continue }
                let start = x
                while x < next.width, marked[x] { x += 1 }
                runs.append(Run(x: start, y: y, cells: row(next, y, start..<x)))
            }
        }
        return runs
    }

    /// Marks the other half of every wide grapheme (old or new) that a marked column cuts.
    /// Marks only spread outwards, so a pass left to right then right to left settles it:
    /// a continuation pulls its lead (leftwards), a lead pulls its continuation (rightwards).
    private static func widenOverWideGraphemes(_ marked: inout [Bool], _ previous: CellGrid,
                                               _ next: CellGrid, _ y: Int) {
        let width = next.width
        func continuation(_ x: Int) -> Bool {
            x < width && (previous[x, y].isContinuation || next[x, y].isContinuation)
        }
        var changed = true
        while changed {
            changed = false
            for x in 0..<width where marked[x] {
                if x + 1 < width, !marked[x + 1], continuation(x + 1) {
                    marked[x + 1] = true
                    changed = true
                }
            }
            for x in stride(from: width - 1, through: 1, by: -1) where marked[x] {
                if !marked[x - 1], continuation(x) {
                    marked[x - 1] = true
                    changed = true
                }
            }
        }
    }

    private static func row(_ grid: CellGrid, _ y: Int, _ columns: Range<Int>) -> [Cell] {
        columns.map { grid[$0, y] }
    }
}
