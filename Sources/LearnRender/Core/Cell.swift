/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies two cells: the first holds the grapheme,
/// the second is a *continuation* cell whose `text` is empty. Writers never leave a
/// continuation without its lead, nor a lead without its continuation.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}
