import CNCurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// The next key or resize, waiting at most `timeoutMilliseconds` (negative: wait until
    /// there is one); nil when none came in time. The process sleeps in the kernel while
    /// it waits, so an idle notebook uses no CPU.
    ///
    /// Esc arrives after the escape delay (25 ms by default), not a second later. Ctrl-Z
    /// suspends the program here: when the shell resumes it, the screen is repainted on
    /// the next `draw`, and a `.resize` event with the current size says so.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        precondition(isOpen, "Terminal.nextEvent after close()")
        guard let window else { return nil }
        let timeout = timeoutMilliseconds < 0 ? -1 : Int32(clamping: timeoutMilliseconds)
        if timeout != currentTimeout {
            wtimeout(window, timeout)
            currentTimeout = timeout
        }
        while true {
            var value: wint_t = 0
            switch wget_wch(window, &value) {
            case KEY_CODE_YES where Int32(bitPattern: value) == KEY_RESIZE:
                return resized()
            case KEY_CODE_YES:
                if let key = TerminalKey.decode(value, isKeyCode: true) { return .key(key) }
            case OK where value == 26:
                suspend()
                return resized()
            case OK:
                if let key = TerminalKey.decode(value, isKeyCode: false) { return .key(key) }
            default:
                return nil
            }
        }
    }

    private func resized() -> TerminalEvent {
        size = (Int(cn_cols()), Int(cn_lines()))
        needsFullRedraw = true
        return .resize(width: size.width, height: size.height)
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops the process group, as the
    /// shell's own job control would; curses re-enters on the next update.
    private func suspend() {
        TerminalRestore.disarm()
        endwin()
        kill(0, SIGSTOP)
        TerminalRestore.arm()
        doupdate()
    }
}
