/// One training step as `learn.trace/1` (model-conventions.md): the parameters the step
/// started from, the batch, the loss, and `∂loss/∂param` before clipping or update.
/// Encodes to exactly that JSON, keys in schema order, parameters in convention order.
public struct Trace: Encodable, Sendable {
    /// A row-major array with its shape.
    public struct Values: Encodable, Sendable, Equatable {
        public let shape: [Int]
        public let data: [Float]
    }

    public let schema = "learn.trace/1"
    public let model: String
    /// `vocab`, `embed`, `hidden`, `heads`, `blocks`, `context`, `norm`, `activation`,
    /// `sizes` (mlp), `task` (`classify` | `regress`): those that apply.
    public let config: [(key: String, value: ConfigValue)]
    public let seed: UInt64
    public let params: [(name: String, value: Values)]
    /// `inputs` and `targets`; `mask` (1 = scored) when the loss counts only some positions.
    public let batch: [(name: String, value: Values)]
    public let loss: Double
    public let grads: [(name: String, value: Values)]

    public enum ConfigValue: Encodable, Sendable, Equatable {
        case int(Int), string(String), ints([Int])

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .int(let v): try c.encode(v)
            case .string(let v): try c.encode(v)
            case .ints(let v): try c.encode(v)
            }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(schema, forKey: Key("schema"))
        try c.encode(model, forKey: Key("model"))
        var cfg = c.nestedContainer(keyedBy: Key.self, forKey: Key("config"))
        for (k, v) in config { try cfg.encode(v, forKey: Key(k)) }
        try c.encode(seed, forKey: Key("seed"))
        try Self.encode(params, into: &c, key: "params")
        try Self.encode(batch, into: &c, key: "batch")
        try c.encode(loss, forKey: Key("loss"))
        try Self.encode(grads, into: &c, key: "grads")
    }

    private static func encode(_ list: [(name: String, value: Values)], into c: inout KeyedEncodingContainer<Key>, key: String) throws {
        var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        for (name, value) in list { try nested.encode(value, forKey: Key(name)) }
    }
}
