/// `learn.trace/2` (model-conventions.md, "Trace, version 2"): version 1 of the step, plus the
/// optimiser's settings, the forward activations under the conventions' names, and every
/// parameter after this step's clipping and update.
extension StepTrace {
    public func json() -> String {
        let o = optimizer
        var settings = "{\"name\":\(Trace.quoted(o.name.rawValue)),\"lr\":\(Trace.number(o.lr))"
            + ",\"momentum\":\(Trace.number(o.momentum)),\"weight_decay\":\(Trace.number(o.weightDecay))"
            + ",\"betas\":[0.9,0.999],\"eps\":1e-08,\"clip\":\(clip.map(Trace.number) ?? "null")"
        // The classic rules (kx, perceptron) move the weights by their own rule, not the optimiser.
        if rule == .classic { settings += ",\"rule\":\"classic\"" }
        settings += "}"
        let after = zip(trace.params, self.after).map { (name: $0.name, value: $1) }
        return Trace.document(trace.fields(schema: "learn.trace/2") + [
            ("optimizer", settings), ("activations", Trace.object(activations)), ("after", Trace.object(after)),
        ])
    }

    /// The forward stages the conventions name, in their stated shapes: a recurrent cell's
    /// per-step values `[B, H]` joined into `[B, T, H]`, kx's `y_hat` as `[N]`.
    public var activations: [(name: String, value: Trace.Values)] {
        var out: [(name: String, value: Trace.Values)] = []
        for stage in forward where Self.isConventionName(stage.name) {
            if stage.time != nil {
                guard stage.time == 0 else { continue }
                out.append((stage.name, overTime(stage.name, \.value)))
            } else if stage.name == "y_hat" {
                out.append((stage.name, Trace.Values(shape: [stage.value.data.count], data: stage.value.data)))
            } else {
                out.append((stage.name, stage.value))
            }
        }
        return out
    }

    /// A per-step value (or its gradient) at every time step, `[B, H]` each, as `[B, T, H]`.
    func overTime(_ name: String, _ part: (Stage) -> Trace.Values?) -> Trace.Values {
        let steps = forward.filter { $0.name == name && $0.time != nil }.sorted { $0.time! < $1.time! }.compactMap(part)
        guard let first = steps.first, first.shape.count == 2 else { return Trace.Values(shape: [0], data: []) }
        let (b, h, t) = (first.shape[0], first.shape[1], steps.count)
        var data = [Float](repeating: 0, count: b * t * h)
        for (time, step) in steps.enumerated() {
            for row in 0..<b { for unit in 0..<h { data[(row * t + time) * h + unit] = step.data[row * h + unit] } }
        }
        return Trace.Values(shape: [b, t, h], data: data)
    }

    /// Whether trace version 2 lists a stage of this name (model-conventions.md).
    static func isConventionName(_ name: String) -> Bool {
        let fixed: Set = ["y_hat", "fc", "embed", "cell", "cell.c", "cell.i", "cell.f", "cell.g", "cell.o",
                          "cell.r", "cell.z", "cell.n", "tok_emb", "logits"]
        if fixed.contains(name) { return true }
        let parts = name.split(separator: ".")
        if parts.count == 2, parts[0] == "layers" || parts[0] == "act", Int(parts[1]) != nil { return true }
        guard parts.count >= 2, parts[0] == "blocks", Int(parts[1]) != nil else { return false }
        return ["", "attn", "attn.weights", "ffn"].contains(parts.dropFirst(2).joined(separator: "."))
    }
}
