/// Keys that look closer at the panels: `f` focuses the next panel, `z` zooms the focused
/// one to the whole panel area, Esc steps back (zoom, then focus). While a panel has
/// focus, the arrows move its cursor, `<` `>` switch its map and PgUp/PgDn move its
/// window; the status line says what is under the cursor. `m` switches weight and
/// gradient maps between a scale held over the run and one per step.
extension Notebook {
    /// Handles `key` if it is a panel key now; false leaves it to the page.
    func handlePanelKey(_ key: Key) -> Bool {
        let panels = liveCell?.cell.panels ?? []
        switch key {
        case .char("f"):
            guard !panels.isEmpty else { state.message = look.tr("this page has no panels"); return true }
            state.view = state.view.focusingNext(of: panels.count)
            state.focus = .panels
            return true
        case .char("z"):
            guard !panels.isEmpty else { state.message = look.tr("this page has no panels"); return true }
            if state.view.focused == nil { state.view.focused = 0 }
            state.view.zoomed.toggle()
            state.focus = .panels
            return true
        case .char("m"):
            guard panels.contains(where: { $0 == .weights || $0 == .grads }) else {
                state.message = look.tr("no weight or gradient maps on this page")
                return true
            }
            state.view.perStepScale.toggle()
            state.message = look.tr(state.view.perStepScale ? "maps scaled to this step's largest entry"
                                                            : "maps hold one scale: the largest entry so far in the run")
            return true
        case .tab where state.view.focused != nil:
            state.view = state.view.cleared
            return false
        case .escape where state.view.zoomed:
            state.view.zoomed = false
            return true
        case .escape where state.view.focused != nil:
            state.view = state.view.cleared
            return true
        default:
            break
        }
        guard state.view.focused != nil else { return false }
        let shown = focusedReadout
        switch key {
        case .up: state.view.row = max(0, min(state.view.row, (shown?.rows ?? 1) - 1) - 1)
        case .down: state.view.row = min(state.view.row + 1, max(0, (shown?.rows ?? 1) - 1))
        case .left: state.view.column = max(0, min(state.view.column, (shown?.columns ?? 1) - 1) - 1)
        case .right: state.view.column = min(state.view.column + 1, max(0, (shown?.columns ?? 1) - 1))
        case .char("<"), .char(">"):
            let maps = shown?.maps ?? 1
            guard maps > 1 else { state.message = look.tr("this panel has one map"); return true }
            let now = state.view.map ?? shown?.map ?? 0
            state.view.map = (now + (key == .char(">") ? 1 : maps - 1)) % maps
        case .pageUp, .pageDown:
            guard let shown, shown.scroll.count > 1 else { state.message = look.tr("the whole panel is on screen"); return true }
            let step = key == .pageUp ? -shown.page : shown.page
            state.view.scroll = min(max(state.view.scroll + step, shown.scroll.lowerBound), shown.scroll.upperBound)
        default: return false
        }
        return true
    }

}
