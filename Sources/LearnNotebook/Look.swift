import LearnRender

/// How frames are drawn: the glyph set and the colours the output may use.
public struct Look: Sendable, Equatable {
    public var glyphs: GlyphSet
    public var tier: ColorTier
    /// The interface's language (``Strings``); nil is English.
    public var language: String?

    public init(glyphs: GlyphSet, tier: ColorTier, language: String? = nil) {
        self.glyphs = glyphs
        self.tier = tier
        self.language = language
    }

    /// Text as this look can show it: unchanged in Unicode, spelled in ASCII otherwise.
    func text(_ s: String) -> String { glyphs.displayable(s) }

    public static let unicode = Look(glyphs: .unicode, tier: .indexed256)
    public static let ascii = Look(glyphs: .ascii, tier: .none)

    // The notebook's own colours (256-colour palette; lowered by the terminal).
    static let accent = Color.indexed(39)
    static let header = Style(foreground: .indexed(231), background: .indexed(24), bold: true)
    static let status = Style(foreground: .indexed(252), background: .indexed(236))
    static let alert = Style(foreground: .indexed(231), background: .indexed(124), bold: true)
    static let dim = Style(foreground: .indexed(245))
    /// A wrong answer in the samples panel.
    static let wrong = Style(foreground: .indexed(203))
    static let selected = Style(reverse: true)
    /// Series colours for runs drawn side by side.
    static let runColors: [Color] = [.indexed(39), .indexed(208), .indexed(112), .indexed(170), .indexed(220)]
}
