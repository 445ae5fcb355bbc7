/// "Did you mean …?" by edit distance.
enum Suggest {
    /// Edit distance counting insert, delete, substitute and swapping two neighbours as 1
    /// each (optimal string alignment), on Unicode scalars. Inputs longer than 64 scalars
    /// are not compared (they are never near a name).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.count > 64 || y.count > 64 { return Int.max }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// The closest candidate within 1 edit (names of up to 4 letters) or 2 (longer), or a
    /// candidate equal but for case.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower }) { return same }
        let limit = word.count <= 4 ? 1 : 2
        var best: (String, Int)?
        for c in candidates {
            let d = distance(lower, c)
            if d <= limit, d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }

    /// `did you mean `x`?`, or a list of what is allowed.
    static func help(for word: String, in candidates: [String]) -> String {
        if let c = closest(to: word, in: candidates) { return "did you mean `\(c)`?" }
        return "expected one of: " + candidates.map { "`\($0)`" }.joined(separator: ", ")
    }
}
