/// The keys of a translation (`Lessons/zh/NN-id.md`): text and references only. Every key
/// that shapes a run belongs to the original's cell.
extension Schema {
    public static let translationFrontMatter: [KeySpec] = [
        KeySpec("learn", "whole number", range: "1", required: true, "format version; must be 1"),
        KeySpec("id", "id", range: "the original's id", required: true, "the original lesson's id; the file name is the original's"),
        KeySpec("lang", "language code", range: "the folder's name", required: true, "the translation's language, e.g. `zh`"),
        KeySpec("source", "12 hex digits", range: "`[0-9a-f]{12}`", required: true,
                "the original this was translated from: `sha256sum Lessons/NN-id.md | cut -c1-12`"),
        KeySpec("title", "text", required: true, "the title, translated"),
        KeySpec("summary", "text", required: true, "the summary, translated"),
    ]

    /// Front matter keys a translation inherits from its original.
    static let inheritedFrontMatter = ["minutes", "requires", "draft"]

    public static let translatedCell: [KeySpec] = [
        KeySpec("use", "id", range: "a model cell of the original, on the same page", required: true,
                "the original's cell: its model, data, knobs and expectations"),
        KeySpec("predict", "mapping", range: "`ask`, `choices`, `explain`", "the cell's question, translated"),
        KeySpec("exercise", "mapping", range: "`task`", "the exercise's task, translated"),
    ]

    public static let translatedQuiz: [KeySpec] = [
        KeySpec("id", "id", range: "a quiz of the original, on the same page", required: true, "the original quiz's id"),
        KeySpec("ask", "text", required: true, "the question, translated"),
        KeySpec("choices", "list of text", range: "as many as the original's", required: true, "the answers, translated, in the same order"),
        KeySpec("answer", "whole number", range: "the original's", "inherited; if written, it must be the original's"),
        KeySpec("explain", "text", "the explanation, translated"),
    ]

    public static let translatedPredict: [KeySpec] = translatedQuiz.filter { $0.name != "id" }

    public static let translatedExercise: [KeySpec] = [
        KeySpec("task", "text", required: true, "the task, translated"),
    ]
}
