/// A rectangle of cells: what every widget draws into and what the terminal shows.
///
/// A value type, so a frame can be compared with the previous one (the terminal layer
/// draws only the difference) and with a golden text in tests. Nothing ever writes past
/// its edge: every writer clips.
public struct CellGrid: Equatable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Sets one cell, clipped to the grid. A wide grapheme needs two columns; where the
    /// second is outside `clip` it is replaced by a space. Overwriting half of an existing
    /// wide grapheme blanks its other half, so a wide character is never split.
    public mutating func set(_ x: Int, _ y: Int, _ grapheme: Character, style: Style = .plain,
                             clip: Rect? = nil) {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard x >= area.x, x < area.maxX, y >= area.y, y < area.maxY else { return }
        let w = DisplayWidth.of(grapheme)
        if w == 0 { return }
        if w == 2 && x + 1 >= area.maxX {
            place(x, y, Cell(" ", style: style))
            return
        }
        place(x, y, Cell(String(grapheme), style: style))
        if w == 2 { place(x + 1, y, Cell("", style: style)) }
    }

    /// Copies `other` with its top-left corner at `area`'s, clipped to `area` and the grid.
    public mutating func paste(_ other: CellGrid, at area: Rect) {
        let target = area.intersection(bounds)
        for y in target.y..<target.maxY where y - area.y < other.height {
            for x in target.x..<target.maxX where x - area.x < other.width {
                cells[y * width + x] = other[x - area.x, y - area.y]
            }
        }
    }

    /// Writes `text` from (`x`, `y`) on one line, clipped to `clip` (or the grid).
    /// Returns the number of columns advanced.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain,
                               clip: Rect? = nil) -> Int {
        var column = x
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            set(column, y, grapheme, style: style, clip: clip)
            column += w
        }
        return column - x
    }

    /// Fills `rect` (clipped) with `cell`. A wide grapheme is laid in pairs of columns
    /// (a lone last column gets a space); a continuation or zero-width cell fills with spaces.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cellWidth = DisplayWidth.of(cell.text)
        if cellWidth == 1 {
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX { place(x, y, cell) }
            }
            return
        }
        let grapheme: Character = cellWidth == 2 ? cell.text.first ?? " " : " "
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                set(x, y, grapheme, style: cell.style, clip: area)
                x += cellWidth == 2 ? 2 : 1
            }
        }
    }

    /// Changes the style of the cells in `rect` (clipped), keeping their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { change(&cells[y * width + x].style) }
        }
    }

    /// Copies `other` with its top-left corner at (`x`, `y`), clipped to `clip` (or the grid).
    public mutating func blit(_ other: CellGrid, x: Int, y: Int, clip: Rect? = nil) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                let cell = other[column, row]
                if cell.isContinuation { continue }
                if let g = cell.text.first { set(x + column, y + row, g, style: cell.style, clip: clip) }
            }
        }
    }

    private mutating func place(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        // Never leave half of a wide grapheme behind.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        if x + 1 < width, cells[i + 1].isContinuation, !cells[i].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// The grid's rows as plain text, without styles; continuation cells add nothing.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            line.reserveCapacity(width)
            for x in 0..<width { line += cells[y * width + x].text }
            return line
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
