import Foundation

/// A translation held against its original: the same pages, the same cells and quizzes on
/// each (in the same order), as many hints and choices, the original's answers — and the
/// translated lesson that results: the original's runs, answers, `minutes` and `requires`
/// with the translation's words.
struct TranslationCheck {
    let translation: Translation
    let original: Lesson
    /// The original's current ``Translation/stamp(of:)``.
    let stamp: String
    var report: Report

    /// Reports every difference; the translated lesson, or nil if any is an error.
    mutating func run() -> Lesson? {
        let errorsBefore = report.diagnostics.count
        let name = (original.path as NSString).lastPathComponent
        if translation.source != stamp {
            report.add(.staleTranslation, at: translation.sourceLocation,
                       "translated from `\(name)` as it was at \(translation.source); it is now \(stamp)",
                       help: "see what changed with `git log -p \(original.path)`, bring the translation up to date, then write `source: \(stamp)`")
        }
        var cellPage: [String: Int] = [:], quizPage: [String: Int] = [:]
        for (i, page) in original.pages.enumerated() {
            for block in page.blocks {
                if case .model(let cell) = block { cellPage[cell.id] = i }
                if case .quiz(let quiz) = block { quizPage[quiz.id] = i }
            }
        }
        var pages: [Page] = []
        for (i, (page, text)) in zip(original.pages, translation.pages).enumerated() {
            pages.append(Page(id: page.id, title: text.title, blocks: merge(page, text, index: i, cellPage: cellPage, quizPage: quizPage),
                              location: text.location))
        }
        let end = translation.pages.last?.location ?? translation.sourceLocation
        for (i, page) in original.pages.enumerated().dropFirst(translation.pages.count) {
            report.add(.translationMissing, at: end, "page \(i + 1) of `\(name)`, “\(page.title)” (line \(page.location.line)), has no translation",
                       help: "add its `## ` page after page \(i)")
        }
        for page in translation.pages.dropFirst(original.pages.count) {
            report.add(.translationExtra, at: page.location, "`\(name)` has \(original.pages.count) pages; this one has no original",
                       help: "a translation has the same `## ` pages as its original: merge this text into the page before")
        }
        guard !report.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        var lesson = original
        lesson.title = translation.title
        lesson.summary = translation.summary
        lesson.pages = pages
        lesson.language = translation.language
        return lesson
    }

    /// One page: checks its cells, quizzes and hints against the original page's, and
    /// returns its blocks with the original's runs and answers under the translated words.
    private mutating func merge(_ page: Page, _ text: TranslatedPage, index: Int,
                                cellPage: [String: Int], quizPage: [String: Int]) -> [Block] {
        var cells: [String: ModelCell] = [:], quizzes: [String: Quiz] = [:]
        var quizOrder: [String] = []
        var hints = 0
        for block in page.blocks {
            switch block {
            case .model(let cell): cells[cell.id] = cell
            case .quiz(let quiz): quizzes[quiz.id] = quiz; quizOrder.append(quiz.id)
            case .hint: hints += 1
            case .prose: break
            }
        }
        var blocks: [Block] = []
        var usedCells: Set<String> = [], seenQuizzes: [String] = []
        var translatedHints = 0
        for block in text.blocks {
            switch block {
            case .prose(let prose):
                blocks.append(.prose(prose))
            case .hint(let hint):
                translatedHints += 1
                blocks.append(.hint(hint))
            case .cell(let words):
                guard var cell = cells[words.use] else {
                    misplaced("model cell", words.use, at: words.location, page: cellPage[words.use], index: index,
                              all: Array(cellPage.keys), fence: "model", key: "use")
                    continue
                }
                usedCells.insert(cell.id)
                if let predict = words.predict {
                    if let question = cell.predict {
                        cell.predict = translated(question, predict, what: "the prediction of `\(cell.id)`")
                    } else {
                        report.add(.translationExtra, at: predict.location, "the original cell `\(cell.id)` asks no prediction",
                                   help: "remove `predict:`")
                    }
                }
                if let task = words.task {
                    if cell.exercise != nil {
                        cell.exercise?.task = task
                    } else {
                        report.add(.translationExtra, at: words.location, "the original cell `\(cell.id)` has no exercise",
                                   help: "remove `exercise:`")
                    }
                }
                blocks.append(.model(cell))
            case .quiz(let words):
                guard let quiz = quizzes[words.id] else {
                    misplaced("quiz", words.id, at: words.location, page: quizPage[words.id], index: index,
                              all: Array(quizPage.keys), fence: "quiz", key: "id")
                    continue
                }
                let expected = quizOrder.filter { $0 == words.id || !seenQuizzes.contains($0) }.first
                if expected != words.id, let expected {
                    report.add(.translationOrder, at: words.location, "quiz `\(words.id)` comes after `\(expected)` in the original",
                               help: "keep the original's order: `\(quizOrder.joined(separator: "`, `"))`")
                }
                seenQuizzes.append(words.id)
                blocks.append(.quiz(translated(quiz, words, what: "quiz `\(quiz.id)`")))
            }
        }
        for (id, cell) in cells where !usedCells.contains(id) {
            report.add(.translationMissing, at: text.location, "this page lacks the original's model cell `\(id)` (line \(cell.location.line))",
                       help: "add a ```model block holding `use: \(id)` where the original has it")
        }
        for id in quizOrder where !seenQuizzes.contains(id) {
            report.add(.translationMissing, at: text.location,
                       "this page lacks the original's quiz `\(id)` (line \(quizzes[id]?.location.line ?? page.location.line))",
                       help: "add a ```quiz block with `id: \(id)` and its `ask`, `choices`, `explain` translated")
        }
        if translatedHints != hints {
            report.add(translatedHints < hints ? .translationMissing : .translationExtra, at: text.location,
                       "this page has \(translatedHints) hint\(translatedHints == 1 ? "" : "s"); the original's page \(index + 1) (line \(page.location.line)) has \(hints)",
                       help: "translate each ```hint block of the original page, one for one")
        }
        return blocks
    }

    /// A cell or quiz that is not on this page of the original: on another page, or nowhere.
    private mutating func misplaced(_ what: String, _ id: String, at location: SourceLocation, page: Int?, index: Int,
                                    all: [String], fence: String, key: String) {
        if let page {
            report.add(.translationOrder, at: location,
                       "\(what) `\(id)` is on page \(page + 1) of the original (“\(original.pages[page].title)”), not page \(index + 1)",
                       help: "move this ```\(fence) block to page \(page + 1)")
        } else {
            report.add(.danglingRef, at: location, "the original has no \(what) `\(id)`",
                       help: all.isEmpty ? "the original has no \(what); remove this block" : Suggest.help(for: id, in: all.sorted()))
        }
    }

    /// The original question with the translated words; its answer stays the original's.
    private mutating func translated(_ quiz: Quiz, _ words: QuizText, what: String) -> Quiz {
        if words.choices.count != quiz.choices.count {
            report.add(words.choices.count < quiz.choices.count ? .translationMissing : .translationExtra, at: words.location,
                       "\(what) has \(words.choices.count) choice\(words.choices.count == 1 ? "" : "s"); the original has \(quiz.choices.count)",
                       help: "translate every choice, in the original's order")
        }
        if let answer = words.answer, answer != quiz.answer {
            report.add(.quizAnswer, at: words.answerLocation ?? words.location, "answer \(answer) differs from the original's \(quiz.answer)",
                       help: "remove `answer:`: a translation inherits the original's")
        }
        var merged = quiz
        merged.ask = words.ask
        merged.choices = words.choices
        merged.explain = words.explain ?? quiz.explain
        return merged
    }
}
