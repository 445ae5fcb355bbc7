import CNCurses

/// Something the terminal reports: a key, or a new size.
public enum TerminalEvent: Hashable, Sendable {
    case key(TerminalKey)
    /// The terminal now has this many columns and rows; the next `draw` repaints fully.
    case resize(width: Int, height: Int)
}

/// A key the user pressed.
///
/// The terminal runs in raw mode, so Ctrl-C arrives as `.interrupt` (the caller decides
/// to quit, and can save first) instead of a signal. Ctrl-Z suspends the program inside
/// `Terminal.nextEvent` and never arrives here.
public enum TerminalKey: Hashable, Sendable {
    /// A printable character (any script).
    case character(Character)
    /// Ctrl plus a letter, `a` … `z`, for the letters without a case of their own.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case insert, delete
    case tab, backTab, enter, backspace, escape
    /// A function key, F1 … F63.
    case function(Int)
    /// Ctrl-C.
    case interrupt
}

extension TerminalKey {
    /// The key for what `get_wch` returned: a character (`isKeyCode == false`) or a
    /// curses key code (`KEY_CODE_YES`). Nil for codes with no key here (mouse, unknown
    /// function keys, stray control bytes).
    static func decode(_ value: UInt32, isKeyCode: Bool) -> TerminalKey? {
        isKeyCode ? decodeKeyCode(Int32(bitPattern: value)) : decodeCharacter(value)
    }

    static func decodeCharacter(_ value: UInt32) -> TerminalKey? {
        switch value {
        case 3: return .interrupt
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0, 28...31, 0x80..<0xA0:
            return nil
        default:
            return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    static func decodeKeyCode(_ code: Int32) -> TerminalKey? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case cn_key_f(1)...cn_key_f(63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
