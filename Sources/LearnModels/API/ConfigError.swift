/// A run configuration that cannot be built (a dataset the model cannot learn from, a
/// size out of range, an empty text). Lesson authors see `message`.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
