import Testing
@testable import LearnLessons

/// SplitMix64: a small seeded generator, so every mutation run is the same run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RobustnessTests {
    /// Checks the loader's promises for any input: it returns, a rejected lesson says why
    /// with an error, and every location lies inside the file.
    func checkSane(_ bytes: [UInt8], _ note: String) {
        let result = LessonLoader.load(bytes: bytes, path: "01-perceptron.md", root: nil, lessonIDs: nil)
        let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
        if result.lesson == nil {
            #expect(result.diagnostics.contains { $0.severity == .error }, "rejected without an error: \(note)")
        }
        for d in result.diagnostics {
            #expect((1...lines).contains(d.location.line) && d.location.column >= 1,
                    "\(d.rule.id) at \(d.location.line):\(d.location.column) outside \(lines) lines: \(note)")
        }
    }

    @Test func thousandsOfMutatedLessonsNeverCrashAndPointInsideTheFile() {
        var rng = SplitMix64(state: 42)
        let seeds = [Fixtures.perceptron, Fixtures.neuron, Fixtures.rhymes].map { Array($0.utf8) }
        for round in 0..<2000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutate(&bytes, using: &rng)
            }
            checkSane(bytes, "round \(round)")
        }
    }

    func mutate(_ bytes: inout [UInt8], using rng: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            bytes[Int.random(in: bytes.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        case 1:
            let pick = Array("[]{}:-#`'\" \t\n~&*!|>".utf8)
            bytes[Int.random(in: bytes.indices, using: &rng)] = pick.randomElement(using: &rng)!
        case 2:
            lines.remove(at: Int.random(in: lines.indices, using: &rng))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 3:
            let i = Int.random(in: lines.indices, using: &rng)
            lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &rng))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 4:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        default:
            let i = Int.random(in: lines.indices, using: &rng)
            lines[i] = Array(lines[i].shuffled(using: &rng))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }

    @Test func pathologicalInputsAreRejectedCleanly() {
        let cell = { (yaml: String) in RuleCase.lesson(cell: ["id: c", "model: mlp", "data: xor", "steps: 10", yaml]) }
        let cases: [(String, [UInt8])] = [
            ("deep flow", Array(cell("layers: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8)),
            ("deep block", Array(cell((0..<3000).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n")).utf8)),
            ("dash run", Array(cell("layers: " + String(repeating: "- ", count: 20_000) + "1").utf8)),
            ("alias bomb", Array(cell("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]").utf8)),
            ("megabyte prose line", Array((RuleCase.lesson() + String(repeating: "word ", count: 220_000) + "\n").utf8)),
            ("megabyte heading", Array((RuleCase.lesson() + "## " + String(repeating: "é", count: 500_000) + "\n").utf8)),
            ("megabyte front matter value", Array(RuleCase.lesson().replacingOccurrences(of: "title: Demo", with: "title: " + String(repeating: "x", count: 1_000_000)).utf8)),
            ("many fences", Array((RuleCase.lesson() + String(repeating: "```\n", count: 50_001)).utf8)),
            ("random bytes", { var r = SplitMix64(state: 7); return (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &r) } }()),
            ("random text", { var r = SplitMix64(state: 9); return Array(String((0..<100_000).map { _ in Character(Unicode.Scalar(UInt8.random(in: 9...126, using: &r))) }).utf8) }()),
        ]
        for (name, bytes) in cases { checkSane(bytes, name) }
        let deep = LessonLoader.load(bytes: cases[0].1, path: "01-demo.md", root: nil, lessonIDs: nil)
        #expect(deep.diagnostics.map(\.rule) == [.tooDeep])
        let bomb = LessonLoader.load(bytes: cases[3].1, path: "01-demo.md", root: nil, lessonIDs: nil)
        #expect(bomb.diagnostics.map(\.rule) == [.tooLarge])
        let wide = LessonLoader.load(bytes: cases[4].1, path: "01-demo.md", root: nil, lessonIDs: nil)
        #expect(wide.lesson != nil)
    }

    @Test func aMegabyteLineIsExcerptedAroundTheColumn() throws {
        let text = RuleCase.lesson().replacingOccurrences(of: "---\n\n## Page", with: "---\n" + String(repeating: " ", count: 100_000) + "x" + String(repeating: "y", count: 100_000) + "\n## Page")
        let d = LessonLoader.load(text: text, path: "01-demo.md").diagnostics
        let orphan = try #require(d.first { $0.rule == .proseBeforePage })
        #expect(orphan.location.line == 8 && orphan.location.column == 100_001)
        let excerpt = try #require(orphan.excerpt)
        #expect(excerpt.text.count == 1 + 60 + 60 + 1)
        #expect(excerpt.caretOffset == 61)
        #expect(DiagnosticFormatter.text(orphan).contains("\n   | " + String(repeating: " ", count: 61) + "^\n"))
    }
}
