/// Why the terminal could not be opened. Each case has a message for the user.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal(stream: String)
    /// `TERM` is unset, `dumb`, or names a terminal without cursor addressing (`cup`).
    case dumbTerminal(term: String?)
    /// `TERM` names a terminal the terminfo database does not know.
    case unknownTerminal(term: String)
    /// Another `Terminal` is open; curses drives one screen per process here.
    case alreadyOpen
    /// The terminal modes could not be read (`tcgetattr` failed).
    case cannotReadModes(errno: Int32)

    public var message: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal"
        case .dumbTerminal(nil):
            return "TERM is not set, so the terminal's capabilities are unknown"
        case .dumbTerminal(.some(let term)):
            return "TERM=\(term) cannot move the cursor"
        case .unknownTerminal(let term):
            return "TERM=\(term) is not a terminal this system knows (no terminfo entry)"
        case .alreadyOpen:
            return "the terminal is already open"
        case .cannotReadModes(let code):
            return "cannot read the terminal's modes (errno \(code))"
        }
    }

    public var description: String { message }
}
