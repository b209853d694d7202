import LinearModel
import PlacementModel

/// The `early` goal over the master's columns (DecomposedEarly.swift).
extension PairMaster {
    /// The `early` goal (the sum of start weeks) over the master's columns:
    /// `first·z` per pair, plus `(s − first)·x` per start column, which
    /// makes it exact where a pair has start columns (`z = Σ x`) and a
    /// lower bound elsewhere (no stay of a pair starts before its first
    /// week). A solution whose pairs without start columns all start on
    /// their first week has exactly this value (``GroupScheduler/atFirstWeeks(_:)``).
    func earlyTerms() -> [(ColumnIndex, Double)] {
        var terms: [(ColumnIndex, Double)] = []
        for (q, pair) in pairs.pairs.enumerated() {
            if pair.first != 0 { terms.append((ColumnIndex(q), Double(pair.first))) }
            for (c, s) in startColumns[q] ?? [] where s != pair.first { terms.append((c, Double(s - pair.first))) }
        }
        return terms
    }

    /// A solution (column values of this master at some earlier time, and
    /// a start per chosen pair) as a point of the master now: every start
    /// column set from the solution's starts.
    func point(values: [Double], starts: [Int: Int]) -> [Double] {
        var v = Array(values.prefix(model.columnCount))
        v += [Double](repeating: 0, count: model.columnCount - v.count)
        for (q, cols) in startColumns {
            for (c, s) in cols { v[c.rawValue] = values[q] > 0.5 && starts[q] == s ? 1 : 0 }
        }
        return v
    }
}
