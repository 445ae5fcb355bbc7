extension Array where Element == Float {
    /// `count` floats, each written by `body` through the pointer it is given (no zero fill
    /// first: `body` must write every one of them).
    @inline(__always)
    init(writing count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { body(buffer.baseAddress!) }
            initialized = count
        }
    }

    /// `count` floats left as the allocator gave them, for a buffer that several passes fill
    /// together: the caller writes every one before anything reads it.
    @inline(__always)
    init(unfilled count: Int) {
        self.init(unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
