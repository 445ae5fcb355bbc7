import Foundation
import LearnRender
@testable import LearnNotebook
import Testing

/// The terminal notebook trains on a thread of its own: the same steps as the frame loop,
/// and no key or frame ever waits for a step.
@Suite struct TrainingThreadTests {
    func notebook(thread: Bool) throws -> Notebook {
        let nb = Notebook(lessons: try Fixtures.lessons(), look: .unicode)
        if thread { nb.startTrainingThread() }
        return nb
    }

    /// Polls until `done` holds (the training thread works on its own time).
    func settle(_ nb: Notebook, upTo seconds: Double = 20, until done: (LiveCell.Summary) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let now = nb.summary, done(now), nb.worker?.isBusy != true { return true }
            usleep(2_000)
        }
        return false
    }

    @Test func theThreadTakesTheSameStepsAsTheFrameLoop() throws {
        let plain = try notebook(thread: false), threaded = try notebook(thread: true)
        for nb in [plain, threaded] {
            _ = nb.handle(.char(" "))
            for _ in 0..<7 { _ = nb.handle(.char("s")) }
            _ = nb.handle(.char("k"))
            _ = nb.handle(.right)
            _ = nb.handle(.escape)
            _ = nb.handle(.char("s"))
        }
        #expect(settle(threaded) { $0.step == 8 })
        threaded.tick(now: 0, budgetNanoseconds: 0, clock: { 0 })  // takes the thread's messages
        #expect(plain.frame(width: 200, height: 60) == threaded.frame(width: 200, height: 60))
    }

    @Test func ticksOweStepsToTheThreadUntilTheBudget() throws {
        let nb = try notebook(thread: true)
        var now: UInt64 = 1_000_000_000
        for _ in 0..<400 where nb.isTraining {
            now += 1_000_000_000
            nb.tick(now: now, budgetNanoseconds: 0, clock: { now })
            usleep(1_000)
        }
        #expect(settle(nb) { $0.step == 30 })
        #expect(!nb.isTraining)
        #expect(nb.frame(width: 120, height: 40).description.contains("done  step 30/30"))
    }

    /// At the real frame pace each tick owed the finished run a step or two, so the thread
    /// always looked busy and the status said "training" at 30/30 for ever.
    @Test func aFinishedRunStopsAtTheFramePace() throws {
        let nb = try notebook(thread: true)
        var now: UInt64 = 1_000_000_000
        for _ in 0..<3000 where nb.isTraining {
            now += 16_000_000
            nb.tick(now: now, budgetNanoseconds: 0, clock: { now })
            usleep(500)
        }
        #expect(nb.summary?.step == 30)
        #expect(!nb.isTraining, "the run stops once its budget is trained")
    }

    @Test func aStepUnderWayHoldsUpNoFrameAndNoKey() throws {
        let nb = try notebook(thread: true)
        _ = nb.handle(.char(" "))
        _ = nb.handle(.char("s"))
        #expect(settle(nb) { $0.step == 1 })
        let before = nb.frame(width: 120, height: 40)
        let worker = try #require(nb.worker)
        worker.cellLock.lock()  // as a long step would
        let during = nb.frame(width: 120, height: 40)
        #expect(during == before, "the panels and status as last drawn")
        _ = nb.handle(.char("?"))
        #expect(nb.state.overlay == .help)
        _ = nb.handle(.escape)
        _ = nb.handle(.char("r"))
        #expect(nb.isTraining, "r is taken at once and runs after the step under way")
        _ = nb.handle(.char(" "))
        worker.cellLock.unlock()
        #expect(settle(nb) { $0.step == 0 })
    }
}
