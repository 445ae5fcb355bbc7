import Foundation
import LearnLessons
import LearnModels
import LearnRender

/// The notebook drawn as a cell grid: header, page text, live panels, status line, and
/// the overlays. `learn render` prints exactly this grid; the terminal draws its changes.
extension Notebook {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width, text and panels sit side by side.
    public static let sideBySideWidth = 100

    public func frame(width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        // Throttled only while training: a paused frame always shows the current step.
        let interval = isTraining ? inspectionInterval : nil
        _ = whenFree { $0.refreshInterval = interval }
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            tooSmall(into: &grid)
            return grid
        }
        header(into: &grid, area: Rect(x: 0, y: 0, width: width, height: 1))
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        page(into: &grid, area: body)
        status(into: &grid, area: Rect(x: 0, y: height - 1, width: width, height: 1))
        if let overlay = state.overlay { draw(overlay, into: &grid, area: body) }
        return grid
    }

    private func tooSmall(into grid: inout CellGrid) {
        let lines = [look.tr("terminal too small"), look.tr("need %@×%@", Self.minimumWidth, Self.minimumHeight),
                     look.tr("have %@×%@", grid.width, grid.height), look.tr("q quits")]
        for (i, line) in lines.map(look.text).enumerated() {
            let y = grid.height / 2 - 2 + i
            grid.write(line, x: max(0, (grid.width - DisplayWidth.of(line)) / 2), y: y)
        }
    }

    private func header(into grid: inout CellGrid, area: Rect) {
        grid.fill(area, with: Cell(" ", style: Look.header))
        let lesson = currentLesson
        let left = look.text(" learn · \(twoDigits(lesson.number)) \(lesson.title)")
        let right = look.tr("page %@/%@", state.page + 1, max(1, lesson.pages.count)) + " "
        let rightWidth = DisplayWidth.of(right)
        grid.write(left, x: 0, y: area.y, style: Look.header, clip: area.inset(right: rightWidth + 1))
        grid.write(right, x: area.maxX - rightWidth, y: area.y, style: Look.header, clip: area)
    }

    private func page(into grid: inout CellGrid, area: Rect) {
        let panels = liveCell?.cell.panels ?? []
        let hasPanels = liveCell != nil || liveCellError != nil
        if !hasPanels {
            text(into: &grid, area: area.inset(right: 1, left: 1))
        } else if area.width >= Self.sideBySideWidth {
            let halves = area.columns([.ratio(2), .ratio(3)], spacing: 1)
            text(into: &grid, area: halves[0].inset(left: 1))
            live(panels, into: &grid, area: halves[1])
        } else if area.height >= 36 {
            let halves = area.rows([.ratio(2), .ratio(3)])
            text(into: &grid, area: halves[0].inset(right: 1, left: 1))
            live(panels, into: &grid, area: halves[1])
        } else if state.focus == .text {
            text(into: &grid, area: area.inset(right: 1, left: 1))
            // Drawn now, while the cell is free, so Tab can show them at once even if a
            // slow step holds the cell then.
            if liveCell != nil { refreshLive(panels, area: area, onlyIfStale: true) }
        } else {
            live(panels, into: &grid, area: area)
        }
    }

    private func text(into grid: inout CellGrid, area: Rect) {
        let markdown = PageText.markdown(for: self)
        if wrappedText?.markdown != markdown || wrappedText?.width != area.width {
            wrappedText = (markdown, area.width, TextBlock(markdown: markdown, glyphs: look.glyphs).lines(width: area.width))
        }
        let wrapped = wrappedText?.lines ?? []
        if let target = scrollTarget {
            scrollTarget = nil
            state.scroll = max(0, (Self.firstLine(holding: target, in: wrapped) ?? 0) - 2)
        }
        let lines = wrapped.count
        guard lines > area.height, area.height > 1 else {
            scrollLimit = 0
            return TextBlock.render(Self.marking(state.search?.query, in: wrapped), scrollOffset: 0, into: &grid, area: area)
        }
        // Longer than the pane: the last row says where we are.
        let page = area.inset(bottom: 1)
        scrollLimit = lines - page.height
        let scroll = min(state.scroll, scrollLimit)
        TextBlock.render(Self.marking(state.search?.query, in: wrapped), scrollOffset: scroll, into: &grid, area: page)
        let below = lines - scroll - page.height
        let arrow = look.glyphs.isUnicode ? "↓" : "v"
        let marker = look.text(below > 0 ? look.tr("%@ more lines %@ (j)", below, arrow) : look.tr("end of page · → next"))
        grid.write(marker, x: area.maxX - DisplayWidth.of(marker), y: area.maxY - 1, style: Look.dim, clip: area)
    }

    private func live(_ panels: [PanelName], into grid: inout CellGrid, area: Rect) {
        if let error = liveCellError {
            grid.write(look.text(look.tr("this cell cannot run: %@", error)), x: area.x, y: area.y, style: Look.alert, clip: area)
            return
        }
        guard liveCell != nil else { return }
        refreshLive(panels, area: area, onlyIfStale: false)
        if let last = lastLive, last.key == pageKey, last.area == area {
            grid.paste(last.grid, at: area)
        }
    }

    /// Draws the panels into a grid of their own and keeps it: while a step holds the
    /// cell, the frame shows the panels as last drawn. When those no longer fit (another
    /// size, page or view: Tab, f, z), the frame waits briefly for the step under way, or
    /// a model training flat out would leave the panels blank.
    private func refreshLive(_ panels: [PanelName], area: Rect, onlyIfStale: Bool) {
        let fits = lastLive.map { $0.key == pageKey && $0.area == area && $0.view == state.view } ?? false
        if fits && onlyIfStale { return }
        if let drawn = whenFree(waiting: fits || onlyIfStale ? 0 : 0.25, { cell -> (CellGrid, LiveCell.Summary, PanelReadout?) in
            var own = CellGrid(width: area.width, height: area.height)
            let readout = livePanels(cell, panels, into: &own, area: own.bounds)
            return (own, cell.summary, readout)
        }) {
            lastLive = (pageKey, area, state.view, drawn.0, drawn.1)
            focusedReadout = drawn.2
        }
    }

    private func livePanels(_ cell: LiveCell, _ panels: [PanelName], into grid: inout CellGrid, area: Rect) -> PanelReadout? {
        var panelArea = area
        if let divergence = cell.divergence {
            let banner = Rect(x: area.x, y: area.y, width: area.width, height: 1)
            grid.fill(banner, with: Cell(" ", style: Look.alert))
            // The step that broke did not finish: the panels show the one before it.
            let what = divergence.place == .loss ? "loss" : divergence.tensor
            grid.write(look.text(look.tr(" diverged in step %@: %@ became %@ · showing step %@ · r resets", divergence.step, what, divergence.value, cell.step)),
                       x: area.x, y: area.y,
                       style: Look.alert, clip: banner)
            panelArea = area.inset(top: 1)
        }
        return Panels(live: cell, look: look, heldScale: !state.view.perStepScale).render(panels, into: &grid, area: panelArea, view: state.view)
    }

    private func status(into grid: inout CellGrid, area: Rect) {
        grid.fill(area, with: Cell(" ", style: Look.status))
        var left = " "
        if liveCell != nil, let now = summary {
            let glyph = look.glyphs.isUnicode ? (isTraining ? "▶" : "⏸") : (isTraining ? ">" : "=")
            let word = now.divergence != nil ? "diverged" : isTraining ? (now.isRewound ? "replaying" : "training")
                : now.isRewound ? "rewound" : now.isDone ? "done" : "paused"
            left += "\(glyph) \(look.tr(word))  " + look.tr("step %@/%@", now.step, now.steps)
            if let loss = now.loss { left += "  " + look.tr("loss %@", Format.number(loss)) }
            left += "  " + look.tr("lr %@", Format.number(now.lr))
            left += "  " + look.tr("pace ≤%@ steps/s", Format.number(Speed.stepsPerSecond(state.speed)))
            if isTraining, let fps = framesPerSecond { left += "  " + look.tr("%@ fps", Format.fixed(fps, 0)) }
        }
        if let message = state.message {
            left += "  · " + message
        } else if state.view.focused != nil, let readout = focusedReadout {
            left = " " + readout.text
        }
        left = look.text(left)
        let hints = look.text(keyHints)
        let hintWidth = DisplayWidth.of(hints)
        grid.write(left, x: area.x, y: area.y, style: Look.status, clip: area)
        // The key hints only where they fit beside the whole status.
        if DisplayWidth.of(left) + 2 + hintWidth <= area.width {
            grid.write(hints, x: area.maxX - hintWidth, y: area.y, style: Look.status, clip: area)
        }
    }

    /// The keys that matter now, at the right of the status line.
    private var keyHints: String {
        if let prediction = pendingPrediction { return look.tr("1–%@ predict first, then it runs  ? help ", prediction.choices.count) }
        guard liveCell != nil, let now = summary else { return look.tr("→ next  ← back  t contents  ? help  q quit ") }
        if isTraining { return look.tr("space pause  , < scrub back  k knobs  ? help ") }
        if now.isRewound { return look.tr("space replays  k branches  , . < > scrub  ? help ") }
        if now.divergence != nil { return look.tr("r restart  , < scrub back  k knobs  ? help ") }
        if now.isDone { return look.tr("space goes on  r restart  , < scrub  k knobs  ? help ") }
        return look.tr("space run  s step  r restart  , < scrub  k knobs  ? help ")
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The lines with each match of a search (ignoring case, within a line) in reverse video.
    static func marking(_ query: String?, in lines: [[Cell]]) -> [[Cell]] {
        guard let query, !query.isEmpty else { return lines }
        let needle = query.map { String($0).lowercased() }
        return lines.map { line in
            guard line.count >= needle.count else { return line }
            var marked = line
            for start in 0...(line.count - needle.count)
            where needle.indices.allSatisfy({ line[start + $0].text.lowercased() == needle[$0] }) {
                for i in start..<(start + needle.count) { marked[i].style = Look.selected }
            }
            return marked
        }
    }

    /// The first wrapped line holding `text` (ignoring case), or its start when the text
    /// is broken across lines.
    static func firstLine(holding text: String, in lines: [[Cell]]) -> Int? {
        let texts = lines.map { $0.map(\.text).joined().lowercased() }
        let needle = text.lowercased()
        return texts.firstIndex { $0.contains(needle) } ?? texts.firstIndex { $0.contains(String(needle.prefix(3))) }
    }
}
