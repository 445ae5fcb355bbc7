/// A canvas of dots finer than cells: braille gives 2 × 4 dots per cell (Unicode),
/// the ASCII set 1 × 3 (`'` top, `-` middle, `.` bottom, `:` top and bottom, `|` all).
///
/// Dot (px, py) has py = 0 at the top. Each cell remembers the colour of the last series
/// that drew in it. Drawing outside the canvas is ignored.
public struct DotCanvas: Sendable {
    public let columns: Int
    public let rows: Int
    /// Dots per cell across and down.
    public let dotsX: Int
    public let dotsY: Int
    public let unicode: Bool
    private var bits: [UInt8]
    private var colors: [Int16]

    public init(columns: Int, rows: Int, glyphs: GlyphSet) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        unicode = glyphs.isUnicode
        dotsX = unicode ? 2 : 1
        dotsY = unicode ? 4 : 3
        bits = [UInt8](repeating: 0, count: self.columns * self.rows)
        colors = [Int16](repeating: -1, count: self.columns * self.rows)
    }

    public var width: Int { columns * dotsX }
    public var height: Int { rows * dotsY }

    /// Braille dot bits by (column, row) inside a cell: rows 0…2 of the left column are
    /// 0x01 0x02 0x04, of the right column 0x08 0x10 0x20; row 3 is 0x40 (left), 0x80 (right).
    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets dot (`px`, `py`) with colour index `color`.
    @inline(__always)
    public mutating func set(_ px: Int, _ py: Int, color: Int = 0) {
        guard px >= 0, py >= 0, px < width, py < height else { return }
        let cx = px / dotsX, cy = py / dotsY
        let i = cy * columns + cx
        bits[i] |= unicode ? DotCanvas.brailleBits[px % 2][py % 4] : UInt8(1 << (py % 3))
        colors[i] = Int16(color)
    }

    /// Draws the straight dot line from (x0, y0) to (x1, y1) (Bresenham), clipped.
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, color: Int = 0) {
        // The walk visits every dot between the ends; ends absurdly far outside would make it
        // long, so such a line is dropped (widgets only pass clamped points).
        let far = 16 * (width + height) + 64
        guard abs(x0) < far, abs(x1) < far, abs(y0) < far, abs(y1) < far else { return }
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, color: color)
            if x == x1 && y == y1 { return }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Draws a vertical dot run at column `px` from `y0` to `y1` (either order), clipped.
    public mutating func vertical(_ px: Int, _ y0: Int, _ y1: Int, color: Int = 0) {
        let lo = max(0, min(y0, y1)), hi = min(height - 1, max(y0, y1))
        guard lo <= hi else { return }
        for y in lo...hi { set(px, y, color: color) }
    }

    /// The glyph for ASCII dot bits (top 1, middle 2, bottom 4).
    private static let asciiGlyphs: [Character] = [" ", "'", "-", "'", ".", ":", ".", "|"]

    /// Draws the non-empty cells into `grid` with their top-left at `origin`, each in
    /// `palette[color]` (cycled), clipped to `clip`.
    public func render(into grid: inout CellGrid, x originX: Int, y originY: Int, palette: [Color], clip: Rect) {
        for cy in 0..<rows {
            for cx in 0..<columns {
                let i = cy * columns + cx
                let b = bits[i]
                if b == 0 { continue }
                let glyph = unicode ? Character(Unicode.Scalar(0x2800 + UInt32(b))!) : DotCanvas.asciiGlyphs[Int(b & 7)]
                let c = Int(colors[i])
                let style = palette.isEmpty || c < 0 ? Style.plain : Style(foreground: palette[c % palette.count])
                grid.set(originX + cx, originY + cy, glyph, style: style, clip: clip)
            }
        }
    }
}
