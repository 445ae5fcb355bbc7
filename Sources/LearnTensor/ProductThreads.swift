import Dispatch
import Synchronization

/// How many threads one matrix product may use: one unless a command asks for two
/// (`learn bench --threads 2`). Lessons train on one thread, and `learn check` runs its
/// cells side by side instead.
///
/// With two, a large product is cut in two bands of whole tiles (``Kernels/Product/halves()``):
/// this thread multiplies one while a helper thread multiplies the other. Each `C[i, j]` is
/// still the same sum in the same order, whichever band it falls in, so the result is
/// bit-identical to one thread's (GemmTests compare the bits).
public enum ProductThreads {
    private static let count = Atomic<Int>(1)

    /// Threads a product may use now.
    public static var current: Int { count.load(ordering: .relaxed) }

    /// Lets products use one thread or two from now on.
    public static func use(_ threads: Int) {
        precondition((1...2).contains(threads), "a product runs on one thread or two")
        count.store(threads, ordering: .relaxed)
    }

    /// The fewest multiply-adds worth handing half of to the helper: about 40 µs of work.
    static let least = 1 << 22

    /// Multiplies `here` on this thread and `there` on the helper, and returns once both
    /// are done; both here when another thread has the helper.
    static func run(_ here: Kernels.Product, _ there: Kernels.Product) {
        guard helper.claim() else {
            here.multiply()
            there.multiply()
            return
        }
        helper.post(there)
        here.multiply()
        helper.waitUntilDone()
    }

    private static let helper = Helper()
}

/// A thread that multiplies what it is handed. Between products it spins for about a
/// millisecond — a training step runs its products a few hundred microseconds apart, and
/// waking a sleeping thread takes tens of microseconds — then sleeps until the next.
private final class Helper: @unchecked Sendable {
    /// Products handed over so far; the helper runs each new one.
    private let posted = Atomic<Int>(0)
    /// Products the helper has finished.
    private let done = Atomic<Int>(0)
    /// Whether a thread has the helper, from `claim` until its product is done.
    private let claimed = Atomic<Bool>(false)
    /// Whether the helper is (about to be) asleep on `wake`.
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// Written before `posted` advances, read after: the atomics order the two.
    private var product: Kernels.Product?
    private static let spins = 1 << 18

    init() {
        DispatchQueue(label: "learn.product-helper").async { [self] in serve() }
    }

    /// Takes the helper for one product, unless another thread has it.
    func claim() -> Bool {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func post(_ next: Kernels.Product) {
        product = next
        posted.add(1, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) { wake.signal() }
    }

    func waitUntilDone() {
        let target = posted.load(ordering: .relaxed)
        while done.load(ordering: .acquiring) != target {}
        claimed.store(false, ordering: .releasing)
    }

    private func serve() {
        var seen = 0
        while true {
            var spun = 0
            while posted.load(ordering: .acquiring) == seen {
                spun += 1
                guard spun == Self.spins else { continue }
                sleeping.store(true, ordering: .sequentiallyConsistent)
                // A product posted after this check finds `sleeping` set and signals.
                if posted.load(ordering: .sequentiallyConsistent) == seen { wake.wait() }
                sleeping.store(false, ordering: .relaxed)
                spun = 0
            }
            seen += 1
            product?.multiply()
            done.store(seen, ordering: .releasing)
        }
    }
}
