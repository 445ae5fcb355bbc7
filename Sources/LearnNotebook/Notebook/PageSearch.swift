import LearnLessons
import LearnRender

/// `/`: every page of the course searched for a text, in the language the course is
/// shown in — titles, prose, questions and their choices, hints, tasks. Case does not
/// matter, nor Markdown's `**` and `` ` ``.
public enum PageSearch {
    public struct Hit: Equatable, Sendable {
        public var lesson: Int
        public var page: Int
        /// The text around the first match, on one line.
        public var snippet: String
    }

    public static func hits(for query: String, in lessons: [Lesson]) -> [Hit] {
        let needle = query.lowercased()
        guard !needle.allSatisfy(\.isWhitespace) else { return [] }
        var hits: [Hit] = []
        for (l, lesson) in lessons.enumerated() {
            for (p, page) in lesson.pages.enumerated() {
                let text = self.text(of: page)
                guard let range = text.lowercased().range(of: needle) else { continue }
                hits.append(Hit(lesson: l, page: p, snippet: snippet(text, around: range, in: text.lowercased())))
            }
        }
        return hits
    }

    /// A page's words as one line each, Markdown emphasis and code marks dropped.
    static func text(of page: Page) -> String {
        var parts = [page.title]
        for block in page.blocks {
            switch block {
            case .prose(let prose): parts.append(prose)
            case .hint(let hint): parts.append(hint)
            case .quiz(let quiz): parts += [quiz.ask] + quiz.choices + (quiz.explain.map { [$0] } ?? [])
            case .model(let cell):
                if let q = cell.predict { parts += [q.ask] + q.choices + (q.explain.map { [$0] } ?? []) }
                if let task = cell.exercise?.task { parts.append(task) }
            }
        }
        return parts.joined(separator: "\n").replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
    }

    /// About 20 columns either side of the match, on one line. `lowered` is `text`
    /// lower-cased, where `range` was found; both have the same characters when case
    /// mapping keeps lengths (it does for the scripts lessons use), else the match's line.
    static func snippet(_ text: String, around range: Range<String.Index>, in lowered: String) -> String {
        let chars = Array(lowered.count == text.count ? text : lowered)
        let start = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
        let end = lowered.distance(from: lowered.startIndex, to: range.upperBound)
        var from = start, to = end, width = 0
        while from > 0, chars[from - 1] != "\n", width < 20 { from -= 1; width += DisplayWidth.of(chars[from]) }
        width = 0
        while to < chars.count, chars[to] != "\n", width < 24 { width += DisplayWidth.of(chars[to]); to += 1 }
        return (from > 0 && chars[from - 1] != "\n" ? "…" : "") + String(chars[from..<to]) + (to < chars.count && chars[to] != "\n" ? "…" : "")
    }
}
