/// The closed grammar of an expect line:
///
///     line   = side op ( number | side )
///     side   = metric [ "[" label "]" ]
///     metric = [a-z_] [a-z0-9_.]*          (loss, val_accuracy, k, layers.0.bias, …)
///     op     = "<" | "<=" | ">" | ">=" | "=="
///
/// A side on the right compares two runs of the cell: `loss[tiny] > loss`.
///
/// with spaces allowed between the parts. YAML has already removed a trailing `# comment`.
enum ExpectGrammar {
    struct Line {
        var metric: String
        var label: String?
        var labelOffset: Int
        var op: ComparisonOp
        var value: Double
        /// The right side when it is a metric of a run rather than a number.
        var other: Side?
        var text: String
    }

    struct Side {
        var metric: String
        var label: String?
        /// Offset of the metric name (for messages).
        var offset: Int
        var labelOffset: Int
    }

    struct Failure: Error {
        /// Offset in Unicode scalars from the start of the line.
        var offset: Int
        var message: String
        var help: String?
    }

    static func parse(_ raw: String) -> Result<Line, Failure> {
        let s = Array(raw.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 } }
        func isMetricStart(_ u: Unicode.Scalar) -> Bool { ("a"..."z").contains(u) || u == "_" }
        func isMetricChar(_ u: Unicode.Scalar) -> Bool { isMetricStart(u) || ("0"..."9").contains(u) || u == "." }
        let grammar = "write `METRIC OP NUMBER`, e.g. `loss < 0.1` or `accuracy[adam] >= 0.9`"

        /// `metric` or `metric[label]` starting at `i`.
        func side() -> Result<Side, Failure> {
            let metricStart = i
            while i < s.count, isMetricChar(s[i]) { i += 1 }
            let metric = String(String.UnicodeScalarView(s[metricStart..<i]))
            var label: String?
            var labelOffset = 0
            if i < s.count, s[i] == "[" {
                i += 1
                labelOffset = i
                while i < s.count, s[i] != "]" { i += 1 }
                guard i < s.count else {
                    return .failure(Failure(offset: labelOffset - 1, message: "`[` is never closed", help: "write `\(metric)[label]`"))
                }
                label = String(String.UnicodeScalarView(s[labelOffset..<i])).trimmingSpaces
                if label?.isEmpty ?? true {
                    return .failure(Failure(offset: labelOffset, message: "empty compare label", help: "write `\(metric)[label]`"))
                }
                i += 1
            }
            return .success(Side(metric: metric, label: label, offset: metricStart, labelOffset: labelOffset))
        }

        skipSpaces()
        let metricStart = i
        guard i < s.count, isMetricStart(s[i]) else {
            return .failure(Failure(offset: i, message: "an expect line starts with a metric name", help: grammar))
        }
        let left: Side
        switch side() {
        case .failure(let f): return .failure(f)
        case .success(let l): left = l
        }
        let metric = left.metric
        skipSpaces()
        let opStart = i
        while i < s.count, "<>=!".unicodeScalars.contains(s[i]) { i += 1 }
        let opText = String(String.UnicodeScalarView(s[opStart..<i]))
        guard let op = ComparisonOp(rawValue: opText) else {
            return .failure(Failure(offset: opStart,
                                    message: opText.isEmpty ? "expected a comparison after `\(metric)`" : "unknown comparison `\(opText)`",
                                    help: "use one of < <= > >= =="))
        }
        skipSpaces()
        let numberStart = i
        let text = String(String.UnicodeScalarView(s[metricStart...])).trimmingSpaces
        if i < s.count, isMetricStart(s[i]) {
            let other: Side
            switch side() {
            case .failure(let f): return .failure(f)
            case .success(let o): other = o
            }
            guard String(String.UnicodeScalarView(s[i...])).trimmingSpaces.isEmpty else {
                return .failure(Failure(offset: i, message: "unexpected text after `\(other.metric)`", help: "compare two runs as `loss[small] > loss`"))
            }
            return .success(Line(metric: metric, label: left.label, labelOffset: left.labelOffset, op: op, value: 0, other: other, text: text))
        }
        let number = String(String.UnicodeScalarView(s[i...])).trimmingSpaces
        guard let value = Double(number), value.isFinite else {
            return .failure(Failure(offset: numberStart, message: "expected a number or a metric after `\(opText)`", help: grammar))
        }
        return .success(Line(metric: metric, label: left.label, labelOffset: left.labelOffset, op: op, value: value, text: text))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
