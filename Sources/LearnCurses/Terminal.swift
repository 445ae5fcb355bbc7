import CNCurses
import LearnRender

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, driven by ncurses: draws `CellGrid` frames and reads keys.
///
/// Curses state is per process, so at most one `Terminal` is open at a time; it is not
/// `Sendable` and belongs to the thread that opened it. The screen is the alternate
/// screen (what `newterm` enters), in raw mode without echo, with the cursor hidden.
///
/// The terminal is always put back: by `close()` (also run by `deinit`), and if the
/// process dies first — a signal, a crash or `exit` — by the handlers `TerminalRestore`
/// installs for as long as the terminal is open.
///
/// Implementation choices:
/// - `newterm`, never `initscr`: `initscr` on an unknown `TERM` prints and exits the
///   process; `newterm` returns nil and we report it.
/// - Raw mode, so Ctrl-C is a key (`.interrupt`) the notebook can answer by saving and
///   quitting; Ctrl-Z is handled here (suspend, then a `.resize` event to repaint).
/// - `setlocale(LC_ALL, "")` for the wide-character API (`C.UTF-8` when the UTF-8 locale
///   asked for is not installed), then `LC_NUMERIC` back to "C"
///   so that no number the program formats ever depends on the user's locale.
public final class Terminal {
    public struct Options: Sendable {
        /// No colour at all, whatever the terminal can do (`--no-color`). The `NO_COLOR`
        /// environment variable, when set and not empty, does the same.
        public var noColor: Bool
        /// How long after Esc to wait for the rest of an escape sequence, in ms.
        public var escapeDelayMilliseconds: Int

        public init(noColor: Bool = false, escapeDelayMilliseconds: Int = 25) {
            self.noColor = noColor
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    /// Whether the locale's codeset is UTF-8. When false, non-ASCII glyphs cannot be
    /// shown (they come out as `?`): draw with the ASCII glyph set.
    public let isUTF8: Bool
    /// The colours `draw` can show; every `Style` colour is lowered to this tier.
    public let colorTier: ColorTier
    /// Columns and rows, as of the last `open` or `.resize` event.
    public internal(set) var size: (width: Int, height: Int)

    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?
    /// The frame on screen, for drawing only what changed.
    var previous: CellGrid?
    var needsFullRedraw = true
    var currentTimeout = Int32.min
    var colorPairs: ColorPairs
    /// Whether −1 (the terminal's own colour) may be used in a pair.
    let hasDefaultColors: Bool
    let colorCount: Int
    var renditions: [Style: Rendition] = [:]

    /// Attributes and colour pair for one `Style`, as curses takes them.
    struct Rendition {
        var attributes: attr_t
        var pair: Int32
    }

    private init(screen: OpaquePointer, isUTF8: Bool, colorTier: ColorTier, colorCount: Int,
                 pairLimit: Int, hasDefaultColors: Bool) {
        self.screen = screen
        self.window = cn_stdscr()
        self.isUTF8 = isUTF8
        self.colorTier = colorTier
        self.colorCount = colorCount
        self.colorPairs = ColorPairs(limit: pairLimit)
        self.hasDefaultColors = hasDefaultColors
        self.size = (Int(cn_cols()), Int(cn_lines()))
    }

    /// Opens the terminal, or says clearly why it cannot: standard input and output must
    /// both be terminals and `TERM` must name a known terminal that can move the cursor.
    public static func open(_ options: Options = Options()) throws(TerminalError) -> Terminal {
        if TerminalRestore.isInstalled { throw .alreadyOpen }
        if isatty(STDIN_FILENO) == 0 { throw .notATerminal(stream: "standard input") }
        if isatty(STDOUT_FILENO) == 0 { throw .notATerminal(stream: "standard output") }
        guard let term = environment("TERM") else { throw .dumbTerminal(term: nil) }
        if term == "dumb" { throw .dumbTerminal(term: term) }

        // A UTF-8 locale that is not installed (`LANG=zh_CN.UTF-8` on a machine without
        // it) would leave the C locale and no wide characters: UTF-8 is what was asked for.
        if setlocale(LC_ALL, "") == nil, let asked = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap(environment).first,
           asked.lowercased().filter({ $0 != "-" }).contains("utf8") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        setlocale(LC_NUMERIC, "C")
        cn_unblock_terminal_signals()
        let isUTF8 = cn_codeset_is_utf8() != 0

        if let code = TerminalRestore.install(fd: STDOUT_FILENO) { throw .cannotReadModes(errno: code) }
        guard let screen = newterm(term, cn_stdout(), cn_stdin()) else {
            TerminalRestore.uninstall()
            throw .unknownTerminal(term: term)
        }
        guard canAddressCursor() else {
            endwin()
            delscreen(screen)
            TerminalRestore.uninstall()
            throw .dumbTerminal(term: term)
        }
        TerminalRestore.arm()

        raw()
        noecho()
        nonl()
        set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        let window = cn_stdscr()
        keypad(window, true)
        // Cursor keys as the terminal sends them with keypad mode off (ESC [ C), beside
        // terminfo's (ESC O C): a stop from outside (kill -TSTP, then fg) leaves curses
        // reading with keypad mode off, and → would come in as Esc, `[`, `C`.
        for (sequence, code) in [("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT),
                                 ("\u{1B}[D", KEY_LEFT), ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END)] {
            define_key(sequence, code)
        }
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)

        var tier = ColorTier.none
        var colorCount = 0
        var hasDefaultColors = false
        let noColor = options.noColor || environment("NO_COLOR") != nil
        if !noColor, has_colors(), start_color() == OK {
            hasDefaultColors = use_default_colors() == OK
            colorCount = Int(cn_colors())
            tier = colorCount >= 256 ? .indexed256 : colorCount >= 8 ? .basic8 : .none
        }
        return Terminal(screen: screen, isUTF8: isUTF8, colorTier: tier, colorCount: colorCount,
                        pairLimit: tier == .none ? 0 : Int(cn_color_pairs()),
                        hasDefaultColors: hasDefaultColors)
    }

    /// Whether the terminal is open (not yet closed).
    public var isOpen: Bool { screen != nil }

    /// Leaves curses and puts the terminal back as it was. Safe to call more than once.
    public func close() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        previous = nil
        TerminalRestore.uninstall()
    }

    deinit {
        close()
    }

    /// A non-empty environment variable.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// Whether the terminfo entry has absolute cursor movement (`cup`).
    private static func canAddressCursor() -> Bool {
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1
    }
}
