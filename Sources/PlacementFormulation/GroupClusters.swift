import LinearModel
import PlacementModel

/// Scheduling across capacity groups for groups travelling together
/// (rounds.md, section 2).
///
/// The master gives each member's pair a start; a capacity group scheduled
/// with those starts pinned may fail only because of them, while moving the
/// whole travel group to another common week would fit. So a failing
/// capacity group that holds members is scheduled again together with
/// every capacity group its travel groups touch (transitively, a
/// "cluster"): one exact model with each capacity group's weekly rows and
/// one start per travel group. Members in time-indexed capacity groups keep
/// the master's start (the master is exact there); members at offers in no
/// capacity group may move freely. What the cluster cannot schedule stays
/// failed and is cut off as before.
extension DecomposedSolve {
    func scheduleClusters(
        _ values: [Double], failed: [Int], byGroup: [[Int]], pinned: [Int: Int], master: PairMaster,
        context c: Context
    ) throws -> (starts: [Int: Int], failed: [Int]) {
        var pairsOfTravel: [Int: [Int]] = [:]
        for q in pinned.keys.sorted() { pairsOfTravel[master.travelGroupOfPair[q]!, default: []].append(q) }
        var handled = Set<Int>()
        var starts: [Int: Int] = [:]
        var stillFailed: [Int] = []
        for g in failed where !handled.contains(g) {
            guard byGroup[g].contains(where: { pinned[$0] != nil }) else {
                stillFailed.append(g)
                continue
            }
            var capacityGroups: Set<Int> = [g], travels = Set<Int>(), queue = [g]
            while let h = queue.popLast() {
                for q in byGroup[h] {
                    guard let t = master.travelGroupOfPair[q], pinned[q] != nil, travels.insert(t).inserted else {
                        continue
                    }
                    for q2 in pairsOfTravel[t]! {
                        if let h2 = c.groupOfPair[q2], !master.timeIndexed.contains(h2),
                            capacityGroups.insert(h2).inserted
                        {
                            queue.append(h2)
                        }
                    }
                }
            }
            handled.formUnion(capacityGroups)
            let found = try scheduleCluster(
                capacityGroups.sorted(), travels: travels.sorted().map { pairsOfTravel[$0]! }, byGroup: byGroup,
                pinned: pinned, master: master, context: c)
            if let found {
                starts.merge(found) { _, b in b }
            } else {
                stillFailed += failed.filter { capacityGroups.contains($0) }
            }
            note(
                "  cluster of \(capacityGroups.count) capacity groups, \(travels.count) travel groups: "
                    + (found == nil ? "does not schedule" : "schedules"))
        }
        return (starts, stillFailed.sorted())
    }

    /// The exact model of one cluster; the starts of its pairs, or nil.
    private func scheduleCluster(
        _ capacityGroups: [Int], travels: [[Int]], byGroup: [[Int]], pinned: [Int: Int], master: PairMaster,
        context c: Context
    ) throws -> [Int: Int]? {
        var m = LinearModel(name: "cluster", sense: .minimize)
        var columns: [(pair: Int, start: Int)] = []
        var columnOf: [Int: [Int: ColumnIndex]] = [:]
        func add(_ q: Int, _ range: ClosedRange<Int>) -> [(column: ColumnIndex, pair: Int, start: Int)] {
            var row: [ColumnIndex] = [], out: [(column: ColumnIndex, pair: Int, start: Int)] = []
            for s in range {
                let col = m.addBinary(name: "x")
                columns.append((q, s))
                columnOf[q, default: [:]][s] = col
                row.append(col)
                out.append((col, q, s))
            }
            m.addRow(
                Row(name: "one", lower: 1, upper: 1, columns: row, coefficients: Array(repeating: 1, count: row.count)))
            return out
        }
        for h in capacityGroups {
            var cols: [(column: ColumnIndex, pair: Int, start: Int)] = []
            for q in byGroup[h] { cols += add(q, c.pairs.pairs[q].first...c.pairs.pairs[q].last) }
            GroupScheduler(group: c.groups[h], pairs: c.pairs).addWeeklyRows(&m, columns: cols)
        }
        for members in travels {
            for q in members where columnOf[q] == nil {
                let inTimeIndexed = c.groupOfPair[q].map { master.timeIndexed.contains($0) } ?? false
                _ = add(q, inTimeIndexed ? pinned[q]!...pinned[q]! : c.pairs.pairs[q].first...c.pairs.pairs[q].last)
            }
            let first = members[0]
            for q in members.dropFirst() {
                for s in Set(columnOf[q]!.keys).union(columnOf[first]!.keys).sorted() {
                    var cols: [ColumnIndex] = [], coefs: [Double] = []
                    if let a = columnOf[q]![s] { cols.append(a); coefs.append(1) }
                    if let b = columnOf[first]![s] { cols.append(b); coefs.append(-1) }
                    m.addRow(Row(name: "tie", lower: 0, upper: 0, columns: cols, coefficients: coefs))
                }
            }
        }
        var opts = budget.options(cap: GroupScheduler.exactSeconds)
        opts.log = nil
        opts.progress = nil
        let r = try solver.solve(m, options: opts)
        guard r.primal != .none else { return nil }
        var out: [Int: Int] = [:]
        for (k, col) in columns.enumerated() where r.values[k] > 0.5 { out[col.pair] = col.start }
        return out
    }
}
