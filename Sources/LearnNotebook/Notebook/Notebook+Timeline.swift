/// Moving through a run's past (`,` `.` one step, `<` `>` a tenth of the run): the cell
/// pauses and shows that step, every panel as it was then. `space` replays from there;
/// a knob turned there branches a new run, leaving the old one as a ghost.
extension Notebook {
    /// A tenth of the run's budget, at least one step.
    var scrubJump: Int { max(1, (summary?.steps ?? 10) / 10) }

    func scrub(by delta: Int) {
        guard liveCell != nil, let now = summary else { state.message = "nothing to train on this page"; return }
        if askPredictionFirst() { return }
        state.running = false
        pause()
        let from = scrubTarget ?? now.step
        let target = min(max(from + delta, 0), now.furthest)
        guard target != from else {
            state.message = delta < 0 ? "this is the start of the run" : "this is the furthest step trained — space trains on"
            return
        }
        scrubTarget = target
        change(replacing: true) { cell in
            cell.seek(to: target)
            return nil
        }
    }
}
