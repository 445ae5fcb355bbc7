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

    /// Builds the model the config asks for. Whether it can be built is the model's
    /// ``ModelSpec``'s question, the same one the linter asks; `Trainer` asks it first.
    static func build(_ config: RunConfig, data: TrainingData) -> Network {
        var rng = RandomSource(seed: config.seed ^ stream)
        switch (config.model, data) {
        case (.kx, .points):
            return .kx(KLearner(initialK: Float(config.initialK)))
        case (.perceptron, .points(let train, _)):
            return .perceptron(Perceptron(inputs: train.dimensions, rng: &rng))
        case (.mlp, .points(let train, _)):
            let outputs = train.isClassification ? train.classes : 1
            return .mlp(MLP(sizes: [train.dimensions] + config.layers + [outputs], activation: config.activation, rng: &rng))
        case (.transformer, _):
            guard let vocabulary = data.vocabulary else { break }
            return .sequence(Transformer(vocabulary: vocabulary.count, width: config.embed, heads: config.heads,
                                         blocks: config.blocks, maxLength: Swift.max(config.context, data.time),
                                         norm: config.norm, rng: &rng))
        case (.rnn, _), (.lstm, _), (.gru, _):
            guard let vocabulary = data.vocabulary else { break }
            let recurrent = RecurrentLanguageModel(kind: config.model, vocabulary: vocabulary.count, embed: config.embed,
                                                    hidden: config.hidden, rng: &rng)
            if config.model == .lstm, let bias = config.forgetBias { recurrent.openForgetGate(Float(bias)) }
            return .sequence(recurrent)
        default:
            break
        }
        preconditionFailure("ModelSpec accepted \(config.model.rawValue) on \(config.data.shape.rawValue) data that the network cannot build")
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
