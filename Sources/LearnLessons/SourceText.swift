/// A lesson file's text split into lines, after checking that it is text at all.
struct SourceText {
    let path: String
    /// Lines without their `\n`; the text's line endings are already `\n` (``LineEndings``).
    let lines: [Substring]

    private init(path: String, normalizedText text: String) {
        self.path = path
        lines = Substring(text).split(separator: "\n", omittingEmptySubsequences: false)
    }

    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The 1-based line, or "" past the end.
    func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Decodes raw file bytes, or says why they are not a lesson's text.
    static func decode(_ raw: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        let bytes = LineEndings.normalize(raw)
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(Diagnostic(.binaryFile, at: position(of: nul, in: bytes, path: path),
                                       "this is a binary file (NUL byte), not a lesson",
                                       help: "lesson files are UTF-8 Markdown text"))
        }
        if let bad = firstInvalidUTF8(bytes) {
            return .failure(Diagnostic(.badEncoding, at: position(of: bad, in: bytes, path: path),
                                       "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)))",
                                       help: "save the file as UTF-8"))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(Diagnostic(.emptyFile, at: SourceLocation(path: path, line: 1, column: 1),
                                       "the file is empty",
                                       help: "start with front matter: `---`, `learn: 1`, `id: …`, `---`"))
        }
        return .success(SourceText(path: path, normalizedText: text))
    }

    /// Line and column (in Unicode scalars) of byte `offset`, decoding the valid prefix.
    private static func position(of offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return SourceLocation(path: path, line: line, column: prefix.unicodeScalars.count + 1)
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }
}
