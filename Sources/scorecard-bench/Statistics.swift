/// Order statistics of a sample.
extension Array where Element == Double {
    /// The value at `fraction` (0...1) of the sorted sample, by the nearest-rank method; `nil` when empty.
    func percentile(_ fraction: Double) -> Double? {
        guard !isEmpty else { return nil }
        let sorted = self.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    /// The median (the 50th percentile by nearest rank).
    var median: Double? { percentile(0.5) }
}
