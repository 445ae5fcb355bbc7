import Foundation

/// Collects the diagnostics of one file, and reads typed values out of YAML nodes,
/// reporting every value that does not fit its key.
struct Report {
    var diagnostics: [Diagnostic] = []

    mutating func add(_ rule: Rule, at location: SourceLocation, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(rule, at: location, message, help: help))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The mapping's entries by key, after reporting unknown keys, non-scalar keys and
    /// missing required keys (at `owner`).
    mutating func entries(_ node: YNode, specs: [KeySpec], what: String, owner: SourceLocation,
                          extraHelp: [String: String] = [:]) -> [String: (key: YNode, value: YNode)]? {
        guard case .mapping(let pairs) = node.value else {
            add(.badType, at: node.location, "\(what) must be a mapping of `key: value` lines, found \(node.kindName)")
            return nil
        }
        var result: [String: (key: YNode, value: YNode)] = [:]
        let known = specs.map(\.name)
        for pair in pairs {
            guard let name = pair.key.scalar else {
                add(.badType, at: pair.key.location, "keys in \(what) must be plain words, found \(pair.key.kindName)")
                continue
            }
            if known.contains(name) {
                result[name] = pair
            } else {
                add(.unknownKey, at: pair.key.location, "unknown key `\(YNode.clip(name))` in \(what)",
                    help: extraHelp[name] ?? Suggest.help(for: name, in: known))
            }
        }
        for spec in specs where spec.required && result[spec.name] == nil {
            add(.missingKey, at: owner, "\(what) needs `\(spec.name):` (\(spec.doc))")
        }
        return result
    }

    mutating func text(_ node: YNode, key: String) -> String? {
        guard case .scalar = node.value, let s = node.scalar else {
            add(.badType, at: node.location, "`\(key)` must be text, found \(node.kindName)")
            return nil
        }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add(.badValue, at: node.location, "`\(key)` must not be empty")
            return nil
        }
        return s
    }

    mutating func id(_ node: YNode, key: String) -> String? {
        guard let s = text(node, key: key) else { return nil }
        guard Schema.isValidID(s) else {
            add(.badValue, at: node.location, "`\(key)` must be lower-case letters, digits and `-`, found `\(YNode.clip(s))`",
                help: "try `\(slug(s))`")
            return nil
        }
        return s
    }

    /// A whole number in `range`.
    mutating func bool(_ node: YNode, key: String) -> Bool? {
        switch node.scalar {
        case "true": return true
        case "false": return false
        default:
            add(.badType, at: node.location, "`\(key)` must be `true` or `false`, found \(node.kindName)")
            return nil
        }
    }

    mutating func int(_ node: YNode, key: String, range: ClosedRange<Int>) -> Int? {
        guard case .scalar(_, true) = node.value, let s = node.scalar, let v = Int(s.replacingOccurrences(of: "_", with: "")) ?? exactInt(s) else {
            notANumber(node, key: key, "a whole number")
            return nil
        }
        guard range.contains(v) else {
            add(.outOfRange, at: node.location, "`\(key)` is \(v), outside \(Schema.text(range))",
                help: "use a value from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return v
    }

    /// `1e3` written for a whole number.
    private func exactInt(_ s: String) -> Int? {
        guard let d = Double(s), d.isFinite, d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    mutating func uint64(_ node: YNode, key: String) -> UInt64? {
        guard case .scalar(_, true) = node.value, let s = node.scalar, let v = UInt64(s.replacingOccurrences(of: "_", with: "")) else {
            notANumber(node, key: key, "a whole number ≥ 0")
            return nil
        }
        return v
    }

    /// A finite number in `range` (any finite number if nil).
    mutating func double(_ node: YNode, key: String, range: ClosedRange<Double>?) -> Double? {
        guard let v = Self.number(node) else {
            notANumber(node, key: key, "a number")
            return nil
        }
        if let range, !range.contains(v) {
            add(.outOfRange, at: node.location, "`\(key)` is \(Self.format(v)), outside \(Schema.text(range))",
                help: "use a value from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
            return nil
        }
        return v
    }

    /// Why a value is not the number `key` needs, with the likely cause: a number in
    /// quotes is text (quoted numbers are refused everywhere, never half-accepted), and a
    /// `- ` item indented deeper than the one above folds into it (`4 - 5`).
    private mutating func notANumber(_ node: YNode, key: String, _ what: String) {
        if case .scalar(let s, false) = node.value, Double(s.replacingOccurrences(of: "_", with: "")) != nil {
            add(.badType, at: node.location, "`\(key)` must be \(what), found the text \"\(YNode.clip(s))\" in quotes",
                help: "remove the quotes: `\(key): \(s)`")
        } else if node.folded {
            add(.badType, at: node.location, "`\(key)` must be \(what), found `\(YNode.clip(node.scalar ?? ""))`: lines folded into one",
                help: "a `- ` line indented deeper than the one above joins it; indent every item of the list the same")
        } else {
            add(.badType, at: node.location, "`\(key)` must be \(what), found \(node.kindName)")
        }
    }

    static func number(_ node: YNode) -> Double? {
        guard case .scalar(_, true) = node.value, let s = node.scalar,
              let v = Double(s.replacingOccurrences(of: "_", with: "")), v.isFinite else { return nil }
        return v
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    mutating func list(_ node: YNode, key: String) -> [YNode]? {
        guard case .sequence(let items) = node.value else {
            add(.badType, at: node.location, "`\(key)` must be a list (`[a, b]` or `- a` lines), found \(node.kindName)")
            return nil
        }
        return items
    }

    /// A name from a catalogue enum, with "did you mean".
    mutating func name<E: CaseIterable & RawRepresentable>(_ node: YNode, key: String, as type: E.Type,
                                                           rule: Rule, what: String) -> E? where E.RawValue == String {
        guard case .scalar = node.value, let s = node.scalar else {
            add(.badType, at: node.location, "`\(key)` must be a name, found \(node.kindName)")
            return nil
        }
        if let v = E(rawValue: s) { return v }
        add(rule, at: node.location, "unknown \(what) `\(YNode.clip(s))`",
            help: Suggest.help(for: s, in: E.allCases.map(\.rawValue)))
        return nil
    }

    /// A heading or id written freely, made into `[a-z0-9-]+`.
    /// An id suggestion: accents dropped first, so `célula` suggests `celula`.
    func slug(_ s: String) -> String { Slug.make(s.folding(options: .diacriticInsensitive, locale: nil)) }
}

enum Slug {
    /// Lower-case ASCII letters and digits kept, every other run of characters becomes `-`.
    static func make(_ s: String) -> String {
        var out = ""
        var dash = false
        for u in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                if dash, !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(u)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }
}
