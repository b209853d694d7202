import LinearModel

extension PairMaster {
    /// Adds the `limit` most violated energetic intervals of each resource
    /// of group `g` for a fractional point (the master's LP relaxation);
    /// returns how many rows were added. The rows are those of
    /// ``addInterval(_:capacity:_:exact:)`` (valid for every schedulable
    /// solution); only their choice depends on `values`. A resource whose
    /// pairs sum to at most its capacity breaks no interval and is skipped.
    mutating func separateFractional(group g: Int, values: [Double], limit: Int, tolerance: Double = 1e-4) -> Int {
        var added = 0
        for (list, cap) in resources(of: groups[g]) where cap > 0 {
            let support = list.filter { values[$0] > 1e-6 }
            guard support.reduce(0.0, { $0 + values[$1] }) > Double(cap) + tolerance else { continue }
            let starts = Set(support.map { pairs.pairs[$0].first }).sorted()
            let ends = Set(support.map { pairs.pairs[$0].span.upperBound }).sorted()
            var violated: [(violation: Double, interval: ClosedRange<Int>)] = []
            for a in starts {
                for b in ends where b >= a {
                    var lhs = 0.0
                    for q in support { lhs += values[q] * Double(pairs.pairs[q].minOverlap(a, b)) }
                    let violation = (lhs - Double(cap * (b - a + 1))) / Double(b - a + 1)
                    if violation > tolerance { violated.append((violation, a...b)) }
                }
            }
            violated.sort {
                ($0.violation, -$0.interval.count, -$0.interval.lowerBound) > (
                    $1.violation, -$1.interval.count, -$1.interval.lowerBound
                )
            }
            for v in violated.prefix(limit) where addInterval(list, capacity: cap, v.interval) { added += 1 }
        }
        return added
    }
}
