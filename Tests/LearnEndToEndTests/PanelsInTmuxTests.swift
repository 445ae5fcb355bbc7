import Foundation
import Testing

/// Issue 14 in a real terminal: `m` switches the heatmaps' scale and says so, and a
/// focused decision-regions panel reads the plane under its cursor on the status line.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct PanelsInTmuxTests {
    @Test func scaleKeyAndDecisionCursor() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["05"])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("Right")
        try tmux.send("Right")
        try tmux.send("Right")
        let held = tmux.wait(for: "gradients · held scale (m)")
        #expect(held.ok, "05 page 4 opens on a held scale:\n\(held.screen)")
        try tmux.send("m")
        let perStep = tmux.wait(for: "gradients · scale per step (m)")
        #expect(perStep.ok, "m switches it:\n\(perStep.screen)")
        try tmux.send("f")
        try tmux.send("Right")
        let cursor = tmux.wait(for: "x₂ = ")
        #expect(cursor.ok && cursor.screen.contains("x₁ = ") && cursor.screen.contains("p = "),
                "the cursor's readout:\n\(cursor.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
