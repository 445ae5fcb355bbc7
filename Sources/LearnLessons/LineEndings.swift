/// Text as every editor saves it, read as one shape: a leading byte-order mark dropped,
/// `\r\n` (Windows) and a lone `\r` (classic Mac) turned into `\n`. Swift reads `\r\n` as
/// one `Character`, so without this a CRLF file has no `\n` lines at all and a CRLF corpus
/// keeps `"\r\n"` as one token. Lesson files and text data files both pass through here.
enum LineEndings {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].contains(UInt8(ascii: "\r")) else { return start == 0 ? bytes : Array(bytes[start...]) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }
}
