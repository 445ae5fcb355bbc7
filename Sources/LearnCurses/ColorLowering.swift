import LearnRender

/// Turns a `Color` from the xterm 256-colour palette into a colour number the terminal
/// has, given how many colours it reports (`COLORS`).
///
/// With 256 colours every colour is itself. With fewer, an indexed colour becomes the
/// nearest of the first 8 (or 16) basic colours by squared distance in RGB,
///
///     nearest(c) = argmin_k  (r_c − r_k)² + (g_c − g_k)² + (b_c − b_k)²,
///
/// taken among the greys (black, white, and with 16 grey and bright white) when c is
/// nearly grey — chroma max(r,g,b) − min(r,g,b) < 50 — and among the hues otherwise:
/// plain distance would send mid grey to yellow and dark red to black, and a diverging
/// map must keep its sign's hue. The RGB of palette entry n is the xterm default: 0–15 the
/// basic colours below, 16–231 the 6×6×6 cube with levels (0, 95, 135, 175, 215, 255),
/// 232–255 the greys 8 + 10·(n − 232). Meaning never rests on colour alone, so a coarse
/// match is enough.
public enum ColorLowering {
    /// The xterm default RGB of the 16 basic colours.
    static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// Below this chroma (max − min channel) a colour counts as grey.
    static let greyChroma = 50

    static let greys = [0, 7, 8, 15]
    static let hues = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14]

    /// The colour number to give curses for `color` on a terminal with `colorCount`
    /// colours (at least 8).
    public static func number(for color: Color, colorCount: Int) -> Int {
        let basicCount = colorCount >= 16 ? 16 : 8
        switch color {
        case .basic(let n):
            let n = Int(n) % 16
            return n < basicCount ? n : n - 8
        case .indexed(let n):
            let n = Int(n)
            if colorCount >= 256 { return n }
            if n < 16 { return n < basicCount ? n : n - 8 }
            return nearestBasic(to: rgb(ofIndexed: n), among: basicCount)
        }
    }

    /// The xterm default RGB of palette entry `n` (0…255).
    static func rgb(ofIndexed n: Int) -> (Int, Int, Int) {
        switch n {
        case 0..<16:
            return basicRGB[n]
        case 16..<232:
            let i = n - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let grey = 8 + 10 * (n - 232)
            return (grey, grey, grey)
        }
    }

    static func nearestBasic(to rgb: (Int, Int, Int), among count: Int) -> Int {
        let chroma = max(rgb.0, rgb.1, rgb.2) - min(rgb.0, rgb.1, rgb.2)
        let candidates = (chroma < greyChroma ? greys : hues).filter { $0 < count }
        var best = candidates[0]
        var bestDistance = Int.max
        for k in candidates {
            let (r, g, b) = basicRGB[k]
            let d = (rgb.0 - r) * (rgb.0 - r) + (rgb.1 - g) * (rgb.1 - g) + (rgb.2 - b) * (rgb.2 - b)
            if d < bestDistance {
                best = k
                bestDistance = d
            }
        }
        return best
    }
}
