/// How the student is looking at the page's panels: which one has focus (`f`), whether
/// it fills the panel area (`z`), which of its maps comes first (`<` `>`), how far its
/// rows are scrolled from the default window (PgUp/PgDn), and the cursor (arrows) in
/// the window's coordinates. A fresh page starts with nothing focused.
public struct PanelView: Equatable, Sendable {
    /// Index into the cell's panels; nil: no panel has focus, keys act on the page.
    public var focused: Int?
    public var zoomed = false
    /// The map the cursor is in (attention layer·head, gate), counted over the panel's
    /// maps; nil: the panel's default (the first head, the forget or update gate).
    public var map: Int?
    /// Rows (positions, units) scrolled from the default window: negative goes up.
    public var scroll = 0
    /// The cursor's row and column inside the window shown.
    public var row = 0
    public var column = 0
    /// Weight and gradient maps scaled to this step's largest entry instead of the
    /// largest so far in the run (`m`); kept when focus moves or the page turns.
    public var perStepScale = false

    public init() {}

    /// Nothing focused, zoomed or moved; the scale choice kept.
    var cleared: PanelView {
        var next = PanelView()
        next.perStepScale = perStepScale
        return next
    }

    /// The view with focus moved to the next of `count` panels (after the last: none).
    func focusingNext(of count: Int) -> PanelView {
        var next = cleared
        let index = (focused ?? -1) + 1
        next.focused = index < count ? index : nil
        next.zoomed = zoomed && next.focused != nil
        return next
    }
}
