/// SplitMix64 (Steele, Lea, Flood 2014): a tiny 64-bit generator whose
/// output depends only on the seed, so a round is the same on every machine
/// and every Swift version (unlike `SystemRandomNumberGenerator`, and unlike
/// the standard library's `random(in:using:)`, whose algorithm may change).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (Lemire's multiply-shift; the bias is below 2⁻⁵⁰ for our sizes).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in [0, 1), 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An element drawn with the given weights.
    mutating func pick<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (item, w) in items {
            if x < w { return item }
            x -= w
        }
        return items[items.count - 1].0
    }
}

/// Draws indices `0..<n` with probability proportional to `weights`, in
/// O(log n) by binary search on the cumulative sums.
struct WeightedTable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map {
            sum += $0; return sum
        }
    }

    var isEmpty: Bool { cumulative.isEmpty || cumulative.last! <= 0 }

    func draw(_ rng: inout SplitMix64) -> Int {
        let x = rng.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
