import Foundation

extension Double {
    /// The number to 12 significant digits: what arithmetic on figures of a few decimals (a mean, a process limit)
    /// gives without the binary noise in its last digits (3094321.4080000003 is 3094321.408). A figure as it was
    /// recorded keeps every digit; only worked-out statistics go through this.
    public var withoutBinaryNoise: Double {
        guard isFinite, self != 0 else { return self }
        return Double(String(format: "%.12g", self)) ?? self
    }
}
