import LearnTensor

/// The data of one run, built from the config and its seed, already split into training
/// and validation parts.
enum TrainingData: Sendable {
    /// Real-valued inputs: `line`, the 1-D functions, and the 2-D point sets.
    case points(train: PointSet, validation: PointSet)
    /// Token sequences of a fixed layout: the sequence tasks and `translate`.
    case tokens(train: TokenSet, validation: TokenSet, vocabulary: Vocabulary)
    /// A text: random windows for training, fixed windows for validation.
    case text(TextCorpus, validation: TokenSet)

    /// The random stream the data is drawn from: independent of the model's, so changing a
    /// model's size never changes its data.
    static let stream: UInt64 = 0x5DEE_CE66_D1CE_4E5B

    static func build(_ config: RunConfig) throws(ConfigError) -> TrainingData {
        let options = config.dataOptions
        var rng = RandomSource(seed: config.seed ^ stream)
        let noise = Float(options.noise)
        switch config.data {
        case .text(let name, let contents):
            guard !contents.isEmpty else { throw ConfigError("text \(name) is empty") }
            let corpus = try TextCorpus(name: name, text: contents, context: config.context,
                                        validationFraction: options.validation)
            return .text(corpus, validation: corpus.validationSet(context: config.context))
        case .named(let name):
            switch name.kind {
            case .line:
                let (train, validation) = Curves.line(target: Float(options.target))
                return .points(train: train, validation: validation)
            case .function:
                let all = Curves.function(name, points: options.points, noise: noise, rng: &rng)
                let (train, validation) = all.split(validationFraction: options.validation)
                return .points(train: train, validation: validation)
            case .points:
                let all = PlanePoints.make(name, points: options.points, noise: noise, rng: &rng)
                let (train, validation) = all.split(validationFraction: options.validation)
                return .points(train: train, validation: validation)
            case .sequence:
                let all = SequenceTasks.make(name, count: options.points, length: options.length, rng: &rng)
                let (train, validation) = all.split(validationFraction: options.validation)
                return .tokens(train: train, validation: validation, vocabulary: SequenceTasks.vocabulary(name))
            case .pairs:
                let (train, validation) = Translation.make().split(validationFraction: options.validation)
                return .tokens(train: train, validation: validation, vocabulary: Translation.vocabulary)
            }
        }
    }

    var vocabulary: Vocabulary? {
        switch self {
        case .points: nil
        case .tokens(_, _, let v): v
        case .text(let corpus, _): corpus.vocabulary
        }
    }

    /// Classification (points with labels, every token task) or regression.
    var isClassification: Bool {
        if case .points(let train, _) = self { return train.isClassification }
        return true
    }

    /// Classes of point data; 0 for regression and for tokens.
    var pointClasses: Int {
        if case .points(let train, _) = self { return train.classes }
        return 0
    }
}
