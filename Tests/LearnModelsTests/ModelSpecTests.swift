import Testing
@testable import LearnModels

/// The spec is what the linter believes; the trainer is what runs. They must agree.
@Suite struct ModelSpecTests {
    static func small(_ model: ModelKind, _ data: DataSource) -> RunConfig {
        var c = RunConfig(model: model, data: data)
        c.embed = 8
        c.hidden = 4
        c.context = 8
        c.dataOptions.points = 40
        c.dataOptions.length = 3
        c.layers = [3, 2]
        c.batch = 4
        return c
    }

    static let text = DataSource.text(name: "data/x.txt", contents: String(repeating: "the cat sat on the mat. ", count: 8))

    static var everyPair: [(ModelKind, DataSource)] {
        ModelKind.allCases.flatMap { m in (DatasetName.allCases.map { DataSource.named($0) } + [text]).map { (m, $0) } }
    }

    @Test func everyModelBuildsOnExactlyTheDataItsSpecAllowsWithTheParametersItLists() throws {
        for (model, data) in Self.everyPair {
            for norm in Norm.allCases {
                var c = Self.small(model, data)
                c.norm = norm
                let spec = ModelSpec.of(model)
                let problems = spec.problems(c)
                do {
                    let trainer = try Trainer(c)
                    #expect(problems.isEmpty, "\(model) on \(data.shape): built, but the spec says \(problems)")
                    let real = trainer.namedTensors.map { "\($0.name) \($0.tensor.count)" }
                    let listed = spec.parameters(c).map { "\($0.name) \($0.count)" }
                    #expect(real == listed, "\(model) on \(data.shape)")
                } catch {
                    #expect(problems.first == error, "\(model) on \(data.shape): the spec's first problem is what the trainer says")
                }
                if model != .transformer { break }
            }
        }
    }

    @Test func perceptronRefusesThreeClassPointsAndSaysWhy() {
        for name in [DatasetName.blobs, .threePoints] {
            #expect(!ModelSpec.of(.perceptron).accepts(name))
            let problem = ModelSpec.of(.perceptron).problems(RunConfig(model: .perceptron, data: .named(name))).first
            #expect(problem?.key == "data")
            #expect(problem?.message.contains("has 3") == true)
        }
        #expect(ModelSpec.of(.mlp).accepts(.blobs))
    }

    @Test func aTextShorterThanItsContextIsRefusedByTheSpecAsByTheCorpus() {
        var c = RunConfig(model: .lstm, data: .text(name: "t.txt", contents: "abcdefghij"))
        c.context = 16
        let problem = ModelSpec.of(.lstm).problems(c).first
        #expect(problem?.key == "context")
        #expect(throws: problem!) { try Trainer(c) }
    }

    @Test func costGrowsWithTheModelAndFlagsTheIssuesTransformer() {
        var huge = RunConfig(model: .transformer, data: .named(.copy))
        huge.embed = 256; huge.heads = 16; huge.blocks = 6; huge.batch = 512; huge.dataOptions.length = 64
        let cost = ModelSpec.of(.transformer).cost(huge)
        #expect(cost.secondsPerStep > Cost.maxSecondsPerStep)
        #expect(cost.bytes > Cost.maxBytes)
        let shipped = ModelSpec.of(.transformer).cost(RunConfig(model: .transformer, data: .named(.copy)))
        #expect(shipped.secondsPerStep < Cost.slowSecondsPerStep)
    }
}
