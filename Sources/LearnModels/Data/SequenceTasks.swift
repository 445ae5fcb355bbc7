import LearnTensor

/// Token tasks with an obvious right answer. Each example is one sequence, the model reads
/// it left to right and is scored only where the answer is.
///
/// - `copy`, `reverse`, `sort`: `length` symbols from `a…h`, then `=`, then the answer:
///   the same symbols, reversed, or sorted. `abc=abc`, `abc=cba`, `cab=abc`.
/// - `recall` (long range): a key `A…D`, then `length` distractors from `a…h`, then `?`,
///   then the key again: `Bfhacg…?B`. Only the last token is scored; a model can only get it
///   right (beyond the 1-in-4 guess) by carrying the key across all the distractors.
enum SequenceTasks {
    static let symbols: [Character] = Array("abcdefgh")
    static let keys: [Character] = Array("ABCD")

    static func vocabulary(_ task: DatasetName) -> Vocabulary {
        task == .recall ? Vocabulary(symbols: symbols + keys + ["?"]) : Vocabulary(symbols: symbols + ["="])
    }

    /// `count` examples of `task` with `length` symbols each.
    static func make(_ task: DatasetName, count: Int, length: Int, rng: inout RandomSource) -> TokenSet {
        let vocab = vocabulary(task)
        let time = task.sequenceTime(length: length)
        var set = TokenSet(time: time)
        for _ in 0..<count {
            let body = (0..<length).map { _ in symbols[rng.int(below: symbols.count)] }
            switch task {
            case .recall:
                let key = keys[rng.int(below: keys.count)]
                let s = vocab.encode(String([key] + body + ["?", key]))
                set.append(TokenSet.example(s, scoredFrom: time - 1, to: time - 1))
            case .copy, .reverse, .sort:
                let answer: [Character] = switch task {
                case .copy: body
                case .reverse: body.reversed()
                default: body.sorted()
                }
                let s = vocab.encode(String(body + ["="] + answer))
                set.append(TokenSet.example(s, scoredFrom: length, to: time - 1))
            default:
                preconditionFailure("\(task.rawValue) is not a sequence task")
            }
        }
        return set
    }
}
