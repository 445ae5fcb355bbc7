import LearnModels

/// The reference tables of the authoring guide (`Lessons/README.md`), generated from the
/// schema, the catalogue and the compatibility rules, so the guide cannot drift from what
/// the linter accepts. Each table sits between `<!-- BEGIN GENERATED: name -->` and
/// `<!-- END GENERATED: name -->`.
public enum GuideTables {
    /// (name, Markdown) for every generated table, in guide order.
    public static func sections() -> [(name: String, markdown: String)] {
        [
            ("front-matter", keyTable(Schema.frontMatter)),
            ("cell-keys", keyTable(Schema.cell, usedBy: true)),
            ("optimizer-keys", keyTable(Schema.optimizer)),
            ("quiz-keys", keyTable(Schema.quiz)),
            ("exercise-keys", keyTable(Schema.exercise)),
            ("translation-front-matter", keyTable(Schema.translationFrontMatter)),
            ("translated-cell-keys", keyTable(Schema.translatedCell)),
            ("translated-quiz-keys", keyTable(Schema.translatedQuiz)),
            ("models", models()),
            ("datasets", datasets()),
            ("panels", panels()),
            ("metrics", metrics()),
            ("knobs", knobs()),
            ("rules", rules()),
        ]
    }

    /// The guide with every generated section replaced by its current text. Sections
    /// without markers are left alone (the drift test reports them).
    public static func apply(to guide: String) -> String {
        var text = guide
        for (name, markdown) in sections() {
            let begin = "<!-- BEGIN GENERATED: \(name) -->"
            let end = "<!-- END GENERATED: \(name) -->"
            guard let b = text.range(of: begin), let e = text.range(of: end, range: b.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(b.upperBound..<e.lowerBound, with: "\n" + markdown + "\n")
        }
        return text
    }

    /// Names of sections whose markers are missing from the guide.
    public static func missingSections(in guide: String) -> [String] {
        sections().map(\.name).filter {
            !guide.contains("<!-- BEGIN GENERATED: \($0) -->") || !guide.contains("<!-- END GENERATED: \($0) -->")
        }
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([row(header), row(header.map { _ in "---" })] + rows.map(row)).joined(separator: "\n")
    }

    static func keyTable(_ specs: [KeySpec], usedBy: Bool = false) -> String {
        let header = ["key", "type", "default", "allowed"] + (usedBy ? ["used by"] : []) + ["meaning"]
        return table(header, specs.map { s in
            ["`\(s.name)`", s.type, s.defaultText, s.rangeText] + (usedBy ? [s.usedBy] : []) + [s.doc]
        })
    }

    static func models() -> String {
        table(["model", "learns from", "panels that fit (on its first data shape)", "scalar parameters"], ModelKind.allCases.map { m in
            let spec = ModelSpec.of(m)
            let sample = sampleConfig(m, spec.shapes[0])
            let panels = PanelName.allCases.filter { Compatibility.fits($0, sample) }.map { "`\($0.rawValue)`" }
            let params = Compatibility.scalarParameters(sample)
            let learns = spec.shapes.map { shape in
                let refused = DatasetName.allCases.filter { DataSource.named($0).shape == shape && !spec.accepts($0) }
                return shape.rawValue + (refused.isEmpty ? "" : " (not " + refused.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ")")
            }
            return ["`\(m.rawValue)`", learns.joined(separator: ", "), panels.joined(separator: " "),
                    params.isEmpty ? "—" : params.map { "`\($0)`" }.joined(separator: " ")]
        })
    }

    static func sampleConfig(_ model: ModelKind, _ shape: DataShape) -> RunConfig {
        let data: DataSource = shape == .text ? .text(name: "data/x.txt", contents: "x")
            : .named(DatasetName.allCases.first { DataSource.named($0).shape == shape } ?? .xor)
        return RunConfig(model: model, data: data)
    }

    static func datasets() -> String {
        var rows = DatasetName.allCases.map { d -> [String] in
            let shape = DataSource.named(d).shape
            let models = ModelKind.allCases.filter { ModelSpec.of($0).accepts(d) }
            let options = ["points", "noise", "length", "target", "validation"].filter { key in
                Schema.spec(key, in: Schema.cell)?.uses(RunConfig(model: models.first ?? .mlp, data: .named(d))) ?? false
            }
            return ["`\(d.rawValue)`", shape.rawValue, models.map { "`\($0.rawValue)`" }.joined(separator: " "),
                    options.map { "`\($0)`" }.joined(separator: " ")]
        }
        rows.append(["`data/NAME.txt`", DataShape.text.rawValue,
                     ModelKind.allCases.filter { ModelSpec.of($0).shapes.contains(.text) }.map { "`\($0.rawValue)`" }.joined(separator: " "),
                     "`context` `validation`"])
        return table(["data", "shape", "models", "options it reads"], rows)
    }

    static func panels() -> String {
        table(["panel", "shows", "needs"], PanelName.allCases.map {
            ["`\($0.rawValue)`", $0.shows, Compatibility.requirement($0)]
        })
    }

    static func metrics() -> String {
        let rows: [[String]] = MetricName.allCases.map { m in
            let meaning: String = switch m {
            case .loss: "training loss (mean over the last batch)"
            case .valLoss: "loss on the whole held-out set (needs `validation` > 0)"
            case .accuracy: "fraction of the **last training batch** classified right (classification data only); noisy with a small `batch`"
            case .valAccuracy: "fraction of the whole **held-out set** classified right (needs `validation` > 0)"
            case .gradNorm: "global gradient norm of the last step"
            case .bestValLoss: "the lowest `val_loss` measured so far in the run: `val_loss > best_val_loss` says it has turned back up (needs `validation` > 0)"
            }
            return ["`\(m.rawValue)`", meaning, ExpectRanges.range(.metric(m))?.words ?? "any number"]
        } + [["`\(ExpectMetric.divergedName)`", "1 if training diverged (a non-finite loss), else 0", ExpectRanges.range(.diverged)?.words ?? ""],
             ["a scalar parameter", "its value, e.g. `k` (kx), `fc.bias` (perceptron); see Models", "any number"]]
        return table(["metric", "meaning", "takes values"], rows) + "\n\nOperators: " + ComparisonOp.allCases.map { "`\($0.rawValue)`" }.joined(separator: " ")
            + " (`==` within a relative \(ComparisonOp.equalityTolerance))."
    }

    static func knobs() -> String {
        table(["knob", "values", "changes", "for"], KnobName.allCases.map { k in
            let values: String = k.takesChoices ? "choices from " + k.allowedChoices.map { "`\($0)`" }.joined(separator: " ")
                : "`[min, max]` within " + (k.limit.map { Schema.text($0) } ?? "") + (k.isWholeNumber ? ", whole numbers" : "")
            return ["`\(k.rawValue)`", values, k.isLive ? "live" : "resets the run", Compatibility.requirement(k)]
        })
    }

    static func rules() -> String {
        table(["rule", "severity", "reported when"], Rule.allCases.map { ["`\($0.id)`", $0.severity.rawValue, $0.summary] })
    }
}
