/// A box around a rectangle, box drawing (`┌─┐`) or ASCII (`+-+`), with an optional
/// title in the top edge: `┌ loss ─────┐`.
public struct Border: Sendable {
    public var title: String
    public var glyphs: GlyphSet
    public var style: Style
    public var titleStyle: Style

    public init(title: String = "", glyphs: GlyphSet = .unicode, style: Style = .plain,
                titleStyle: Style = Style(bold: true)) {
        self.title = title
        self.glyphs = glyphs
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The inside of the border for `area` (one cell in on every side).
    public func inner(_ area: Rect) -> Rect { area.inset(1) }

    /// Draws the box on the edge of `area`; a title too long loses whole words from its
    /// end (`WordFit`), so a number in it is never cut. Areas under 2×2 get no box.
    public func render(into grid: inout CellGrid, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = glyphs
        let x1 = area.maxX - 1, y1 = area.maxY - 1
        for x in area.x + 1..<x1 {
            grid.set(x, area.y, g.horizontal, style: style, clip: area)
            grid.set(x, y1, g.horizontal, style: style, clip: area)
        }
        for y in area.y + 1..<y1 {
            grid.set(area.x, y, g.vertical, style: style, clip: area)
            grid.set(x1, y, g.vertical, style: style, clip: area)
        }
        grid.set(area.x, area.y, g.topLeft, style: style, clip: area)
        grid.set(x1, area.y, g.topRight, style: style, clip: area)
        grid.set(area.x, y1, g.bottomLeft, style: style, clip: area)
        grid.set(x1, y1, g.bottomRight, style: style, clip: area)
        if !title.isEmpty, area.width >= 5 {
            let room = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
            grid.set(room.x, room.y, " ", style: style, clip: room)
            let shown = WordFit.fit(glyphs.displayable(title), width: room.width - 2, glyphs: glyphs)
            let used = grid.write(shown, x: room.x + 1, y: room.y, style: titleStyle,
                                  clip: room.inset(right: 1))
            if room.x + 1 + used < room.maxX { grid.set(room.x + 1 + used, room.y, " ", style: style, clip: room) }
        }
    }
}
