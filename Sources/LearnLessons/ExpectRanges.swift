import LearnModels

/// Expect lines that cannot hold or always hold, from the values each metric can take:
/// accuracies lie in [0, 1], losses and gradient norms are ≥ 0, `diverged` is 0 or 1.
/// `accuracy > 1`, `loss < 0`, `diverged == 2` and two lines on the same metric that
/// cannot both hold (`loss < 0.1` with `loss > 0.5`) are errors; `accuracy >= -3` is a
/// warning (it tests nothing).
enum ExpectRanges {
    /// One end of an interval; `strict` excludes the value itself.
    struct End: Equatable {
        var value: Double
        var strict: Bool
    }

    /// The values a number in [lower, upper] can take.
    struct Interval: Equatable {
        var lower: End
        var upper: End

        var isEmpty: Bool {
            lower.value > upper.value || (lower.value == upper.value && (lower.strict || upper.strict))
        }

        func intersection(_ o: Interval) -> Interval {
            let lo = lower.value > o.lower.value || (lower.value == o.lower.value && lower.strict) ? lower : o.lower
            let hi = upper.value < o.upper.value || (upper.value == o.upper.value && upper.strict) ? upper : o.upper
            return Interval(lower: lo, upper: hi)
        }

        /// Whether every value of `o` is in this interval.
        func contains(_ o: Interval) -> Bool { intersection(o) == o }

        static func of(_ op: ComparisonOp, _ v: Double) -> Interval {
            let all = Interval(lower: End(value: -.infinity, strict: false), upper: End(value: .infinity, strict: false))
            switch op {
            case .less: return Interval(lower: all.lower, upper: End(value: v, strict: true))
            case .lessOrEqual: return Interval(lower: all.lower, upper: End(value: v, strict: false))
            case .greater: return Interval(lower: End(value: v, strict: true), upper: all.upper)
            case .greaterOrEqual: return Interval(lower: End(value: v, strict: false), upper: all.upper)
            case .equal: return Interval(lower: End(value: v, strict: false), upper: End(value: v, strict: false))
            }
        }
    }

    /// What a metric can measure; nil for a model parameter (any number).
    static func range(_ metric: ExpectMetric) -> (interval: Interval, words: String)? {
        let closed = { (a: Double, b: Double) in Interval(lower: End(value: a, strict: false), upper: End(value: b, strict: false)) }
        switch metric {
        case .metric(.accuracy), .metric(.valAccuracy): return (closed(0, 1), "a fraction from 0 to 1")
        case .metric(.loss), .metric(.valLoss), .metric(.bestValLoss), .metric(.gradNorm): return (closed(0, .infinity), "never below 0")
        case .diverged: return (closed(0, 1), "0 or 1")
        case .parameter: return nil
        }
    }

    static func check(_ expects: [Expectation], into report: inout Report) {
        var seen: [String: (interval: Interval, line: Expectation)] = [:]
        for e in expects where e.other == nil {
            guard let (range, words) = range(e.metric) else { continue }
            var wanted = Interval.of(e.op, e.value)
            if e.metric == .diverged, e.op == .equal, e.value != 0, e.value != 1 { wanted = Interval.of(.less, -1) }
            let possible = range.intersection(wanted)
            let name = e.variant.map { "\(e.metric)[\($0)]" } ?? "\(e.metric)"
            if possible.isEmpty {
                report.add(.impossibleExpect, at: e.location, "`\(e.text)` can never hold: \(name) is \(words)",
                           help: e.metric == .diverged ? "write `diverged == 1` (it diverges) or `diverged == 0`" : "check the number and the comparison")
                continue
            }
            if wanted.contains(range) {
                report.add(.vacuousExpect, at: e.location, "`\(e.text)` always holds: \(name) is \(words), so it tests nothing",
                           help: "pick a bar the lesson's claim depends on")
                continue
            }
            let key = name
            if let earlier = seen[key] {
                let both = earlier.interval.intersection(possible)
                if both.isEmpty {
                    report.add(.impossibleExpect, at: e.location, "`\(e.text)` and `\(earlier.line.text)` (line \(earlier.line.location.line)) cannot both hold",
                               help: "one of the two bars is the wrong way round")
                    continue
                }
                seen[key] = (both, earlier.line)
            } else {
                seen[key] = (possible, e)
            }
        }
    }
}
