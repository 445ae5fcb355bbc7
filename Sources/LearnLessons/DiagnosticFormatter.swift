import Foundation

/// Prints diagnostics as a compiler does (`path:line:col: error[rule]: message`, the source
/// line, a caret, `= help:`), or as JSON for editors.
public enum DiagnosticFormatter {
    public static func text(_ d: Diagnostic) -> String {
        var out = "\(d.location): \(d.severity.rawValue)[\(d.rule.id)]: \(d.message)\n"
        if let excerpt = d.excerpt {
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(excerpt.text)\n"
            out += " \(gutter) | \(String(repeating: " ", count: excerpt.caretOffset))^\n"
        }
        if let help = d.help { out += "  = help: \(help)\n" }
        return out
    }

    /// `3 files, 0 errors, 1 warning`.
    public static func summary(files: Int, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(files, "file")), \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// A JSON array of `{path, line, column, severity, rule, message, suggestion}`.
    /// JSON Lines, as `learn check --format json`: one object per diagnostic, then one
    /// summary object (`files`, `errors`, `warnings`).
    public static func json(_ diagnostics: [Diagnostic], files: Int) -> String {
        var objects: [[String: Any]] = diagnostics.map { d in
            [
                "path": d.location.path, "line": d.location.line, "column": d.location.column,
                "severity": d.severity.rawValue, "rule": d.rule.id, "message": d.message,
                "suggestion": d.help ?? NSNull(),
            ]
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        objects.append(["files": files, "errors": errors, "warnings": diagnostics.count - errors])
        return objects.map { object in
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}
