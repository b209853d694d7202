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
            let support = list.filter { values[$0] > 1e-6 }.map { (pair: $0, weight: values[$0]) }
            guard support.reduce(0.0, { $0 + $1.weight }) > Double(cap) + tolerance else { continue }
            let violated = violatedIntervals(
                support, capacity: cap, first: { self.pairs.pairs[$0].first },
                last: { self.pairs.pairs[$0].span.upperBound }, weeks: { self.pairs.pairs[$0].minOverlap($1, $2) },
                tolerance: tolerance)
            for v in violated.prefix(limit) where addInterval(list, capacity: cap, v) { added += 1 }
        }
        return added
    }

    /// The intervals `a…b` (`a` a first week, `b` a last week of the
    /// weighted pairs) whose energetic inequality the weights break by more
    /// than `tolerance` per week, most violated first (then shorter, then
    /// earlier): `Σ weight·weeks(q, a, b) > capacity·(b − a + 1)`. The one
    /// enumeration behind both separations, of master solutions
    /// (``separateIntervals(group:chosen:pinned:limit:)``, weights 1) and of LP
    /// points (``separateFractional(group:values:limit:tolerance:)``).
    func violatedIntervals(
        _ weighted: [(pair: Int, weight: Double)], capacity cap: Int, first: (Int) -> Int, last: (Int) -> Int,
        weeks: (Int, Int, Int) -> Int, tolerance: Double = 0
    ) -> [ClosedRange<Int>] {
        let starts = Set(weighted.map { first($0.pair) }), ends = Set(weighted.map { last($0.pair) })
        var violated: [(violation: Double, interval: ClosedRange<Int>)] = []
        for a in starts {
            for b in ends where b >= a {
                let lhs = weighted.reduce(0.0) { $0 + $1.weight * Double(weeks($1.pair, a, b)) }
                let violation = (lhs - Double(cap * (b - a + 1))) / Double(b - a + 1)
                if violation > tolerance { violated.append((violation, a...b)) }
            }
        }
        violated.sort {
            ($0.violation, -$0.interval.count, -$0.interval.lowerBound) > (
                $1.violation, -$1.interval.count, -$1.interval.lowerBound
            )
        }
        return violated.map(\.interval)
    }
}
