/// A key press, as the notebook understands it. The terminal layer translates its own
/// key codes into these, so the notebook is tested without a terminal.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, enter, escape, backspace
}
