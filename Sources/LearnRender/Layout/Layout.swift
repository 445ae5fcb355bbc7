/// How much of a split one part takes.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (or what is left, if less).
    case fixed(Int)
    /// A share of what is left after the fixed parts, by weight.
    case ratio(Int)
}

extension Rect {
    /// This rectangle shrunk by `top`, `right`, `bottom`, `left` cells (never below empty).
    public func inset(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// This rectangle shrunk by `padding` cells on every side.
    public func inset(_ padding: Int) -> Rect {
        inset(top: padding, right: padding, bottom: padding, left: padding)
    }

    /// Splits into rows (top to bottom) by `constraints`, with `spacing` empty rows between.
    public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(height, constraints, spacing: spacing).map {
            Rect(x: x, y: y + $0.offset, width: width, height: $0.size)
        }
    }

    /// Splits into columns (left to right) by `constraints`, with `spacing` empty columns between.
    public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(width, constraints, spacing: spacing).map {
            Rect(x: x + $0.offset, y: y, width: $0.size, height: height)
        }
    }
}

/// The arithmetic behind `Rect.rows` and `Rect.columns`.
public enum Layout {
    /// Divides `total` cells: fixed parts first (in order, while room lasts), then the rest
    /// by ratio. With R the remaining cells and weights wᵢ (sum W), part i gets
    /// ⌊R·(w₁+…+wᵢ)/W⌋ − ⌊R·(w₁+…+wᵢ₋₁)/W⌋ cells, so the parts add up to exactly R.
    public static func split(_ total: Int, _ constraints: [Constraint], spacing: Int = 0)
        -> [(offset: Int, size: Int)] {
        guard !constraints.isEmpty else { return [] }
        let gaps = max(0, spacing) * (constraints.count - 1)
        var free = max(0, total - gaps)
        var sizes = [Int](repeating: 0, count: constraints.count)
        for (i, c) in constraints.enumerated() {
            if case .fixed(let n) = c {
                sizes[i] = min(max(0, n), free)
                free -= sizes[i]
            }
        }
        let weights = constraints.map { c -> Int in if case .ratio(let w) = c { return max(0, w) } else { return 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var cumulative = 0, given = 0
            for (i, w) in weights.enumerated() where w > 0 {
                cumulative += w
                let upTo = free * cumulative / totalWeight
                sizes[i] = upTo - given
                given = upTo
            }
        }
        var offset = 0
        var parts: [(offset: Int, size: Int)] = []
        parts.reserveCapacity(sizes.count)
        for size in sizes {
            parts.append((min(offset, total), size))
            offset += size + max(0, spacing)
        }
        return parts
    }
}
