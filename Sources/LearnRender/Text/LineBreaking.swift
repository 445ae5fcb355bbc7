/// Where a line of prose may break, beyond spaces: between any two CJK characters, but
/// never before a closing mark (`，。）」`) nor after an opening one (`（「`) — the rules of
/// Chinese typesetting (禁则). Spacing between CJK and Latin text is kept as written.
enum LineBreaking {
    /// Marks no line may start with.
    static let closing: Set<Character> = Set("，。；：！？、）」』】》〉〕｝］”’…‥・·％‰℃｡､,.;:!?)]}%")
    /// Marks no line may end with.
    static let opening: Set<Character> = Set("（「『【《〈〔｛［“‘([{")

    /// Whether the character is a wide (CJK) character, between two of which a line
    /// may break.
    static func isWide(_ ch: Character) -> Bool { DisplayWidth.of(ch) == 2 }

    /// Source lines of one paragraph joined as a reader sees them: a line break between
    /// two CJK characters is no space (Chinese is written without spaces); any other is one.
    static func join<S: StringProtocol>(_ lines: [S]) -> String {
        var out = ""
        for line in lines {
            if let last = out.last, let next = line.first, !(isWide(last) && isWide(next)) { out += " " }
            out += line
        }
        return out
    }
}
