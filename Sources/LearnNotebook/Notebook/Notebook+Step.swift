import LearnModels

/// The step-through view (`x`): the live cell pauses and takes its next training step as a
/// recorded one, which the student walks through page by page.
extension Notebook {
    func stepInside() {
        guard liveCell != nil, let now = summary else { state.message = look.tr("nothing to train on this page"); return }
        if askPredictionFirst() { return }
        guard now.divergence == nil else { state.message = look.tr("training diverged: press r to reset"); return }
        state.running = false
        scrubTarget = nil
        worker?.cancelOwed()
        guard let taken = whenFree(waiting: 1, { $0.tracedStep() }) else {
            state.message = look.tr("a step is under way — press x again")
            return
        }
        guard let record = taken else { return }
        stepRecord = record
        let example = if case .step(_, let e)? = state.overlay { e } else { 0 }
        state.overlay = .step(page: 0, example: min(example, max(0, record.batchSize - 1)))
        checkExercise()
    }

    func handleStepKey(_ key: Key, page: Int, example: Int) {
        guard let record = stepRecord else { state.overlay = nil; return }
        let titles = StepPages(step: record, example: example).pages.map(\.title)
        let pages = titles.count
        switch key {
        case .pageDown:
            let next = titles.indices.first { $0 > page && StepPages.part(titles[$0]) != StepPages.part(titles[page]) }
            state.overlay = .step(page: next ?? pages - 1, example: example)
        case .pageUp:
            let start = { (i: Int) in titles.indices.last { $0 <= i && ($0 == 0 || StepPages.part(titles[$0 - 1]) != StepPages.part(titles[i])) } ?? 0 }
            let here = start(page)
            state.overlay = .step(page: here < page ? here : start(max(0, here - 1)), example: example)
        case .right, .char("l"), .char("n"): state.overlay = .step(page: min(page + 1, pages - 1), example: example)
        case .left, .char("p"): state.overlay = .step(page: max(page - 1, 0), example: example)
        case .down, .char("j"): state.overlay = .step(page: page, example: min(example + 1, max(0, record.batchSize - 1)))
        case .up: state.overlay = .step(page: page, example: max(example - 1, 0))
        case .char("x"): stepInside()
        default: break
        }
    }
}

extension StepTrace {
    /// Examples (or sequences) in the step's batch.
    var batchSize: Int { trace.batch.first?.value.shape.first ?? 0 }
}
