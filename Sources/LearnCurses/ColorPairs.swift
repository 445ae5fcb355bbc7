import LearnRender

/// Curses colour pairs, allocated on first use and cached by (foreground, background).
///
/// Colour numbers are what the terminal takes (see `ColorLowering`); −1 is the terminal's
/// own default colour. Pair 0 is fixed to the defaults. Pairs 1 … `limit` − 1 are handed
/// out in order and never recycled: recycling a pair would repaint every cell already on
/// screen with it. When they run out, a style keeps its foreground on the default
/// background if that pair exists or still fits, and otherwise falls back to pair 0.
struct ColorPairs {
    struct Key: Hashable {
        var foreground: Int
        var background: Int
    }

    /// The number of pairs the terminal has (`COLOR_PAIRS`), pair 0 included.
    let limit: Int
    private(set) var pairs: [Key: Int] = [:]
    private var nextPair = 1

    init(limit: Int) {
        self.limit = limit
    }

    /// The pair for `key`; `initialize(pair, fg, bg)` is called once for each new pair and
    /// returns whether curses accepted it.
    mutating func pair(for key: Key, initialize: (Int, Int, Int) -> Bool) -> Int {
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] ?? allocate(key, initialize) { return pair }
        let foregroundOnly = Key(foreground: key.foreground, background: -1)
        if key.background != -1, let pair = pairs[foregroundOnly] ?? allocate(foregroundOnly, initialize) {
            return pair
        }
        return 0
    }

    private mutating func allocate(_ key: Key, _ initialize: (Int, Int, Int) -> Bool) -> Int? {
        guard nextPair < limit, initialize(nextPair, key.foreground, key.background) else { return nil }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }
}
