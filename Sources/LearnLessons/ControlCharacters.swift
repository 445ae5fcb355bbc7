/// Control characters shown as escapes, so text a lesson controls (a title, a value quoted
/// in a message, a YAML reader's excerpt) cannot drive the terminal it is printed on: an
/// ESC in a title could otherwise set the clipboard (OSC 52) or the window title.
///
/// Every C0 control but newline and tab, DEL, and every C1 control (U+0080–U+009F, which a
/// terminal may read as ESC + a letter) is escaped; everything else passes unchanged.
public enum ControlCharacters {
    public enum Style: Sendable {
        /// `\x1B`: for text read by people.
        case text
        /// `\u001b`: inside a JSON string, where `\x` is not an escape.
        case json
    }

    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` with every control character written as an escape.
    public static func escaped(_ text: String, style: Style = .text) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: style == .text)
            let escape = switch style {
            case .text: "\\x" + (hex.count < 2 ? "0" : "") + hex
            case .json: "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}
