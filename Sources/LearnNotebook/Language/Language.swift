import LearnLessons

/// The language a student reads: the course's translations and the interface's strings.
/// `nil` is the original (English).
public enum Language {
    public static let environmentKey = "LEARN_LANG"
    /// Locale variables in POSIX order: the first one set decides.
    static let localeKeys = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// `--lang`, else `LEARN_LANG`, else the locale (`LANG=zh_CN.UTF-8` → `zh`). English —
    /// `en`, `C`, `POSIX`, or nothing set — is nil.
    public static func resolve(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return code(option) }
        if let chosen = environment[environmentKey], !chosen.isEmpty { return code(chosen) }
        for key in localeKeys {
            if let locale = environment[key], !locale.isEmpty { return code(locale) }
        }
        return nil
    }

    /// The language part of a code or locale: `zh_CN.UTF-8`, `zh-Hans`, `zh_TW` → `zh`;
    /// `en_US`, `C.UTF-8`, `POSIX` → nil; anything that is not a language code → nil.
    public static func code(_ text: String) -> String? {
        let language = text.prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }.lowercased()
        guard language != "en", LessonLoader.isLanguageCode(language) else { return nil }
        return language
    }
}
