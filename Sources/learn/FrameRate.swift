/// Frames per second over the last second of frames, for the status line.
struct FrameRate {
    private var times: [UInt64] = []

    /// Records a frame at `now` (nanoseconds) and returns the rate, once there is a second of history.
    mutating func tick(_ now: UInt64) -> Double? {
        times.append(now)
        times.removeAll { now - $0 > 1_000_000_000 }
        guard times.count > 1, let first = times.first, now > first else { return nil }
        return Double(times.count - 1) / (Double(now - first) / 1e9)
    }
}
