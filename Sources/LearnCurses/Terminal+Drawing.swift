import CNCurses
import LearnRender

extension Terminal {
    /// Shows `grid`: writes only the runs that differ from the frame drawn before
    /// (`ScreenDiff`), all of it after a resize or the first time, then updates the screen
    /// once. Cells beyond the terminal's edge are clipped; a wide grapheme cut by the
    /// right edge shows as a space.
    public func draw(_ grid: CellGrid) {
        precondition(isOpen, "Terminal.draw after close()")
        guard let window else { return }
        let columns = Int(cn_cols())
        let rows = Int(cn_lines())
        var base = previous
        if needsFullRedraw || base?.width != grid.width || base?.height != grid.height {
            base = nil
            werase(window)
            clearok(window, true)
        }
        for run in ScreenDiff.runs(from: base, to: grid) where run.y < rows && run.x < columns {
            var line: [cchar_t] = []
            line.reserveCapacity(run.cells.count)
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
                let column = run.x + i
                guard column < columns else { break }
                let wide = i + 1 < run.cells.count && run.cells[i + 1].isContinuation
                append(cell, columns: wide ? 2 : 1, fits: column + (wide ? 2 : 1) <= columns, to: &line)
            }
            if wmove(window, Int32(run.y), Int32(run.x)) == OK {
                wadd_wchnstr(window, line, Int32(line.count))
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = grid
        needsFullRedraw = false
    }

    /// Appends the curses cells for `cell`, which the grid gives `columns` columns.
    ///
    /// Curses advances by `wcwidth` of the first scalar; where that disagrees with the
    /// grid (or the grapheme does not fit), a replacement keeps every later column in
    /// place: `?` for what curses cannot show, a space after a wide grapheme that curses
    /// measures as narrow, a space for a wide grapheme cut by the right edge.
    private func append(_ cell: Cell, columns: Int, fits: Bool, to line: inout [cchar_t]) {
        let rendition = self.rendition(for: cell.style)
        var text: [wchar_t] = []
        var measured = 1
        if fits, let first = cell.text.unicodeScalars.first {
            let lead = wchar_t(bitPattern: first.value)
            measured = Int(cn_wcwidth(lead))
            if measured >= 1 && measured <= columns {
                text.append(lead)
                let limit = Int(cn_cchar_max())
                for mark in cell.text.unicodeScalars.dropFirst() where text.count < limit {
                    let scalar = wchar_t(bitPattern: mark.value)
                    if cn_wcwidth(scalar) == 0 { text.append(scalar) }
                }
            }
        }
        if text.isEmpty {
            text = [wchar_t(fits ? 0x3F : 0x20)]
            measured = 1
        }
        line.append(makeCell(text, rendition))
        for _ in measured..<columns {
            line.append(makeCell([0x20], rendition))
        }
    }

    private func makeCell(_ text: [wchar_t], _ rendition: Rendition) -> cchar_t {
        var cell = cchar_t()
        var terminated = text
        terminated.append(0)
        _ = cn_setcchar(&cell, terminated, rendition.attributes, rendition.pair)
        return cell
    }

    /// Curses attributes and colour pair for `style`, with its colours lowered to what the
    /// terminal has; cached per style.
    func rendition(for style: Style) -> Rendition {
        if let known = renditions[style] { return known }
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.dim { attributes |= cn_a_dim() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.underline { attributes |= cn_a_underline() }
        var pair: Int32 = 0
        if colorTier != .none, style.foreground != nil || style.background != nil {
            let fallback = hasDefaultColors ? (-1, -1) : (7, 0)
            let key = ColorPairs.Key(
                foreground: style.foreground.map { ColorLowering.number(for: $0, colorCount: colorCount) }
                    ?? fallback.0,
                background: style.background.map { ColorLowering.number(for: $0, colorCount: colorCount) }
                    ?? fallback.1)
            pair = Int32(colorPairs.pair(for: key) { pair, foreground, background in
                init_extended_pair(Int32(pair), Int32(foreground), Int32(background)) == OK
            })
        }
        let rendition = Rendition(attributes: attributes, pair: pair)
        renditions[style] = rendition
        return rendition
    }
}
