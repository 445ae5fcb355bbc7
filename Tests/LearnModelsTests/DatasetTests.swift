import Testing
import Foundation
import LearnTensor
@testable import LearnModels

@Suite struct DatasetTests {
    func points(_ name: DatasetName, _ options: DataOptions = DataOptions()) throws -> (PointSet, PointSet) {
        var c = RunConfig(model: .mlp, data: .named(name))
        c.dataOptions = options
        guard case .points(let train, let validation) = try TrainingData.build(c) else {
            Issue.record("not points")
            return (PointSet(dimensions: 1, inputs: []), PointSet(dimensions: 1, inputs: []))
        }
        return (train, validation)
    }

    @Test func lineIsTheSourcesToy() throws {
        var options = DataOptions()
        options.target = 2
        let (train, validation) = try points(.line, options)
        #expect(train.inputs == (1...10).map(Float.init))
        #expect(train.targets == (1...10).map { Float(2 * $0) })
        #expect(validation.inputs == [11] && validation.targets == [22])
    }

    @Test(arguments: [DatasetName.and, .or, .xor])
    func logicGatesLabelTheCorners(_ gate: DatasetName) throws {
        var options = DataOptions()
        options.noise = 0
        options.points = 40
        let (train, validation) = try points(gate, options)
        #expect(train.count + validation.count == 40)
        #expect(validation.count == 8)
        for set in [train, validation] {
            for i in 0..<set.count {
                let a = set.inputs[2 * i] == 1, b = set.inputs[2 * i + 1] == 1
                let expected = gate == .and ? (a && b) : gate == .or ? (a || b) : (a != b)
                #expect(set.labels[i] == (expected ? 1 : 0))
            }
        }
    }

    @Test func threePointsLabelIsTheNearestSite() throws {
        var options = DataOptions()
        options.noise = 0
        let (train, _) = try points(.threePoints, options)
        #expect(train.classes == 3)
        for i in 0..<train.count {
            #expect(train.labels[i] == PlanePoints.nearestSite(train.inputs[2 * i], train.inputs[2 * i + 1]))
        }
        #expect(Set(train.labels) == [0, 1, 2])
    }

    @Test(arguments: [DatasetName.blobs, .circle, .spiral, .moons, .sin, .abs, .step, .poly])
    func everyDatasetHasTheRequestedSizeAndIsSeeded(_ name: DatasetName) throws {
        var options = DataOptions()
        options.points = 100
        let (train, validation) = try points(name, options)
        #expect(train.count == 80 && validation.count == 20)
        #expect(train.inputs.allSatisfy { $0.isFinite })
        let (again, _) = try points(name, options)
        #expect(again == train)
    }

    @Test func sequenceTasksHaveTheirAnswersScored() throws {
        var rng = RandomSource(seed: 1)
        let vocab = SequenceTasks.vocabulary(.reverse)
        let reverse = SequenceTasks.make(.reverse, count: 5, length: 4, rng: &rng)
        #expect(reverse.time == 8)
        for i in 0..<reverse.count {
            let whole = vocab.decode(reverse.inputs[i] + [reverse.targets[i].last!])
            let parts = whole.split(separator: "=")
            #expect(String(parts[1]) == String(parts[0].reversed()))
            #expect(reverse.scored[i] == [false, false, false, false, true, true, true, true])
        }
        let sort = SequenceTasks.make(.sort, count: 3, length: 5, rng: &rng)
        let sortVocab = SequenceTasks.vocabulary(.sort)
        for i in 0..<sort.count {
            let parts = sortVocab.decode(sort.inputs[i] + [sort.targets[i].last!]).split(separator: "=")
            #expect(String(parts[1]) == String(parts[0].sorted()))
        }
    }

    @Test func recallAsksForTheFirstSymbolAtTheEnd() throws {
        var rng = RandomSource(seed: 2)
        let vocab = SequenceTasks.vocabulary(.recall)
        let set = SequenceTasks.make(.recall, count: 10, length: 20, rng: &rng)
        #expect(set.time == 22)
        for i in 0..<set.count {
            #expect(set.targets[i].last == set.inputs[i].first)
            #expect(vocab.symbols[set.inputs[i].last!] == "?")
            #expect(set.scored[i].filter { $0 }.count == 1 && set.scored[i].last == true)
        }
    }

    @Test func translationPairsAreCharacterSequences() throws {
        let set = Translation.make()
        #expect(Translation.pairs.count >= 30 && Translation.pairs.count <= 60)
        let vocab = Translation.vocabulary
        let first = vocab.decode(set.inputs[0] + [set.targets[0].last!])
        #expect(first.hasPrefix("我爱你=I love you."))
        let scored = zip(set.targets[0], set.scored[0]).filter { $1 }.map { $0.0 }
        #expect(vocab.decode(scored) == "I love you.")
    }

    @Test func textVocabularyAndSplit() throws {
        let corpus = try TextCorpus(name: "t", text: "hello world, hello moon", context: 4, validationFraction: 0.25)
        #expect(corpus.vocabulary.symbols == Array(" ,dehlmnorw"))
        #expect(corpus.train.count + corpus.validation.count == 23)
        #expect(corpus.vocabulary.labels.first == "␣")
        #expect(throws: ConfigError.self) { try TextCorpus(name: "t", text: "abc", context: 8, validationFraction: 0.2) }
    }

    /// Issue 20 #3: a megabyte of rare graphemes made a vocabulary of ~213,000 and one
    /// 55.7 GB allocation. The most frequent 256 are kept; the rest share one `�` token.
    @Test func aTextVocabularyIsBounded() throws {
        let rare = (0..<5_000).map { Character(Unicode.Scalar(0x4E00 + $0)!) }
        let text = String(repeating: "the cat sat on the mat. ", count: 40) + String(rare)
        let corpus = try TextCorpus(name: "t", text: text, context: 8, validationFraction: 0.1)
        let vocabulary = corpus.vocabulary
        #expect(vocabulary.count == Vocabulary.maxTextSymbols + 1)
        let unknown = try #require(vocabulary.unknown)
        #expect(vocabulary.symbols[unknown] == "\u{FFFD}")
        #expect(vocabulary.encode("cat") == vocabulary.encode("cat").filter { $0 != unknown }, "frequent characters keep their own token")
        #expect(vocabulary.encode(String(rare.last!)) == [unknown])
        #expect(Set(corpus.train + corpus.validation).count == vocabulary.count)
        let small = Vocabulary(text: "hello")
        #expect(small.unknown == nil && small.count == 4)
    }

    @Test func shippedCorporaAreReadable() throws {
        let folder = URLHelper.lessonsData
        for name in ["rhymes.txt", "fables.txt", "poems.txt", "tiny.txt"] {
            let text = try String(contentsOfFile: folder + name, encoding: .utf8)
            #expect(text.count > 500, "\(name)")
            let corpus = try TextCorpus(name: name, text: text, context: 32, validationFraction: 0.1)
            #expect(corpus.vocabulary.count < 90, "\(name)")
        }
    }
}

enum URLHelper {
    /// `Lessons/data/` of this checkout, found from this source file's path.
    static var lessonsData: String {
        let here = #filePath
        let root = here.components(separatedBy: "/Tests/")[0]
        return root + "/Lessons/data/"
    }
}
