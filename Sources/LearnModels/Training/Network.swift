import LearnTensor

/// The model of a run, by the kind of data it reads.
enum Network {
    case kx(KLearner)
    case perceptron(Perceptron)
    case mlp(MLP)
    case sequence(any SequenceModel)

    var model: any Model {
        switch self {
        case .kx(let m): m
        case .perceptron(let m): m
        case .mlp(let m): m
        case .sequence(let m): m
        }
    }

    var pointModel: (any PointModel)? {
        switch self {
        case .kx(let m): m
        case .perceptron(let m): m
        case .mlp(let m): m
        case .sequence: nil
        }
    }

    /// The random stream initial weights are drawn from.
    static let stream: UInt64 = 0x2545_F491_4F6C_DD1D

    /// Builds the model the config asks for, checking that it fits the data.
    static func build(_ config: RunConfig, data: TrainingData) throws(ConfigError) -> Network {
        var rng = RandomSource(seed: config.seed ^ stream)
        let model = config.model
        switch (model, data) {
        case (.kx, .points(let train, _)):
            guard train.dimensions == 1, !train.isClassification else {
                throw ConfigError("kx learns y = k·x: it needs 1-D data (line, sin, abs, step, poly)")
            }
            return .kx(KLearner(initialK: Float(config.initialK)))
        case (.perceptron, .points(let train, _)):
            guard train.classes == 2 else {
                throw ConfigError("perceptron needs a two-class point dataset (and, or, xor, circle, spiral, moons)")
            }
            return .perceptron(Perceptron(inputs: train.dimensions, rng: &rng))
        case (.mlp, .points(let train, _)):
            for width in config.layers where !Limits.layerWidth.contains(width) {
                throw ConfigError("layer width \(width) is outside \(Limits.layerWidth)")
            }
            guard Limits.layerCount.contains(config.layers.count) else {
                throw ConfigError("\(config.layers.count) hidden layers is outside \(Limits.layerCount)")
            }
            let outputs = train.isClassification ? train.classes : 1
            return .mlp(MLP(sizes: [train.dimensions] + config.layers + [outputs], activation: config.activation, rng: &rng))
        case (.rnn, _), (.lstm, _), (.gru, _), (.transformer, _):
            guard let vocabulary = data.vocabulary else {
                throw ConfigError("\(model.rawValue) reads tokens: use a sequence task, translate, or a text file")
            }
            guard Limits.embed.contains(config.embed) else { throw ConfigError("embed \(config.embed) is outside \(Limits.embed)") }
            if model == .transformer {
                guard Limits.heads.contains(config.heads), config.embed % config.heads == 0 else {
                    throw ConfigError("embed (\(config.embed)) must be a multiple of heads (\(config.heads)), heads in \(Limits.heads)")
                }
                guard Limits.blocks.contains(config.blocks) else { throw ConfigError("blocks \(config.blocks) is outside \(Limits.blocks)") }
                return .sequence(Transformer(vocabulary: vocabulary.count, width: config.embed, heads: config.heads,
                                             blocks: config.blocks, maxLength: Swift.max(config.context, data.time),
                                             norm: config.norm, rng: &rng))
            }
            guard Limits.hidden.contains(config.hidden) else { throw ConfigError("hidden \(config.hidden) is outside \(Limits.hidden)") }
            let recurrent = RecurrentLanguageModel(kind: model, vocabulary: vocabulary.count, embed: config.embed,
                                                    hidden: config.hidden, rng: &rng)
            if model == .lstm, let bias = config.forgetBias { recurrent.openForgetGate(Float(bias)) }
            return .sequence(recurrent)
        default:
            throw ConfigError("\(model.rawValue) cannot learn from this data: \(model.isSequence ? "it reads tokens" : "it reads numbers, not text or token sequences")")
        }
    }
}

extension TrainingData {
    /// Input length T of one token example (text: the context).
    var time: Int {
        switch self {
        case .points: 0
        case .tokens(let train, _, _): train.time
        case .text(_, let validation): validation.time
        }
    }
}
