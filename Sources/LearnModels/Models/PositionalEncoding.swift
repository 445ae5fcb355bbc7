import Foundation

/// The sinusoidal positional encoding of "Attention Is All You Need" (no parameters):
///
///     PE[pos, 2i]     = sin(pos / 10000^{2i/C})
///     PE[pos, 2i + 1] = cos(pos / 10000^{2i/C})
///
/// Shape `[T, C]`, row-major. Computed in Double, stored as Float.
enum PositionalEncoding {
    static func matrix(length t: Int, width c: Int) -> [Float] {
        var pe = [Float](repeating: 0, count: t * c)
        for pos in 0..<t {
            for i in stride(from: 0, to: c, by: 2) {
                let angle = Double(pos) / pow(10000, Double(i) / Double(c))
                pe[pos * c + i] = Float(sin(angle))
                if i + 1 < c { pe[pos * c + i + 1] = Float(cos(angle)) }
            }
        }
        return pe
    }
}
