import Testing
@testable import LearnModels

@Suite struct InspectionTests {
    @Test func kxShowsPointsAndItsLine() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.initialK = 0.5
        let view = try Trainer(c).inspect()
        #expect(view.points1D.count == 10 && view.validation1D.map(\.x) == [11])
        #expect(view.curve.count == 100)
        #expect(view.curve.first!.x == 1 && view.curve.last!.x == 11)
        #expect(view.curve.allSatisfy { abs($0.y - 0.5 * $0.x) < 1e-5 })
        #expect(view.landscape == nil && view.region == nil)
    }

    @Test func perceptronRegionMatchesItsLine() throws {
        let t = try Trainer(RunConfig(model: .perceptron, data: .named(.and)))
        var options = InspectionOptions()
        options.regionColumns = 20
        options.regionRows = 10
        let view = t.inspect(options)
        let region = try #require(view.region)
        #expect(region.label.count == 200 && region.confidence.allSatisfy { $0 >= 0.5 && $0 <= 1 })
        #expect(view.layerSizes == [2, 1] && view.classes == 2)
        #expect(view.points2D.count == 200 && view.points2D.filter(\.validation).count == 40)
        // Check one cell against w·x + b directly: row 0 is the top (largest y).
        let p = t.parameters
        let (w, b) = (p[0].value, p[1].value[0])
        let x = region.xRange.lowerBound + (region.xRange.upperBound - region.xRange.lowerBound) * 0.5 / 20
        let y = region.yRange.upperBound - (region.yRange.upperBound - region.yRange.lowerBound) * 0.5 / 10
        #expect(region.label[0] == (w[0] * Float(x) + w[1] * Float(y) + b > 0 ? 1 : 0))
    }

    @Test func landscapeForTwoScalarParameters() throws {
        var c = RunConfig(model: .mlp, data: .named(.line))
        c.layers = []
        c.optimizer.lr = 0.005
        let t = try Trainer(c)
        t.train(steps: 10)
        let land = try #require(t.inspect().landscape)
        #expect(land.xName == "layers.0.weight" && land.yName == "layers.0.bias")
        #expect(land.path.count == 11 && land.loss.count == land.columns * land.rows)
        #expect(land.path.allSatisfy { land.xRange.contains($0.x) && land.yRange.contains($0.y) })
        // The loss is lowest near w = 1, b = 0 for y = x.
        let best = land.loss.indices.min { land.loss[$0] < land.loss[$1] }!
        let w = land.xRange.lowerBound + (land.xRange.upperBound - land.xRange.lowerBound) * Double(best % land.columns) / Double(land.columns - 1)
        #expect(abs(w - 1) < 0.2)
        #expect(t.history.count == 10, "inspecting does not train")
    }

    @Test(arguments: [(ModelKind.lstm, ["i", "f", "g", "o", "c"]), (.gru, ["r", "z", "n"]), (.rnn, [])])
    func recurrentInsides(_ kind: ModelKind, _ gateNames: [String]) throws {
        var c = RunConfig(model: kind, data: .named(.recall))
        c.dataOptions.length = 6
        c.hidden = 5
        c.embed = 4
        let view = try Trainer(c).inspect()
        #expect(view.tokens.count == 8 && view.tokens[7] == "?")
        let hidden = try #require(view.hidden)
        #expect(hidden.count == 8 && hidden.allSatisfy { $0.count == 5 })
        #expect(view.gates.map(\.name) == gateNames)
        #expect(view.gates.allSatisfy { $0.values.count == 8 })
        let flow = try #require(view.gradFlow)
        #expect(flow.count == 8 && flow.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(flow.last! > 0, "the scored last step gets gradient")
        #expect(view.embeddings?.labels.count == 13 && view.embeddings?.vectors.first?.count == 4)
        #expect(view.sample?.hasSuffix("?→" + String(view.sample!.last!)) == true)
        #expect(view.sampleTarget?.first == view.sampleTarget?.last)
        #expect(view.attention == nil && view.positions == nil)
    }

    @Test func transformerAttentionRowsAreDistributionsOverThePast() throws {
        var c = RunConfig(model: .transformer, data: .named(.translate))
        c.embed = 8
        c.heads = 2
        c.blocks = 2
        let view = try Trainer(c).inspect()
        let attention = try #require(view.attention)
        let t = view.tokens.count
        #expect(view.tokens.prefix(4) == ["我", "爱", "你", "="])
        #expect(attention.count == 2 && attention[0].count == 2)
        for layer in attention {
            for head in layer {
                for (row, weights) in head.enumerated() {
                    #expect(abs(weights.reduce(0, +) - 1) < 1e-4)
                    #expect(weights[(row + 1)...].allSatisfy { $0 == 0 })
                }
            }
        }
        let positions = try #require(view.positions)
        #expect(positions.count == t && positions[0][0] == 0 && positions[0][1] == 1)
        #expect(view.sampleTarget == "我爱你→I love you.")
        #expect(view.sample?.hasPrefix("我爱你→") == true)
        #expect(view.gradFlow == nil && view.hidden == nil)
    }

    @Test func textSampleIsSeededAndDoesNotDisturbTraining() throws {
        var c = RunConfig(model: .gru, data: .text(name: "tiny", contents: String(repeating: "the cat sat on the mat. ", count: 20)))
        c.hidden = 16
        c.context = 12
        c.temperature = 0.8
        let a = try Trainer(c), b = try Trainer(c)
        a.train(steps: 5)
        let sampleA = a.inspect().sample
        _ = a.trace()
        b.train(steps: 5)
        #expect(b.inspect().sample == sampleA)
        #expect(sampleA?.count == 8 + InspectionOptions().sampleLength)
        a.train(steps: 5)
        b.train(steps: 5)
        #expect(a.history == b.history)
        #expect(a.parameters.map(\.value) == b.parameters.map(\.value))
    }
}
