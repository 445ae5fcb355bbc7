#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Short number labels for axes, colour bars and value labels, without Foundation.
public enum NumberText {
    /// `value` with exactly `decimals` digits after the point (rounded half away from zero);
    /// `nan`, `inf`, `-inf` for non-finite values; never `-0`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let d = min(max(decimals, 0), 9)
        let scale = pow10(d)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return format(value, significant: 3) }
        let n = Int(scaled)
        let whole = n / Int(scale), frac = n % Int(scale)
        var text = String(whole)
        if d > 0 {
            let digits = String(frac)
            text += "." + String(repeating: "0", count: d - digits.count) + digits
        }
        return value < 0 && n != 0 ? "-" + text : text
    }

    /// `value` with about `significant` significant digits: fixed-point for
    /// 10⁻³ ≤ |v| < 10⁵, otherwise mantissa and exponent (`2.5e-4`, `1e6`).
    public static func format(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let s = max(1, significant)
        let exponent = Int(log10(abs(value)).rounded(.down))
        if exponent >= -3 && exponent < 5 {
            return trimmed(fixed(value, decimals: max(0, s - 1 - exponent)))
        }
        var mantissa = value / pow10(exponent)
        var e = exponent
        if abs((mantissa * pow10(s - 1)).rounded()) >= pow10(s) { mantissa /= 10; e += 1 }
        return trimmed(fixed(mantissa, decimals: s - 1)) + "e" + String(e)
    }

    /// Drops trailing zeros after a decimal point (`0.500` → `0.5`, `2.0` → `2`).
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }
}
