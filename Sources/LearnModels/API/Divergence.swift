/// What went non-finite first, and when. Training stops; nothing NaN is ever shown as data.
///
/// The trainer checks, in this order, during every step: the loss, then each parameter's
/// gradient (in model-conventions order, before clipping), then each parameter after
/// the optimiser update. The first non-finite value found is reported.
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
    public enum Place: String, Sendable { case loss, gradient, parameter }

    /// The step (1-based) during which it happened.
    public let step: Int
    public let place: Place
    /// Parameter name as in model-conventions (`layers.0.weight`), or `loss`.
    public let tensor: String
    /// `nan`, `inf` or `-inf`: the first non-finite value seen.
    public let value: String

    public init(step: Int, place: Place, tensor: String, value: String) {
        self.step = step
        self.place = place
        self.tensor = tensor
        self.value = value
    }

    /// `loss became inf at step 37`, `gradient of cell.weight_hh became NaN at step 12`.
    public var description: String {
        switch place {
        case .loss: "loss became \(value) at step \(step)"
        case .gradient: "gradient of \(tensor) became \(value) at step \(step)"
        case .parameter: "parameter \(tensor) became \(value) at step \(step)"
        }
    }

    /// How a non-finite value is named in messages.
    static func name(of value: Float) -> String {
        value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")
    }
}
