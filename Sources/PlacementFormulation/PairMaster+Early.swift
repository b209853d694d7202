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
    /// With overflow columns (``addOverflowColumns()``), each counts once:
    /// the weeks by which the pairs of its group must start late, at least.
    func earlyTerms() -> [(ColumnIndex, Double)] {
        var terms: [(ColumnIndex, Double)] = []
        for (q, pair) in pairs.pairs.enumerated() {
            if pair.first != 0 { terms.append((ColumnIndex(q), Double(pair.first))) }
            for (c, s) in startColumns[q] ?? [] where s != pair.first { terms.append((c, Double(s - pair.first))) }
        }
        // In group order: a dictionary's own order changes from run to run, and the rows made of these terms would too.
        for g in overflow.keys.sorted() where !timeIndexed.contains(g) { terms += overflow[g]!.map { ($0.column, 1) } }
        return terms
    }

    /// One week of a group where its chosen pairs, each on its first week,
    /// may be more than a capacity: the column counts the excess (``addOverflowColumns()``).
    struct Overflow {
        let column: ColumnIndex
        let week: Int
        /// One row per resource: `column − Σ pairs on the week ≥ −capacity`.
        let rows: [RowIndex]
        /// The pairs and capacity of each row.
        let resources: [(pairs: [Int], capacity: Int)]
    }

    /// The delay the master's first weeks hide, as a lower bound (issue 15,
    /// part 2). The `early` terms count every pair without start columns
    /// from its first week; where the chosen pairs of a group, each on its
    /// first week, are more than a capacity on week `w` (by `e_w`), at least
    /// `e_w` of them do not occupy `w` in any schedule, and each of those
    /// starts late. A pair that starts `d` weeks late leaves at most `d` of
    /// its first-week stay's weeks, so the group's stays start at least
    /// `Σ_w e_w` weeks late in all. One column per such week, at least every
    /// resource's excess, enters the `early` terms. Groups with start
    /// columns (time-indexed ones, and those of travel groups' members,
    /// whose starts are counted exactly) get none; a group time-indexed
    /// later loses its own (``releaseOverflow(group:)``). Added once, by
    /// the first search of an `early` level.
    mutating func addOverflowColumns() {
        guard !overflowAdded else { return }
        overflowAdded = true
        for g in groups.indices where !timeIndexed.contains(g) {
            guard !groups[g].pairs.contains(where: { startColumns[$0] != nil }) else { continue }
            var weeks: [Int: [(pairs: [Int], capacity: Int)]] = [:]
            for (list, cap) in resources(of: groups[g]) where !list.isEmpty {
                var covering: [Int: [Int]] = [:]
                for q in list {
                    let pair = pairs.pairs[q]
                    for w in pair.first..<(pair.first + pair.weeks) { covering[w, default: []].append(q) }
                }
                for (w, qs) in covering where Set(qs.map { pairs.pairs[$0].participant }).count > cap {
                    weeks[w, default: []].append((qs, cap))
                }
            }
            for w in weeks.keys.sorted() {
                let c = model.addColumn(Column(name: "overflow_\(g)_\(w)", lower: 0, isInteger: true))
                let rows = weeks[w]!.map { r in
                    model.addRow(
                        Row(
                            name: "overflow_\(g)_\(w)", lower: Double(-r.capacity),
                            columns: [c] + r.pairs.map(ColumnIndex.init),
                            coefficients: [1] + r.pairs.map { _ in -1 }))
                }
                overflow[g, default: []].append(Overflow(column: c, week: w, rows: rows, resources: weeks[w]!))
            }
        }
    }

    /// A group time-indexed: its start columns count its starts exactly,
    /// so its overflow columns are fixed at 0 and their rows freed.
    mutating func releaseOverflow(group g: Int) {
        for o in overflow[g] ?? [] {
            model[o.column].upper = 0
            for r in o.rows { model[r].lower = -.infinity }
        }
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
        settleOverflow(&v)
        return v
    }

    /// Sets each overflow column to the least its rows allow for the pairs
    /// in `values` (0 in a time-indexed group): a point's `early` terms are
    /// then its value, where a solver's point may leave a column above it.
    func settleOverflow(_ values: inout [Double]) {
        for (g, list) in overflow {
            for o in list {
                let excess = o.resources.map { r in r.pairs.reduce(0) { $0 + values[$1] } - Double(r.capacity) }
                values[o.column.rawValue] = timeIndexed.contains(g) ? 0 : max(0, excess.max() ?? 0)
            }
        }
    }
}
