import Testing
@testable import LearnRender

/// Random data and random areas never crash, never write outside the area, never split a
/// wide character, and ASCII mode writes only printable ASCII.
@Suite struct PropertyTests {
    /// Data sets including the degenerate ones: empty, all NaN, constant, ±∞, huge, tiny.
    static func dataSets(_ rng: inout SampleRNG, count: Int) -> [[Double]] {
        let random = (0..<count).map { _ in Double.random(in: -5...5, using: &rng) }
        return [
            [], [.nan], Array(repeating: .nan, count: count), Array(repeating: 3, count: count),
            Array(repeating: 0, count: count), [.infinity, -.infinity, 1, .nan, 0],
            random, random.map { $0 * 1e300 }, random.map { $0 * 1e-300 },
            random.enumerated().map { $0.offset % 7 == 0 ? .nan : ($0.offset % 11 == 0 ? .infinity : $0.element) },
        ]
    }

    static let labels = ["a", "我爱", "longer label", "", "é", "🙂x", "ｆｕｌｌ"]

    static func widgets(_ data: [Double], glyphs g: GlyphSet, rng: inout SampleRNG) -> [(String, (inout CellGrid, Rect) -> Void)] {
        let n = data.count
        let side = max(1, Int(Double(n).squareRoot()))
        let labels = (0..<max(n, 1)).map { Self.labels[$0 % Self.labels.count] }
        let logY = Bool.random(using: &rng)
        return [
            ("lineChart", { LineChart(series: [.init(name: labels[0], values: data), .init(name: "v", values: data.reversed(), stroke: .dashed),
                                               .init(name: "p", values: data, xs: data, stroke: .points)],
                                      glyphs: g, title: "t 我", logY: logY).render(into: &$0, area: $1) }),
            ("heatmapCells", { Heatmap(values: data, rows: side, columns: side + 1, glyphs: g, title: "w",
                                       rowLabels: labels, columnLabels: labels, mask: data.map { $0 > 2 })
                                   .render(into: &$0, area: $1) }),
            ("heatmapHalf", { Heatmap(values: data, rows: side + 1, columns: side, scale: .sequential(range: nil), mode: .halfBlock,
                                      glyphs: g, markers: [.init(row: 0, column: 0, glyph: "◆")]).render(into: &$0, area: $1) }),
            ("field", { Field(classes: data.map { $0.isFinite ? Int(abs($0).truncatingRemainder(dividingBy: 4)) : 0 },
                              confidence: data.map { abs($0) / 5 }, gridRows: side, gridColumns: side,
                              xRange: -1...1, yRange: -2...2,
                              points: data.indices.map { .init(x: data[$0], y: data[($0 + 1) % n], label: $0) }, glyphs: g)
                            .render(into: &$0, area: $1) }),
            ("barsH", { Bars(values: data, labels: labels, glyphs: g, logScale: logY, title: "b").render(into: &$0, area: $1) }),
            ("barsV", { Bars(values: data, labels: labels, orientation: .vertical, glyphs: g, logScale: logY).render(into: &$0, area: $1) }),
            ("sparkline", { Sparkline(values: data, glyphs: g).render(into: &$0, area: $1) }),
            ("scatter", { Scatter(points: data.indices.map { .init(x: data[$0], y: data[(n - 1 - $0)], label: labels[$0]) },
                                  glyphs: g, title: "e").render(into: &$0, area: $1) }),
            ("network", { Network(layers: [side, 3, 1], weights: [data, Array(data.prefix(3))], layerNames: labels, glyphs: g,
                                  title: "n").render(into: &$0, area: $1) }),
            ("text", { TextBlock(markdown: "# 标题 \(labels.joined(separator: " "))\n- **\(data.map { NumberText.format($0) }.joined())**\n```\n我爱你\tx\n```",
                                 glyphs: g, scrollOffset: n % 5).render(into: &$0, area: $1) }),
            ("border", { Border(title: labels.joined(), glyphs: g).render(into: &$0, area: $1) }),
        ]
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomRendersStayInsideTheirArea(seed: UInt64) {
        var rng = SampleRNG(seed: seed)
        for data in Self.dataSets(&rng, count: Int.random(in: 1...400, using: &rng)) {
            for glyphs in [GlyphSet.ascii, .unicode] {
                for (name, draw) in Self.widgets(data, glyphs: glyphs, rng: &rng) {
                    let w = Int.random(in: 1...300, using: &rng), h = Int.random(in: 1...100, using: &rng)
                    let area = Rect(x: Int.random(in: -3...w, using: &rng), y: Int.random(in: -3...h, using: &rng),
                                    width: Int.random(in: 0...w, using: &rng), height: Int.random(in: 0...h, using: &rng))
                    var grid = CellGrid(width: w, height: h, filledWith: Cell("x"))
                    draw(&grid, area)
                    let context = "\(name) \(glyphs.isUnicode ? "unicode" : "ascii") grid \(w)×\(h) area \(area) n \(data.count)"
                    #expect(grid.width == w && grid.height == h && grid.cells.count == w * h, "\(context)")
                    let inside = untouchedOutside(grid, area), whole = wideCharactersWhole(grid)
                    #expect(inside, "wrote outside its area: \(context)")
                    #expect(whole, "split a wide character: \(context)")
                    if !glyphs.isUnicode {
                        let ascii = printableASCII(grid)
                        #expect(ascii, "non-ASCII output: \(context)")
                    }
                }
            }
        }
    }

    @Test func tinyAreasEveryWidget() {
        var rng = SampleRNG(seed: 99)
        let data = Self.dataSets(&rng, count: 50)[6]
        for glyphs in [GlyphSet.ascii, .unicode] {
            for (name, draw) in Self.widgets(data, glyphs: glyphs, rng: &rng) {
                for w in 0...4 {
                    for h in 0...4 {
                        var grid = CellGrid(width: 6, height: 6, filledWith: Cell("x"))
                        let area = Rect(x: 1, y: 1, width: w, height: h)
                        draw(&grid, area)
                        let inside = untouchedOutside(grid, area), whole = wideCharactersWhole(grid)
                        #expect(inside, "\(name) \(w)×\(h)")
                        #expect(whole, "\(name) \(w)×\(h)")
                    }
                }
            }
        }
    }

    @Test func randomWritesNeverSplitWideCharacters() {
        var rng = SampleRNG(seed: 7)
        let pieces = ["我", "a", "爱你", "é", "🙂", "xyz", "ｆ", "\t", ""]
        for _ in 0..<200 {
            let w = Int.random(in: 1...12, using: &rng)
            var grid = CellGrid(width: w, height: 2, filledWith: Cell("x"))
            for _ in 0..<20 {
                let text = (0..<3).map { _ in pieces.randomElement(using: &rng)! }.joined()
                let clip = Bool.random(using: &rng) ? Rect(x: Int.random(in: 0...w, using: &rng), y: 0, width: Int.random(in: 0...w, using: &rng), height: 2) : nil
                grid.write(text, x: Int.random(in: -3...w, using: &rng), y: Int.random(in: -1...2, using: &rng), clip: clip)
                if Bool.random(using: &rng) {
                    grid.fill(Rect(x: Int.random(in: -2...w, using: &rng), y: 0, width: Int.random(in: 0...4, using: &rng), height: 1),
                              with: Cell(pieces.randomElement(using: &rng)!))
                }
            }
            let whole = wideCharactersWhole(grid), widths = grid.lines.allSatisfy { DisplayWidth.of($0) == w }
            #expect(whole, "\(grid.description)")
            #expect(widths, "\(grid.description)")
        }
    }
}

/// Every cell outside `area` still holds the placeholder `x`.
func untouchedOutside(_ grid: CellGrid, _ area: Rect) -> Bool {
    for y in 0..<grid.height {
        for x in 0..<grid.width where !(x >= area.x && x < area.maxX && y >= area.y && y < area.maxY) {
            if grid[x, y].text != "x" { return false }
        }
    }
    return true
}

/// Every wide grapheme is followed by its continuation cell and every continuation follows one.
func wideCharactersWhole(_ grid: CellGrid) -> Bool {
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation {
                guard x > 0, DisplayWidth.of(grid[x - 1, y].text) == 2 else { return false }
            } else if DisplayWidth.of(cell.text) == 2 {
                guard x + 1 < grid.width, grid[x + 1, y].isContinuation else { return false }
            } else if DisplayWidth.of(cell.text) != 1 {
                return false
            }
        }
    }
    return true
}

func printableASCII(_ grid: CellGrid) -> Bool {
    grid.cells.allSatisfy { $0.text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && $0.text.utf8.count == 1 }
}
