import CNCurses

/// Puts the terminal back when the process ends without `Terminal.close()`: on every
/// signal whose default action ends the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
/// SIGUSR2, SIGALRM, SIGPIPE, … and the real-time signals), on a crash (SIGILL from a
/// Swift trap, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) and at `exit`.
///
/// The handler is C in `CNCurses/shim.h`, async-signal-safe: it writes a reset sequence
/// prepared from terminfo (sgr0 op cnorm rmkx rmcup) and restores the saved terminal modes
/// with `tcsetattr`, then puts back the action that was there before and re-raises: by
/// default the process ends as it would have (a shell sees 128 + signal, a crash dumps
/// core), and the Swift runtime's crash backtracer, if installed, reports on the normal
/// screen. Signals ignored at `open` (SIGHUP under `nohup`) stay ignored.
///
/// The C state is `static` in the header, one copy per object file that uses it: this is
/// the only Swift file that may call the `cn_restore_*` functions.
enum TerminalRestore {
    /// Saves the modes of `fd` and installs the handlers; call before `newterm`, so that
    /// ncurses leaves SIGINT and SIGTERM to us. Returns errno on failure.
    static func install(fd: Int32) -> Int32? {
        let code = cn_restore_install(fd)
        return code == 0 ? nil : code
    }

    /// Prepares the reset sequence from the current terminfo entry and arms the handlers.
    static func arm() {
        cn_restore_arm()
    }

    /// Stops restoring while the program is suspended and the shell owns the terminal.
    static func disarm() {
        cn_restore_disarm()
    }

    /// Puts back the previous signal handlers; curses has restored the terminal itself.
    static func uninstall() {
        cn_restore_uninstall()
    }

    /// Whether the handlers are installed, i.e. a terminal is open.
    static var isInstalled: Bool {
        cn_restore_is_installed() != 0
    }
}
