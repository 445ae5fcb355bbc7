/// Shrinking a long series to a few buckets so that spikes survive.
///
/// Bucket b of B over n values covers indices ⌊b·n/B⌋ ..< ⌊(b+1)·n/B⌋ and keeps the
/// minimum, maximum, first and last finite value in it. Drawing each bucket as a vertical
/// run min…max, joined from the previous bucket's last value to this bucket's first,
/// shows every spike however long the series; averaging would flatten them.
public enum Downsample {
    public struct Bucket: Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var first: Double
        public var last: Double

        public init(_ value: Double) {
            min = value; max = value; first = value; last = value
        }

        /// Adds a later value to the bucket.
        @inline(__always)
        public mutating func add(_ value: Double) {
            if value < min { min = value }
            if value > max { max = value }
            last = value
        }
    }

    /// `values` in `buckets` buckets (or one per value when there are fewer values);
    /// a bucket with no finite value is `nil` (a gap).
    public static func minMaxLast(_ values: [Double], buckets: Int) -> [Bucket?] {
        let n = values.count
        let count = min(n, max(0, buckets))
        guard count > 0 else { return [] }
        var out = [Bucket?](repeating: nil, count: count)
        for b in 0..<count {
            let start = b * n / count, end = (b + 1) * n / count
            var bucket: Bucket?
            for i in start..<end where values[i].isFinite {
                if bucket == nil { bucket = Bucket(values[i]) } else { bucket!.add(values[i]) }
            }
            out[b] = bucket
        }
        return out
    }
}
