/// Numbers as the notebook prints them: short, and the same on every machine.
public enum Format {
    /// Up to four significant digits, no exponent between 1e-3 and 1e5.
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        let a = Swift.abs(v)
        if a >= 1e5 || a < 1e-3 { return exponent(v) }
        let digits = max(0, 3 - Int((a).log10Floor))
        return trimmed(fixed(v, digits))
    }

    /// `v` with exactly `digits` decimals.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return number(v) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (v * scale).rounded() / scale
        var s = String(Int64(Swift.abs(rounded)))
        if digits > 0 {
            let frac = Int64((Swift.abs(rounded) * scale).rounded()) % Int64(scale)
            var f = String(frac)
            while f.count < digits { f = "0" + f }
            s += "." + f
        }
        return (rounded < 0 ? "-" : "") + s
    }

    private static func exponent(_ v: Double) -> String {
        let e = Int(Swift.abs(v).log10Floor)
        var m = v
        for _ in 0..<Swift.abs(e) { m = e > 0 ? m / 10 : m * 10 }
        return trimmed(fixed(m, 2)) + "e" + String(e)
    }

    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}

extension Double {
    /// ⌊log10 |self|⌋ without Foundation.
    var log10Floor: Double {
        var a = self, e = 0.0
        while a >= 10 { a /= 10; e += 1 }
        while a < 1 && a > 0 { a *= 10; e -= 1 }
        return e
    }
}
