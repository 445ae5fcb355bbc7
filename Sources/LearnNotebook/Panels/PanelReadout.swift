/// What the focused panel shows under its cursor, in words and numbers, and the size of
/// what it shows, so keys can keep the cursor and the window inside it.
public struct PanelReadout: Equatable, Sendable {
    /// The status line's readout, e.g. `L1 H2 · query "e" (8) → key "g" (4) · weight 0.41`.
    public var text: String
    /// The cursor's room: rows and columns of the window shown.
    public var rows: Int
    public var columns: Int
    /// How many maps the panel can switch between (`<` `>`).
    public var maps: Int
    /// The map the cursor is in.
    public var map = 0
    /// The scroll offsets the window allows (PgUp/PgDn), and one page of it.
    public var scroll: ClosedRange<Int>
    public var page: Int

    public init(text: String, rows: Int = 1, columns: Int = 1, maps: Int = 1, scroll: ClosedRange<Int> = 0...0, page: Int = 1) {
        self.text = text
        self.rows = rows
        self.columns = columns
        self.maps = maps
        self.scroll = scroll
        self.page = page
    }
}

/// `shown` consecutive items of `total` (rows of a map, units of a gate), starting where
/// the panel prefers (`preferred`: e.g. the answer rows at the end) moved by `scroll`.
struct Window {
    let start: Int
    let shown: Int
    let total: Int
    let preferred: Int

    init(total: Int, room: Int, preferred: Int, scroll: Int) {
        self.total = total
        shown = max(0, min(total, max(1, room)))
        let last = max(0, total - shown)
        self.preferred = min(max(preferred, 0), last)
        start = min(max(self.preferred + scroll, 0), last)
    }

    var range: Range<Int> { start..<(start + shown) }
    /// The scroll offsets that move the window without leaving the items.
    var scroll: ClosedRange<Int> { -preferred...(max(0, total - shown) - preferred) }
    var isWhole: Bool { shown == total }
}
