#if os(Linux)
import CMalloc
#endif

/// How `learn` asks the C allocator to treat memory it frees.
///
/// A training step allocates its activations and gradients and frees them at the end, and
/// the next step asks for the same sizes again. glibc hands blocks over 128 KiB back to
/// the kernel when they are freed (and trims the heap's free top past twice that), so every
/// step faulted the same pages in again, each one zeroed by the kernel: 5–7 % of an LSTM
/// step and ~3 % of the large Transformer's (perf: `exc_page_fault`, `clear_page_erms`).
/// Keeping freed memory for reuse up to these bounds costs no more than the largest step's
/// working set, which stays resident between steps.
enum FreedMemory {
    static func keepForReuse() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)  // blocks up to 32 MiB come from the heap
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)  // the heap keeps up to 256 MiB free at its top
        #endif
    }
}
