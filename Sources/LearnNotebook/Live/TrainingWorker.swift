import Foundation

/// Trains the open page's live cell on a thread of its own, so a step that takes seconds
/// never holds up a key or a frame (`q` quits at once whatever the model).
///
/// The notebook (the UI thread) says how many steps are owed and queues the changes a key
/// makes (reset, a knob, one step); the worker runs them in the order they came, one at a
/// time, each under `cellLock`. A frame draws under the same lock when it is free and
/// otherwise shows what it drew last. The sequence of steps and changes never depends on
/// timing — only how many steps land between two frames — so runs stay deterministic.
final class TrainingWorker: @unchecked Sendable {
    /// Held by the worker for each step or change, by the UI while it reads the cell.
    let cellLock = NSLock()
    /// Guards everything below.
    private let queue = NSCondition()
    private var cell: LiveCell?
    private var owed = 0
    private var jobs: [(job: (LiveCell) -> Void, replaceable: Bool)] = []
    private var working = false
    private var published: LiveCell.Summary?
    private var note: (tag: Int, text: String)?
    /// Set while the UI waits for the cell to draw: no new step starts meanwhile.
    private var drawWaiting = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "learn training"
        thread.start()
    }

    /// Trains `cell` from now on (nil: none); what was owed to the previous one is dropped.
    func attach(_ cell: LiveCell?) {
        queue.lock()
        if self.cell !== cell {
            owed = 0
            jobs = []  // a change asked of the page left behind is not made to this one
            // Not trained here yet, so it can be read now: the status line has numbers
            // before a first, slow step ends.
            published = cell?.summary
        }
        self.cell = cell
        queue.unlock()
    }

    /// Adds `steps` to what is owed, keeping at most `limit` waiting (a slow model does not
    /// pile up steps it cannot keep pace with).
    func owe(_ steps: Int, limit: Int) {
        queue.lock()
        owed = min(owed + steps, max(limit, 1))
        queue.signal()
        queue.unlock()
    }

    /// Steps owed but not started.
    var pending: Int {
        queue.lock(); defer { queue.unlock() }
        return owed
    }

    /// Takes `cellLock` for the UI within `seconds`: the step under way finishes and no new
    /// one starts while the UI waits (the lock alone is not fair: a worker training flat
    /// out would take it back every time).
    func lockForDrawing(within seconds: Double) -> Bool {
        queue.lock(); drawWaiting = true; queue.unlock()
        let locked = cellLock.lock(before: Date(timeIntervalSinceNow: seconds))
        queue.lock(); drawWaiting = false; queue.broadcast(); queue.unlock()
        return locked
    }

    /// Drops the steps owed (pause); a step under way still finishes.
    func cancelOwed() {
        queue.lock(); owed = 0; queue.unlock()
    }

    /// Runs `job` on the cell before any further step. The message it returns is kept,
    /// with `tag`, for the status line. A `replacing` job takes the place of the last one
    /// waiting if that was `replacing` too.
    func perform(tag: Int, replacing: Bool = false, _ job: @escaping (LiveCell) -> String?) {
        queue.lock()
        if replacing, jobs.last?.replaceable == true { jobs.removeLast() }
        jobs.append(({ [self] cell in
            let message = job(cell)
            queue.lock(); if let message { note = (tag, message) }; queue.unlock()
        }, replacing))
        queue.signal()
        queue.unlock()
    }

    /// Whether a step or change is running or waiting.
    var isBusy: Bool {
        queue.lock(); defer { queue.unlock() }
        return working || owed > 0 || !jobs.isEmpty
    }

    /// The cell's state after the last step or change the worker finished.
    var summary: LiveCell.Summary? {
        queue.lock(); defer { queue.unlock() }
        return published
    }

    /// The message a finished job left for the status line, once.
    func takeMessage() -> (tag: Int, text: String)? {
        queue.lock(); defer { note = nil; queue.unlock() }
        return note
    }

    private func run() {
        while true {
            queue.lock()
            while cell == nil || (owed == 0 && jobs.isEmpty) || drawWaiting { queue.wait() }
            let cell = self.cell!
            let job = jobs.isEmpty ? nil : jobs.removeFirst().job
            if job == nil { owed -= 1 }
            working = true
            queue.unlock()

            cellLock.lock()
            if let job {
                job(cell)
            } else if cell.divergence == nil && !cell.isDone {
                cell.train(steps: 1)
            }
            let summary = cell.summary
            cellLock.unlock()

            queue.lock()
            working = false
            if self.cell === cell { published = summary }
            if cell.isDone || cell.divergence != nil { owed = 0 }
            queue.unlock()
        }
    }
}
