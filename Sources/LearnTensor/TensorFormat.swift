/// Text form of a tensor: a scalar prints as a number, a vector as `[a, b]`, a matrix as
/// rows, higher ranks as a list of matrices.
enum TensorFormat {
    static func describe(_ t: Tensor) -> String {
        let header = "Tensor\(t.shape)"
        if t.shape.isEmpty { return "\(header) \(format4(t.data[0]))" }
        return header + "\n" + block(t.data[...], shape: t.shape[...], indent: "")
    }

    /// Four significant decimals, fixed width for alignment.
    private static func format4(_ x: Float) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let scaled = (Double(x) * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let v = Swift.abs(scaled)
        let whole = Int(v / 10_000)
        let frac = Int(v.truncatingRemainder(dividingBy: 10_000))
        let fracText = String(frac)
        return "\(sign)\(whole)." + String(repeating: "0", count: 4 - fracText.count) + fracText
    }

    private static func block(_ values: ArraySlice<Float>, shape: ArraySlice<Int>, indent: String) -> String {
        if shape.count == 1 {
            return indent + "[" + values.map(format4).joined(separator: ", ") + "]"
        }
        let inner = Shape.count(Array(shape.dropFirst()))
        var parts: [String] = []
        for i in 0..<shape.first! {
            let start = values.startIndex + i * inner
            parts.append(block(values[start..<(start + inner)], shape: shape.dropFirst(), indent: indent + " "))
        }
        let separator = shape.count == 2 ? "\n" : "\n\n"
        return indent + "[\n" + parts.joined(separator: separator) + "\n" + indent + "]"
    }
}
