import ScorecardKit
/// SplitMix64: a small, fast, seedable generator, so the sample council is the same on every run and machine.
///
/// Foundation's randomness is neither seedable nor stable across platforms, so the sample generator uses this.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one stream (a measure, a plan) derived from the run's seed, so that streams are
    /// independent of each other and of the order they are generated in.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SampleRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        _ = mixer.next()
        state = mixer.next() ^ stream
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<n`.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next() % UInt64(n))
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// An approximately standard normal number (Irwin-Hall: the sum of 4 uniforms, rescaled), with no
    /// transcendental functions, so results do not depend on the platform's maths library.
    mutating func normal() -> Double {
        let s = unit() + unit() + unit() + unit()
        return (s - 2) * 1.7320508075688772  // sd of the sum is sqrt(4/12)
    }

    /// A uniform double in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Shuffles `array` in place (Fisher-Yates).
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ array: [T]) -> T {
        array[below(array.count)]
    }
}
