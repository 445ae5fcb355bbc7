/// A run configuration that cannot be built (a dataset the model cannot learn from, a
/// size out of range, an empty text). Lesson authors see `message`.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    /// The lesson key the problem is about (`data`, `heads`, `context`, …), so the linter
    /// can point at it; nil when no one key is to blame.
    public let key: String?
    /// What to do about it, when there is something better to say than the message.
    public let help: String?

    public init(_ message: String, key: String? = nil, help: String? = nil) {
        self.message = message
        self.key = key
        self.help = help
    }

    public var description: String { message }
}
