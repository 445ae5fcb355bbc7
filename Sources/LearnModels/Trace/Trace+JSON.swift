/// Ordered JSON for a trace. `JSONEncoder` on Linux does not keep key order, and a trace
/// is read by people as well as programs, so this writer keeps schema order and the
/// parameters in convention order. Numbers use Swift's shortest round-trip form; a
/// non-finite number (never expected: training stops first) is written as `null`.
extension Trace {
    public func json() -> String { Self.document(fields(schema: schema)) }

    /// The schema's fields in order, each `(key, JSON text)`; version 2 adds its own after them.
    func fields(schema: String) -> [(key: String, json: String)] {
        let settings = "{" + config.map { key, value in
            let v: String = switch value {
            case .int(let i): String(i)
            case .string(let s): Self.quoted(s)
            case .ints(let a): "[" + a.map(String.init).joined(separator: ",") + "]"
            }
            return Self.quoted(key) + ":" + v
        }.joined(separator: ",") + "}"
        return [("schema", Self.quoted(schema)), ("model", Self.quoted(model)), ("config", settings),
                ("seed", String(seed)), ("params", Self.object(params)), ("batch", Self.object(batch)),
                ("loss", Self.number(loss)), ("grads", Self.object(grads))]
    }

    static func document(_ fields: [(key: String, json: String)]) -> String {
        "{" + fields.map { quoted($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    /// Named tensors as `{"name": {"shape": [...], "data": [...]}, ...}`.
    static func object(_ list: [(name: String, value: Values)]) -> String {
        "{" + list.map { name, v in
            quoted(name) + ":{\"shape\":[" + v.shape.map(String.init).joined(separator: ",") + "],\"data\":["
                + v.data.map(number).joined(separator: ",") + "]}"
        }.joined(separator: ",") + "}"
    }

    /// Float32 values in their shortest form (`0.1`, not `0.10000000149011612`).
    static func number(_ x: Float) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e7 { return String(Int(x)) }
        return String(x)
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if c.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
