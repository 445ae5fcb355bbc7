/// Shape arithmetic shared by the ops: element counts, row-major strides, axis
/// normalisation and NumPy broadcasting.
enum Shape {
    /// Number of elements: the product of the dimensions (1 for the scalar shape `[]`).
    @inline(__always)
    static func count(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n *= d }
        return n
    }

    /// Row-major strides: `stride[i] = Π_{j>i} shape[j]`.
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }

    /// A possibly negative axis (−1 = last) turned into 0..<rank.
    static func axis(_ axis: Int, rank: Int) -> Int {
        let a = axis < 0 ? axis + rank : axis
        precondition(a >= 0 && a < rank, "axis \(axis) out of range for rank \(rank)")
        return a
    }

    /// Splits `shape` around `axis` into (outer, n, inner) so that element
    /// `[o, j, i]` sits at `(o · n + j) · inner + i`.
    static func around(_ shape: [Int], axis: Int) -> (outer: Int, n: Int, inner: Int) {
        var outer = 1, inner = 1
        for d in shape[..<axis] { outer *= d }
        for d in shape[(axis + 1)...] { inner *= d }
        return (outer, shape[axis], inner)
    }

    /// NumPy broadcasting: align from the right; each pair of dims must be equal or one of them 1.
    static func broadcast(_ a: [Int], _ b: [Int]) -> [Int] {
        let r = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let da = i < r - a.count ? 1 : a[i - (r - a.count)]
            let db = i < r - b.count ? 1 : b[i - (r - b.count)]
            precondition(da == db || da == 1 || db == 1, "shapes \(a) and \(b) do not broadcast")
            out[i] = da == 1 ? db : da
        }
        return out
    }

    /// Strides of `shape` read as if broadcast to `target`: 0 on broadcast dims.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let pad = target.count - shape.count
        var s = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[i + pad] == 1 {
            s[i + pad] = shape[i] == 1 ? 0 : own[i]
        }
        return s
    }
}

/// A loop over the elements of an output shape with two strided operands, walked as
/// rows of the innermost dimension (after merging dimensions that are contiguous for
/// every operand), so kernels run a tight loop per row instead of a closure per element.
struct StridedLoop {
    private(set) var dims: [Int]
    private(set) var strideA: [Int]
    private(set) var strideB: [Int]
    private var strideOut: [Int]

    /// - Parameters: `shape` of the output (contiguous); `a`, `b` strides of the operands.
    init(shape: [Int], a: [Int], b: [Int]) {
        var dims: [Int] = [], sa: [Int] = [], sb: [Int] = []
        for i in 0..<shape.count where shape[i] != 1 {
            if let last = dims.last, sa.last! == a[i] * shape[i], sb.last! == b[i] * shape[i] {
                dims[dims.count - 1] = last * shape[i]
                sa[sa.count - 1] = a[i]
                sb[sb.count - 1] = b[i]
            } else {
                dims.append(shape[i]); sa.append(a[i]); sb.append(b[i])
            }
        }
        if dims.isEmpty { dims = [1]; sa = [0]; sb = [0] }
        self.dims = dims
        self.strideA = sa
        self.strideB = sb
        self.strideOut = Shape.strides(dims)
    }

    /// Length of one row and the operands' strides along it.
    var row: (n: Int, sa: Int, sb: Int) { (dims[dims.count - 1], strideA[strideA.count - 1], strideB[strideB.count - 1]) }

    /// Calls `body(outOffset, aOffset, bOffset)` at the start of every row, in row-major order.
    @inline(__always)
    func forEachRow(_ body: (Int, Int, Int) -> Void) {
        let r = dims.count - 1
        if r == 0 { body(0, 0, 0); return }
        var index = [Int](repeating: 0, count: r)
        var offA = 0, offB = 0, offOut = 0
        while true {
            body(offOut, offA, offB)
            var d = r - 1
            while d >= 0 {
                index[d] += 1
                offA += strideA[d]; offB += strideB[d]; offOut += strideOut[d]
                if index[d] < dims[d] { break }
                offA -= strideA[d] * dims[d]; offB -= strideB[d] * dims[d]; offOut -= strideOut[d] * dims[d]
                index[d] = 0
                d -= 1
            }
            if d < 0 { return }
        }
    }
}
