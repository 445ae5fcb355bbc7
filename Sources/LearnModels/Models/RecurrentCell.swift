import LearnTensor

/// One recurrent cell with G gate blocks: `weight_ih [G·H, E]`, `weight_hh [G·H, H]`,
/// `bias_ih [G·H]`, `bias_hh [G·H]`, all `U(−1/√H, 1/√H)` as PyTorch.
protocol RecurrentCell: AnyObject {
    /// Which equations: G = 1 (RNN), 4 (LSTM), 3 (GRU).
    static var kind: RecurrentKind { get }
    var weights: CellWeights { get }
}

extension RecurrentCell {
    /// The cell over all T steps from `h_0 = c_0 = 0`, given the input half of every gate,
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

    var parameters: [(name: String, tensor: Tensor)] {
        [("cell.weight_ih", weightIH), ("cell.weight_hh", weightHH), ("cell.bias_ih", biasIH), ("cell.bias_hh", biasHH)]
    }
}
