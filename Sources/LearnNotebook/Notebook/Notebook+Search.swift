import LearnLessons
import LearnRender

/// `/`: type a word, see every page that holds it, Enter jumps to one; then `n` goes to
/// the next hit (round the course) and Esc ends the search.
extension Notebook {
    func handleSearchTyping(_ key: Key, query: String, selected: Int) {
        let hits = PageSearch.hits(for: query, in: lessons)
        switch key {
        case .escape: state.overlay = nil
        case .backspace: state.overlay = .search(query: String(query.dropLast()), selected: 0)
        case .down: state.overlay = .search(query: query, selected: min(selected + 1, max(0, hits.count - 1)))
        case .up: state.overlay = .search(query: query, selected: max(selected - 1, 0))
        case .enter:
            guard !hits.isEmpty else { return }
            state.overlay = nil
            state.search = NotebookState.Search(query: query, hits: hits, current: min(selected, hits.count - 1))
            jumpToSearchHit()
        case .char(let c) where !c.isNewline: state.overlay = .search(query: query + String(c), selected: 0)
        default: break
        }
    }

    /// While a search is being stepped through: `n` the next hit, Esc ends it.
    func handleSearchKey(_ key: Key) -> Bool {
        guard var search = state.search else { return false }
        switch key {
        case .char("n"):
            search.current = (search.current + 1) % search.hits.count
            state.search = search
            jumpToSearchHit()
            return true
        case .escape:
            state.search = nil
            state.message = look.tr("search ended")
            return true
        default:
            return false
        }
    }

    private func jumpToSearchHit() {
        guard let search = state.search else { return }
        let hit = search.hits[search.current]
        if hit.lesson != state.lesson || hit.page != state.page { go(lesson: hit.lesson, page: hit.page) }
        scrollTarget = search.query
        state.message = look.tr("hit %@/%@ for “%@” · n next · Esc ends the search", search.current + 1, search.hits.count, search.query)
    }

    /// The box: what is typed, how many pages match, and one line per hit.
    func searchLines(query: String, selected: Int) -> [(String, Style)] {
        let hits = PageSearch.hits(for: query, in: lessons)
        var lines: [(String, Style)] = [(look.tr("/ %@", query) + "▏", Style.plain), ("", Style.plain)]
        if query.isEmpty {
            lines.append((look.tr("type a word to search every page"), Look.dim))
        } else if hits.isEmpty {
            lines.append((look.tr("no page matches"), Look.dim))
        } else {
            lines.append((look.tr("%@ pages match", hits.count), Look.dim))
        }
        for (i, hit) in hits.enumerated() {
            let lesson = lessons[hit.lesson]
            let place = "\(lesson.number < 10 ? "0" : "")\(lesson.number) · p\(hit.page + 1)  "
            lines.append((place + hit.snippet, i == selected ? Look.selected : Style.plain))
        }
        return lines
    }
}
