import LinearModel
import PlacementModel

/// The pair master of the decomposition: one binary per compatible
/// (participant, offer) pair, with every rule that does not depend on the
/// start week written exactly (one stay each, totals, quotas, `worst_rank`)
/// and weekly capacity relaxed into energetic interval inequalities: for
/// weeks `a…b`, the pairs' fewest possible weeks inside `a…b`, summed, are at
/// most `capacity·(b − a + 1)`. Groups whose chosen pairs cannot be
/// scheduled get start-week columns of their own ("time-indexed"), which
/// makes the master exact for them.
struct PairMaster {
    var model: LinearModel
    let pairs: PairSet
    let groups: [CapacityGroup]
    let penalties: [(column: ColumnIndex, cost: Double)]
    let quotaRows: [QuotaRow]
    /// Integer counts of the share and parity scopes (``QuotaCount``).
    let quotaCounts: [QuotaCount]
    let worstRankColumn: ColumnIndex?
    /// Participants who must be placed (a lock).
    let locked: Set<ParticipantIndex>
    /// The level that carries the soft-quota penalties (rounds.md, ruling 20).
    let penaltyLevel: Int
    /// How many previous stays count (re-planning; 0 otherwise).
    let previousCount: Int
    /// Start columns of each time-indexed group's pairs.
    private(set) var startColumns: [Int: [(column: ColumnIndex, start: Int)]] = [:]
    private(set) var timeIndexed = Set<Int>()
    /// Rows over the `early` goal's terms (``earlyTerms()``): they gain
    /// the terms of every start column added after them.
    private(set) var earlyRows: [RowIndex] = []
    /// The `early` levels' overflow columns of each group (``addOverflowColumns()``).
    var overflow: [Int: [Overflow]] = [:]
    var overflowAdded = false
    /// Pairs of members of groups (rounds.md, section 2): time-indexed from the start.
    private(set) var groupedPairs = Set<Int>()
    /// The group (an index into `CandidateSet.groups`) of each pair in ``groupedPairs``.
    private(set) var travelGroupOfPair: [Int: Int] = [:]
    /// Whether building stopped because the budget was spent (the master
    /// is then partial and must not be solved; ``BuildCheck``).
    private(set) var stopped = false

    init(
        instance: Instance, policy: Policy, candidates: CandidateSet, pairs: PairSet, groups: [CapacityGroup],
        budget: SolveBudget? = nil
    ) {
        var m = LinearModel(name: "allvet-pairs", sense: .maximize)
        let offers = candidates.offers
        for (q, pair) in pairs.pairs.enumerated() {
            let o = offers[pair.offer].offer
            let host = instance.hosts[offers[pair.offer].host.rawValue]
            // Closed offers and groups' stays that can never be taken (a quota or the room of the
            // place keeps the group out: Groups+Quotas.swift, Groups+Room.swift) are fixed at 0.
            let closed =
                o.capacity <= 0 || (o.total ?? 1) <= 0 || (host.capacity ?? 1) <= 0
                || candidates.keptOut(ParticipantIndex(pair.participant), host: offers[pair.offer].host.rawValue)
            m.addColumn(Column(name: "z\(q)", lower: 0, upper: closed ? 0 : 1, isInteger: true))
        }
        // One stay each; exactly one for a locked participant (rounds.md, section 1).
        for p in 0..<(pairs.pairStart.count - 1) {
            let r = pairs.pairStart[p]..<pairs.pairStart[p + 1]
            let isLocked = candidates.locked.contains(ParticipantIndex(p))
            guard r.count > 1 || isLocked else { continue }
            m.addRow(
                Row(
                    name: isLocked ? "lock_\(p)" : "one_\(p)", lower: isLocked ? 1 : -.infinity, upper: 1,
                    columns: r.map(ColumnIndex.init), coefficients: Array(repeating: 1, count: r.count)))
        }
        // Offer totals.
        var pairsOfOffer = [[Int]](repeating: [], count: offers.count)
        for (q, pair) in pairs.pairs.enumerated() { pairsOfOffer[pair.offer].append(q) }
        for (o, list) in pairsOfOffer.enumerated() {
            guard let total = offers[o].offer.total, total > 0,
                Set(list.map { pairs.pairs[$0].participant }).count > total
            else { continue }
            m.addRow(
                Row(
                    name: "total_o\(o)", upper: Double(total), columns: list.map(ColumnIndex.init),
                    coefficients: Array(repeating: 1, count: list.count)))
        }
        // Quotas.
        let items = pairs.pairs.enumerated().map {
            QuotaRowBuilder.Item(
                column: ColumnIndex($0.offset), participant: $0.element.participant, offer: $0.element.offer)
        }
        let (penalties, quotaRows, quotaCounts) = QuotaRowBuilder.add(
            to: &m, instance: instance, policy: policy, items: items,
            counts: pairs.pairs.count <= Self.largestCountedMaster)
        // worst_rank.
        var worst: ColumnIndex?
        if policy.objective.contains(.worstRank) {
            let z = m.addColumn(Column(name: "worst_rank", lower: 0))
            for p in 0..<(pairs.pairStart.count - 1) {
                let r = pairs.pairStart[p]..<pairs.pairStart[p + 1]
                guard !r.isEmpty else { continue }
                m.addRow(
                    Row(
                        name: "worst_\(p)", lower: 0, columns: [z] + r.map(ColumnIndex.init),
                        coefficients: [1] + r.map { -Double(pairs.pairs[$0].rank) }))
            }
            worst = z
        }
        // The budget: a pair's stays all cost the same, so the row is exact over pairs.
        if pairs.hasCosts { DirectFormulation.addBudget(&m, policy: policy, costs: pairs.pairs.map(\.cost)) }
        self.model = m
        self.pairs = pairs
        self.groups = groups
        self.penalties = penalties
        self.quotaRows = quotaRows
        self.quotaCounts = quotaCounts
        self.worstRankColumn = worst
        self.locked = candidates.locked
        self.penaltyLevel = policy.penaltyLevel
        self.previousCount = candidates.previousCount
        // Members' start columns first: the energetic rows count a member's weeks through them.
        addGroupTies(candidates: candidates)
        var check = BuildCheck(budget)
        for g in groups.indices where !check.stopped { addEnergeticRows(group: g, &check) }
        stopped = check.stopped
    }

    /// Groups (rounds.md, section 2) tie start weeks across capacity groups,
    /// which the scheduling of one capacity group at a time cannot see. So
    /// every pair of a member gets start columns of its own in the master,
    /// and the group's place rows (over pairs) and start rows (over start
    /// columns) tie the members as in the direct model. The scheduling of a
    /// capacity group then takes those pairs at the master's start
    /// (``GroupScheduler/pinned``); when only those starts keep it from
    /// scheduling, it is time-indexed (``DecomposedSolve/cutOff``).
    mutating func addGroupTies(candidates: CandidateSet) {
        let ties = candidates.groupTies()
        guard !ties.isEmpty else { return }
        var pairOfStay = [Int](repeating: -1, count: candidates.stays.count)
        for (q, pair) in pairs.pairs.enumerated() {
            for k in pair.firstStay...(pair.firstStay + pair.last - pair.first) { pairOfStay[k] = q }
        }
        for (g, gm) in candidates.groups.enumerated() where gm.members.count > 1 {
            for m in gm.members {
                for q in pairs.pairStart[m.rawValue]..<pairs.pairStart[m.rawValue + 1] {
                    groupedPairs.insert(q)
                    travelGroupOfPair[q] = g
                }
            }
        }
        for q in groupedPairs.sorted() where startColumns[q] == nil {
            _ = addStartColumns(q)
        }
        func columns(_ stays: [Int], _ kind: CandidateSet.GroupTie.Kind) -> [Int] {
            switch kind {
            case .place:
                var seen = Set<Int>()
                return stays.map { pairOfStay[$0] }.filter { seen.insert($0).inserted }
            case .start:
                return stays.map { k in
                    startColumns[pairOfStay[k]]!.first { $0.start == candidates.stays[k].start }!.column.rawValue
                }
            }
        }
        for tie in ties {
            DirectFormulation.addTie(
                &model, tie, plus: columns(tie.plus, tie.kind), minus: columns(tie.minus, tie.kind))
        }
    }

    /// The capacities of a group as resources: each offer, and the host when it binds.
    func resources(of group: CapacityGroup) -> [(pairs: [Int], capacity: Int)] {
        var out: [(pairs: [Int], capacity: Int)] = []
        for (i, o) in group.offers.enumerated() {
            out.append((group.pairs.filter { pairs.pairs[$0].offer == o }, group.offerCapacity[i]))
        }
        if let h = group.hostCapacity { out.append((group.pairs, h)) }
        return out
    }

    /// Energetic inequalities for single weeks (the stays that occupy a week
    /// whatever their start), where they can bind. Longer intervals are
    /// separated from master solutions (``separateIntervals(group:chosen:pinned:limit:)``):
    /// adding every pair's span up front tripled the rows and made each
    /// master solve slower than the rounds of cuts it saved.
    mutating func addEnergeticRows(group g: Int, _ check: inout BuildCheck) {
        for (list, cap) in resources(of: groups[g]) where !list.isEmpty && cap > 0 {
            let lo = list.map { pairs.pairs[$0].span.lowerBound }.min()!,
                hi = list.map { pairs.pairs[$0].span.upperBound }.max()!
            for w in lo...hi {
                if check.spent(after: list.count) { return }
                addInterval(list, capacity: cap, w...w)
            }
        }
    }

    /// Adds `Σ minOverlap·z ≤ cap·|interval|` when it can bind. A pair with
    /// start columns (a group member's) counts its exact weeks in the
    /// interval through them: `Σ_s overlap(s)·x_s`, which is stronger.
    @discardableResult
    mutating func addInterval(_ list: [Int], capacity: Int, _ iv: ClosedRange<Int>, exact: Bool = false) -> Bool {
        var cols: [ColumnIndex] = [], coefs: [Double] = []
        var best: [Int: Int] = [:]  // participant → largest coefficient
        for q in list {
            let pair = pairs.pairs[q]
            if exact, let starts = startColumns[q] {
                var most = 0
                for (column, s) in starts {
                    let c = pair.overlap(start: s, iv.lowerBound, iv.upperBound)
                    guard c > 0 else { continue }
                    cols.append(column)
                    coefs.append(Double(c))
                    most = max(most, c)
                }
                if most > 0 { best[pair.participant] = max(best[pair.participant] ?? 0, most) }
                continue
            }
            let c = pair.minOverlap(iv.lowerBound, iv.upperBound)
            guard c > 0 else { continue }
            cols.append(ColumnIndex(q))
            coefs.append(Double(c))
            best[pair.participant] = max(best[pair.participant] ?? 0, c)
        }
        let rhs = capacity * iv.count
        guard best.values.reduce(0, +) > rhs else { return false }
        model.addRow(Row(name: "energy", upper: Double(rhs), columns: cols, coefficients: coefs))
        return true
    }

    /// Adds the `limit` most violated energetic interval inequalities of
    /// each resource of group `g` for the chosen pairs (most violated
    /// first: excess weeks per week of the interval); returns how many rows
    /// were added.
    /// A pair in `pinned` (a member's, with the master's start; members
    /// always have start columns) counts its weeks from that start, as its
    /// row does (``addInterval``).
    mutating func separateIntervals(
        group g: Int, chosen: [Int], pinned: [Int: Int] = [:], limit: Int = PairMaster.cutsPerResource
    ) -> Int {
        let chosenSet = Set(chosen)
        var added = 0
        func weeks(_ q: Int, _ a: Int, _ b: Int) -> Int {
            let pair = pairs.pairs[q]
            if let s = pinned[q] { return pair.overlap(start: s, a, b) }
            return pair.minOverlap(a, b)
        }
        for (list, cap) in resources(of: groups[g]) where cap > 0 {
            let here = list.filter { chosenSet.contains($0) }
            guard here.count > cap else { continue }
            let violated = violatedIntervals(
                here.map { (pair: $0, weight: 1) }, capacity: cap,
                first: { pinned[$0] ?? self.pairs.pairs[$0].first },
                last: { q in pinned[q].map { $0 + self.pairs.pairs[q].weeks - 1 } ?? self.pairs.pairs[q].span.upperBound
                },
                weeks: weeks)
            for v in violated.prefix(limit)
            where addInterval(list, capacity: cap, v, exact: !pinned.isEmpty) {
                added += 1
            }
        }
        return added
    }

    /// Violated intervals added per resource and round: one, the most
    /// violated. Three in every round took the shared 1,000 × 250 round
    /// (benchmark policy) from 9 s to 22 s (docs/performance.md).
    static let cutsPerResource = 1
    /// The same after a master that gave the same value as the last one
    /// (``DecomposedSolve/StallWatch``): its solutions at that value are
    /// many, and one interval per resource rules out too few of them a
    /// round. Generated 500 × 120, seed 5, default policy: 21–23 s with
    /// one, 10.7–11.3 s with three (docs/performance.md, "More cuts when a
    /// master stalls").
    static let cutsPerResourceWhenStalled = 3

    /// Forbids choosing all of `set` together (a set of pairs that cannot be
    /// scheduled): `Σ z ≤ |set| − 1`.
    mutating func addNoGood(_ set: [Int]) {
        model.addRow(
            Row(
                name: "nogood", upper: Double(set.count - 1), columns: set.sorted().map(ColumnIndex.init),
                coefficients: Array(repeating: 1, count: set.count)))
    }

    /// The master's start of each chosen pair of a group member.
    func pinnedStarts(_ values: [Double]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for q in groupedPairs where values[q] > 0.5 {
            if let s = startColumns[q]?.first(where: { values[$0.column.rawValue] > 0.5 })?.start { out[q] = s }
        }
        return out
    }

    /// A start per chosen pair of a solution: from `fixed` (schedules found
    /// for capacity groups), from the start columns (time-indexed groups and
    /// group members), else the pair's first start (offers in no capacity
    /// group never over-fill).
    func starts(_ values: [Double], fixed: [Int: Int]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for q in pairs.pairs.indices where values[q] > 0.5 {
            if let f = fixed[q] {
                // A schedule found for its capacity group (a group member's start may be moved
                // there with its whole group: ``DecomposedSolve/scheduleClusters``).
                out[q] = f
            } else if let cols = startColumns[q],
                let s = cols.first(where: { values[$0.column.rawValue] > 0.5 })?.start
            {
                out[q] = s
            } else {
                out[q] = pairs.pairs[q].first
            }
        }
        return out
    }

    /// Drops `dropped` pairs from a solution and makes the soft-quota
    /// shortfalls, the quota counts and `worst_rank` consistent again; nil when a hard quota
    /// then breaks or a locked participant would be left out.
    func dropping(_ dropped: Set<Int>, from values: [Double]) -> [Double]? {
        if dropped.contains(where: { locked.contains(ParticipantIndex(pairs.pairs[$0].participant)) }) { return nil }
        // A member's pair is never dropped alone: its group would break (all or none).
        if withTheirGroups(dropped, values) != dropped { return nil }
        var v = values + [Double](repeating: 0, count: max(0, model.columnCount - values.count))
        for q in dropped {
            v[q] = 0
            for c in startColumns[q] ?? [] { v[c.column.rawValue] = 0 }
        }
        for count in quotaCounts { v[count.column.rawValue] = count.items.reduce(0) { $0 + v[$1.rawValue] } }
        for qr in quotaRows {
            guard let r = qr.row else { continue }
            let row = model[r]
            var act = 0.0
            for (k, c) in row.columns.enumerated() where c != qr.slack { act += row.coefficients[k] * v[c.rawValue] }
            if let s = qr.slack {
                let k = row.columns.firstIndex(of: s)!
                let sc = row.coefficients[k]
                let need = row.lower.isFinite ? (row.lower - act) / sc : (act - row.upper) / -sc
                v[s.rawValue] = max(0, need)
            } else if act < row.lower - 1e-9 || act > row.upper + 1e-9 {
                return nil
            }
        }
        if let z = worstRankColumn {
            var worst = 0.0
            for (q, pair) in pairs.pairs.enumerated() where v[q] > 0.5 { worst = max(worst, Double(pair.rank)) }
            v[z.rawValue] = worst
        }
        return v
    }

    /// `dropped` with the chosen pairs of every other member of the travel
    /// groups (rounds.md, section 2) it touches: a group goes all or none.
    func withTheirGroups(_ dropped: Set<Int>, _ values: [Double]) -> Set<Int> {
        let travel = Set(dropped.compactMap { travelGroupOfPair[$0] })
        guard !travel.isEmpty else { return dropped }
        var out = dropped
        for q in groupedPairs where values[q] > 0.5 && travel.contains(travelGroupOfPair[q]!) { out.insert(q) }
        return out
    }

    /// Gives group `g` start-week columns linked to its pairs and its weekly
    /// capacity rows, so that the master is exact for it.
    mutating func timeIndex(group g: Int) {
        guard !timeIndexed.contains(g) else { return }
        timeIndexed.insert(g)
        releaseOverflow(group: g)
        var columns: [(column: ColumnIndex, pair: Int, start: Int)] = []
        for q in groups[g].pairs {
            let mine = startColumns[q] ?? addStartColumns(q)
            columns += mine.map { ($0.column, q, $0.start) }
        }
        GroupScheduler(group: groups[g], pairs: pairs).addWeeklyRows(&model, columns: columns)
    }

    /// Gives pair `q` one column per start week, linked to its pair column.
    mutating func addStartColumns(_ q: Int) -> [(column: ColumnIndex, start: Int)] {
        let pair = pairs.pairs[q]
        var link: [ColumnIndex] = [ColumnIndex(q)]
        var coefs: [Double] = [-1]
        var mine: [(column: ColumnIndex, start: Int)] = []
        for s in pair.first...pair.last {
            let c = model.addColumn(
                Column(name: "x\(q)_\(s)", lower: 0, upper: model[ColumnIndex(q)].upper, isInteger: true))
            link.append(c)
            coefs.append(1)
            mine.append((c, s))
        }
        startColumns[q] = mine
        model.addRow(Row(name: "link_\(q)", lower: 0, upper: 0, columns: link, coefficients: coefs))
        for r in earlyRows {
            for (c, s) in mine where s != pair.first {
                model[r].columns.append(c)
                model[r].coefficients.append(Double(s - pair.first))
            }
        }
        return mine
    }

    /// Adds a row over ``earlyTerms()`` (a hold of the `early` level), kept
    /// exact as start columns are added.
    mutating func addEarlyRow(_ row: Row) {
        earlyRows.append(model.addRow(row))
    }
}
