import LearnTensor

/// The named tensors of one forward pass of a model's readable form, in the order they were
/// computed. The readable forms (the recurrent cells step by step, attention head by head)
/// hand each intermediate result to the record as they go; the step-through view and
/// `learn trace --schema 2` read it, and after `backward()` each tensor holds its own
/// `∂L/∂tensor` — the backward pass, stage by stage.
final class ForwardRecord {
    struct Entry {
        /// As in `model-conventions.md` ("Trace, version 2") where the convention names it
        /// (`blocks.0.attn.weights`, `cell.f`), else its stage (`blocks.0.attn.scores`).
        let name: String
        /// The time step of a recurrent cell's per-step value (`[B, H]`); nil for a whole tensor.
        let time: Int?
        let tensor: Tensor
    }

    private(set) var entries: [Entry] = []

    /// Records `tensor` under `name` and returns it, so a line of the model reads as its
    /// equation: `let h = record("cell", (a).tanh(), time: t)`.
    @discardableResult
    func callAsFunction(_ name: String, _ tensor: Tensor, time: Int? = nil) -> Tensor {
        entries.append(Entry(name: name, time: time, tensor: tensor))
        return tensor
    }
}
