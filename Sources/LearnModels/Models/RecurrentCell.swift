import LearnTensor

/// The state a recurrent cell carries from step to step. `c` is the LSTM's cell state;
/// the RNN and GRU carry it unchanged (zeros), as the PyTorch reference does.
struct RecurrentState {
    var h: Tensor  // [B, H]
    var c: Tensor  // [B, H]

    static func zeros(batch: Int, hidden: Int) -> RecurrentState {
        RecurrentState(h: .zeros([batch, hidden]), c: .zeros([batch, hidden]))
    }
}

/// One recurrent cell with G gate blocks: `weight_ih [G·H, E]`, `weight_hh [G·H, H]`,
/// `bias_ih [G·H]`, `bias_hh [G·H]`, all `U(−1/√H, 1/√H)` as PyTorch.
protocol RecurrentCell: AnyObject {
    /// G: 1 (RNN), 4 (LSTM), 3 (GRU).
    static var gateCount: Int { get }
    /// Names of the tensors `step` returns beside the state, for the gates panel.
    static var gateNames: [String] { get }
    var weights: CellWeights { get }
    /// One time step from its two halves, both `[B, G·H]`, computed by the caller:
    /// `inputPart = x_t W_ihᵀ + b_ih` (for all time steps in one matmul) and
    /// `hiddenPart = h_{t−1} W_hhᵀ + b_hh` (one ``StepLinear`` for all steps).
    func step(_ inputPart: Tensor, _ hiddenPart: Tensor, _ state: RecurrentState) -> (state: RecurrentState, gates: [Tensor])
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
