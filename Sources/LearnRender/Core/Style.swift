/// A terminal colour. Widgets choose from the 256-colour palette; the terminal layer
/// lowers each colour to what the terminal has (`ColorTier`).
public enum Color: Hashable, Sendable {
    /// One of the 16 basic ANSI colours (0 black … 7 white, 8 … 15 bright).
    case basic(UInt8)
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
}

/// How many colours the output may use. Lower tiers never lose meaning: sign and
/// magnitude are always carried by glyphs as well.
public enum ColorTier: Int, Comparable, Sendable, CaseIterable {
    case none = 0, basic8 = 8, indexed256 = 256

    public static func < (a: ColorTier, b: ColorTier) -> Bool { a.rawValue < b.rawValue }
}

/// The look of one cell.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, background: Color? = nil,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}
