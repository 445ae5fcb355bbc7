/// The toy translation task: short Chinese sentences and their English, written as one
/// character sequence `我爱你=I love you.` and padded with `_` to the longest pair.
/// A decoder-only model reads the Chinese, then writes the English one character at a
/// time; the loss counts only the English characters. Every English side ends in `.`,
/// `?` or `!`, which is where generation stops.
enum Translation {
    static let separator: Character = "="
    static let padding: Character = "_"

    static let pairs: [(chinese: String, english: String)] = [
        ("我爱你", "I love you."),
        ("你爱我", "You love me."),
        ("他爱她", "He loves her."),
        ("她爱他", "She loves him."),
        ("我想你", "I miss you."),
        ("我是学生", "I am a student."),
        ("你是老师", "You are a teacher."),
        ("他是医生", "He is a doctor."),
        ("我喜欢猫", "I like cats."),
        ("我喜欢狗", "I like dogs."),
        ("你喜欢茶", "You like tea."),
        ("他喜欢书", "He likes books."),
        ("我们喝水", "We drink water."),
        ("他们吃饭", "They eat rice."),
        ("我看书", "I read books."),
        ("你好", "Hello."),
        ("谢谢", "Thank you."),
        ("再见", "Goodbye."),
        ("早上好", "Good morning."),
        ("晚安", "Good night."),
        ("我很好", "I am fine."),
        ("你好吗", "How are you?"),
        ("你是谁", "Who are you?"),
        ("这是什么", "What is this?"),
        ("猫在睡觉", "The cat sleeps."),
        ("狗在跑", "The dog runs."),
        ("鸟会飞", "Birds can fly."),
        ("鱼会游泳", "Fish can swim."),
        ("天是蓝的", "The sky is blue."),
        ("草是绿的", "The grass is green."),
        ("太阳很热", "The sun is hot."),
        ("水很冷", "The water is cold."),
        ("我饿了", "I am hungry."),
        ("我累了", "I am tired."),
        ("下雨了", "It is raining."),
        ("我有一本书", "I have a book."),
        ("她有一只猫", "She has a cat."),
        ("我们是朋友", "We are friends."),
        ("我不知道", "I do not know."),
        ("请坐", "Please sit."),
        ("快跑", "Run!"),
        ("小心", "Be careful!"),
    ]

    static let vocabulary: Vocabulary = {
        var seen = Set<Character>()
        var symbols: [Character] = [padding, separator]
        seen.formUnion(symbols)
        for (c, e) in pairs {
            for ch in c + e where !seen.contains(ch) {
                seen.insert(ch)
                symbols.append(ch)
            }
        }
        return Vocabulary(symbols: symbols)
    }()

    /// The longest `chinese=english` sequence, in characters.
    static let longest = pairs.map { $0.chinese.count + 1 + $0.english.count }.max() ?? 0

    /// All pairs in a fixed order; the validation split takes the last ones.
    static func make() -> TokenSet {
        var set = TokenSet(time: longest - 1)
        for (c, e) in pairs {
            let text = c + String(separator) + e
            let padded = text + String(repeating: padding, count: longest - text.count)
            let s = vocabulary.encode(padded)
            // Target index t predicts s[t + 1]; English starts at s[c.count + 1].
            set.append(TokenSet.example(s, scoredFrom: c.count, to: c.count + e.count - 1))
        }
        return set
    }
}
