import LearnTensor

/// One recurrent cell with G gate blocks: `weight_ih [G·H, E]`, `weight_hh [G·H, H]`,
/// `bias_ih [G·H]`, `bias_hh [G·H]`, all `U(−1/√H, 1/√H)` as PyTorch.
protocol RecurrentCell: AnyObject {
    /// Which equations: G = 1 (RNN), 4 (LSTM), 3 (GRU).
    static var kind: RecurrentKind { get }
    var weights: CellWeights { get }
    /// The readable form: one time step written as the cell's equations, in ordinary
    /// tensor ops (`x_t [B, E]` → `h_t [B, H]`), recording h_t, c_t and every gate for
    /// time step `t`. The step-through view walks it; a test holds it equal to the fused
    /// layer below, values and gradients.
    func step(_ x: Tensor, _ previous: CellState, t: Int, record: ForwardRecord) -> CellState
}

/// What one time step hands to the next: `h_t`, and the LSTM's cell state `c_t`.
struct CellState {
    let h: Tensor
    var c: Tensor?

    /// `h_0 = c_0 = 0`, `[B, H]`.
    static func zero(batch: Int, hidden: Int, cell: Bool) -> CellState {
        CellState(h: .zeros([batch, hidden]), c: cell ? .zeros([batch, hidden]) : nil)
    }
}

extension RecurrentCell {
    /// The fused form: the cell over all T steps from `h_0 = c_0 = 0`, given the input half of every gate,
    /// `inputParts = x_t W_ihᵀ + b_ih` `[B, T, G·H]` (computed by the caller in one matmul).
    /// The hidden half `h_{t−1} W_hhᵀ + b_hh` and the cell's equations run inside one fused
    /// op, ``recurrentLayer(_:inputParts:weightHH:biasHH:)``, with its backward beside it.
    func callAsFunction(_ inputParts: Tensor) -> RecurrentSequence {
        recurrentLayer(Self.kind, inputParts: inputParts, weightHH: weights.weightHH, biasHH: weights.biasHH)
    }
}

/// The four tensors of a cell, named as in model-conventions.md.
struct CellWeights {
    let weightIH: Tensor
    let weightHH: Tensor
    let biasIH: Tensor
    let biasHH: Tensor
    let hidden: Int

    init(gates: Int, inputs: Int, hidden: Int, rng: inout RandomSource) {
        let bound = 1 / Float(hidden).squareRoot()
        weightIH = .uniform([gates * hidden, inputs], low: -bound, high: bound, rng: &rng, requiresGrad: true)
        weightHH = .uniform([gates * hidden, hidden], low: -bound, high: bound, rng: &rng, requiresGrad: true)
        biasIH = .uniform([gates * hidden], low: -bound, high: bound, rng: &rng, requiresGrad: true)
        biasHH = .uniform([gates * hidden], low: -bound, high: bound, rng: &rng, requiresGrad: true)
        self.hidden = hidden
    }

    /// `x W_ihᵀ + b_ih` and `h W_hhᵀ + b_hh`, `[B, G·H]` each, split into the G gate blocks.
    func parts(_ x: Tensor, _ h: Tensor) -> (input: [Tensor], hidden: [Tensor]) {
        let g = weightIH.shape[0] / hidden
        return (linear(x, weight: weightIH, bias: biasIH).split(axis: 1, parts: g),
                linear(h, weight: weightHH, bias: biasHH).split(axis: 1, parts: g))
    }

    var parameters: [(name: String, tensor: Tensor)] {
        [("cell.weight_ih", weightIH), ("cell.weight_hh", weightHH), ("cell.bias_ih", biasIH), ("cell.bias_hh", biasHH)]
    }
}
