extension Color {
    /// The colour's (r, g, b), 0…255, in the xterm palette.
    ///
    /// Indices 0…15 are the basic colours; 16…231 a 6×6×6 cube with channel levels
    /// 0, 95, 135, 175, 215, 255 (index = 16 + 36r + 6g + b); 232…255 a grey ramp 8 + 10k.
    public var rgb: (r: Int, g: Int, b: Int) {
        switch self {
        case .basic(let n): return Color.basicRGB(Int(n))
        case .indexed(let n):
            let i = Int(n)
            if i < 16 { return Color.basicRGB(i) }
            if i >= 232 { let v = 8 + 10 * (i - 232); return (v, v, v) }
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        }
    }

    private static func basicRGB(_ n: Int) -> (r: Int, g: Int, b: Int) {
        let on = n >= 8 ? 255 : 205
        let bits = n & 7
        if n == 7 { return (229, 229, 229) }
        if n == 8 { return (127, 127, 127) }
        return (bits & 1 != 0 ? on : 0, bits & 2 != 0 ? on : 0, bits & 4 != 0 ? on : 0)
    }

    /// The nearest of the eight basic colours (0 black, 1 red, 2 green, 3 yellow, 4 blue,
    /// 5 magenta, 6 cyan, 7 white).
    ///
    /// With m = max(r, g, b): m < 80 is black (dark shades, such as the near-zero end of a
    /// diverging scale, stay dark); otherwise bit c of the ANSI index is set when channel
    /// c ≥ m / 2, so hue survives for dark and light shades alike.
    public var basic8: UInt8 {
        if case .basic(let n) = self { return n & 7 }
        let (r, g, b) = rgb
        let m = max(r, g, b)
        if m < 80 { return 0 }
        let half = m / 2
        return UInt8((r >= half ? 1 : 0) | (g >= half ? 2 : 0) | (b >= half ? 4 : 0))
    }
}

extension Style {
    /// This style as a terminal with `tier` colours can show it.
    ///
    /// - `.indexed256`: unchanged.
    /// - `.basic8`: every colour becomes one of the eight basic colours (`Color.basic8`).
    /// - `.none`: colours are dropped; bold, dim, reverse and underline stay.
    ///
    /// Widgets never carry sign or magnitude by colour alone, so lowering loses no meaning.
    public func lowered(to tier: ColorTier) -> Style {
        var style = self
        switch tier {
        case .indexed256:
            break
        case .basic8:
            style.foreground = foreground.map { .basic($0.basic8) }
            style.background = background.map { .basic($0.basic8) }
        case .none:
            style.foreground = nil
            style.background = nil
        }
        return style
    }
}
