import Foundation

/// The bilingual glossary, derived from the lessons themselves: a translation marks the
/// first use of a term as `**反向传播**（backward pass）` — the term in bold, then the
/// English in full-width brackets — and each such pair is an entry pointing at the lesson
/// and page that introduce it. There is no glossary file to keep in step.
public enum Glossary {
    public struct Entry: Sendable, Equatable {
        /// The term as the lesson writes it (`反向传播`).
        public var term: String
        /// The English (`backward pass`).
        public var english: String
        /// Index of the lesson in the list given, and of the page in it.
        public var lesson: Int
        public var page: Int
    }

    /// Every term pair in the prose and hints of `lessons`, the first use of each term
    /// only, ordered by the English (case-insensitive).
    public static func entries(in lessons: [Lesson]) -> [Entry] {
        var seen: Set<String> = []
        var entries: [Entry] = []
        for (l, lesson) in lessons.enumerated() {
            for (p, page) in lesson.pages.enumerated() {
                for block in page.blocks {
                    let text: String
                    switch block {
                    case .prose(let prose): text = prose
                    case .hint(let hint): text = hint
                    case .model, .quiz: continue
                    }
                    for (term, english) in pairs(in: text) where seen.insert(term).inserted {
                        entries.append(Entry(term: term, english: english, lesson: l, page: p))
                    }
                }
            }
        }
        return entries.sorted { ($0.english.lowercased(), $0.lesson, $0.page) < ($1.english.lowercased(), $1.lesson, $1.page) }
    }

    /// `**term**（English）` pairs in one text, in order: the bold term directly followed by
    /// a full-width bracket holding the English, each on one line.
    static func pairs(in text: String) -> [(term: String, english: String)] {
        var found: [(String, String)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "**") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "**") else { break }
            let term = afterOpen[..<close.lowerBound]
            let after = afterOpen[close.upperBound...]
            rest = after
            guard after.first == "（", let end = after.firstIndex(of: "）") else { continue }
            let english = after[after.index(after: after.startIndex)..<end]
            let bad = { (s: Substring) in s.isEmpty || s.contains("\n") || s.contains("*") }
            guard !bad(term), !bad(english), english.contains(where: { $0.isASCII && $0.isLetter }) else { continue }
            found.append((term.trimmingCharacters(in: .whitespaces), english.trimmingCharacters(in: .whitespaces)))
            rest = after[after.index(after: end)...]
        }
        return found
    }
}
