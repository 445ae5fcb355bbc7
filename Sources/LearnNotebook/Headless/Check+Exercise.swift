import LearnLessons

/// An exercise is fair when the cell as written misses its goal (there is something to
/// solve) and the solution's knob settings reach it; `learn check` tests both.
extension Check {
    static func exerciseOutcomes(_ job: Job, asWritten live: LiveCell, start: UInt64) -> [Outcome] {
        guard let exercise = job.cell.exercise else { return [] }
        let goal = exercise.goal.map(\.text).joined(separator: ", ")
        let before = exercise.goal.map { live.measure($0.metric, variant: $0.variant) }
        let unsolved = !exercise.isMet(before)
        let asWritten = outcome(job, "exercise: the cell as written misses [\(goal)]", measured: nil, passed: unsolved,
                                message: unsolved ? "exercise as written: \(measurements(exercise, before))"
                                    : "exercise: the cell as written already meets the goal (\(measurements(exercise, before))): nothing to solve",
                                start: start, location: exercise.location)
        let settings = exercise.solution.map { "\($0.knob.rawValue) = \($0.value)" }.joined(separator: ", ")
        let name = "exercise: the solution (\(settings)) meets [\(goal)]"
        let solved: LiveCell
        do {
            solved = try LiveCell(job.cell, seed: job.seed, rewindable: false)
            try solved.set(exercise.solution)
        } catch {
            return [asWritten, outcome(job, name, measured: nil, passed: false, message: "cannot build the solution: \(error.message)", start: start, location: exercise.location)]
        }
        solved.train(steps: job.cell.config.steps)
        let after = exercise.goal.map { solved.measure($0.metric, variant: $0.variant) }
        let met = exercise.isMet(after)
        return [asWritten, outcome(job, name, measured: nil, passed: met,
                                   message: "exercise " + (met ? "solved by \(settings): " : "not solved by \(settings): ") + measurements(exercise, after),
                                   start: start, location: exercise.location)]
    }

    /// `loss 0.37 (want < 0.001), diverged 0 (want == 0)`.
    static func measurements(_ exercise: Exercise, _ values: [Double?]) -> String {
        zip(exercise.goal, values).map { line, value in
            "\(line.metric) \(value.map(Format.number) ?? "n/a") (want \(line.op.rawValue) \(Format.number(line.value)))"
        }.joined(separator: ", ")
    }
}
