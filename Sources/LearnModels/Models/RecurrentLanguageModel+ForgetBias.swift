extension RecurrentLanguageModel {
    /// Fills the LSTM forget gate's input bias, `bias_ih[H..<2H]`, with `value`: the trick
    /// of Gers, Schmidhuber and Cummins (2000). With the gate open from the start, the cell
    /// keeps what it is given until it learns what to drop, so long-range signals reach
    /// the gradient early. PyTorch: `lstm.bias_ih_l0.data[H:2H].fill_(value)`.
    func openForgetGate(_ value: Float) {
        let h = cell.weights.hidden
        for i in h..<(2 * h) { cell.weights.biasIH.data[i] = value }
    }
}
