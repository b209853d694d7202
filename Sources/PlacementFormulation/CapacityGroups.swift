import LinearModel
import PlacementModel

/// A set of offers whose weekly capacities tie their stays together: a host
/// with a capacity that can bind (all its offers), or a single offer whose
/// capacity can bind. Offers in no group can never be over-full, whatever
/// the starts.
public struct CapacityGroup: Sendable {
    /// The host, when the host's capacity binds.
    public var host: Int?
    public var hostCapacity: Int?
    public var offers: [Int]
    /// Capacity of each offer in `offers`.
    public var offerCapacity: [Int]
    /// Pairs at these offers.
    public var pairs: [Int]
    /// First and last week any of the pairs can occupy.
    public var weeks: ClosedRange<Int>

    /// Finds the groups of a round: per host with a capacity that more
    /// participants than it could reach in some week, else per offer likewise.
    public static func groups(instance: Instance, candidates: CandidateSet, pairs: PairSet) -> [CapacityGroup] {
        let offers = candidates.offers
        var pairsOfOffer = [[Int]](repeating: [], count: offers.count)
        for (q, pair) in pairs.pairs.enumerated() { pairsOfOffer[pair.offer].append(q) }
        var offersOfHost = [[Int]](repeating: [], count: instance.hosts.count)
        for (o, e) in offers.enumerated() { offersOfHost[e.host.rawValue].append(o) }

        func canExceed(_ list: [Int], _ cap: Int) -> Bool {
            guard list.count > cap else { return false }
            var lo = Int.max, hi = Int.min
            for q in list { lo = min(lo, pairs.pairs[q].span.lowerBound); hi = max(hi, pairs.pairs[q].span.upperBound) }
            // Distinct participants who could be present each week.
            var count = [Int](repeating: 0, count: hi - lo + 1)
            var byParticipant: [Int: [ClosedRange<Int>]] = [:]
            for q in list { byParticipant[pairs.pairs[q].participant, default: []].append(pairs.pairs[q].span) }
            for (_, spans) in byParticipant {
                var weeks = Set<Int>()
                for s in spans { for w in s { weeks.insert(w) } }
                for w in weeks { count[w - lo] += 1 }
            }
            return count.contains { $0 > cap }
        }

        func group(host: Int?, hostCapacity: Int?, offers list: [Int]) -> CapacityGroup {
            let ps = list.flatMap { pairsOfOffer[$0] }
            var lo = Int.max, hi = Int.min
            for q in ps { lo = min(lo, pairs.pairs[q].span.lowerBound); hi = max(hi, pairs.pairs[q].span.upperBound) }
            return CapacityGroup(
                host: host, hostCapacity: hostCapacity, offers: list,
                offerCapacity: list.map { offers[$0].offer.capacity },
                pairs: ps, weeks: ps.isEmpty ? 0...0 : lo...hi)
        }

        var result: [CapacityGroup] = []
        for (h, host) in instance.hosts.enumerated() {
            let list = offersOfHost[h]
            if let cap = host.capacity, cap > 0, canExceed(list.flatMap { pairsOfOffer[$0] }, cap) {
                result.append(group(host: h, hostCapacity: cap, offers: list))
                continue
            }
            for o in list where offers[o].offer.capacity > 0 && canExceed(pairsOfOffer[o], offers[o].offer.capacity) {
                result.append(group(host: nil, hostCapacity: nil, offers: [o]))
            }
        }
        return result
    }
}

/// Finds start weeks for chosen pairs of a group so that no capacity is
/// exceeded in any week: a greedy first, then an exact small time-indexed
/// model when the greedy fails.
struct GroupScheduler {
    let group: CapacityGroup
    let pairs: PairSet
    /// The run's budget: each exact model gets at most ``exactSeconds`` of it.
    var budget = SolveBudget()
    /// Pairs whose start the master fixed (members of groups, whose start
    /// columns tie them across capacity groups): scheduled at that week only.
    var pinned: [Int: Int] = [:]

    /// The start weeks pair `q` may take here.
    func startRange(of q: Int) -> ClosedRange<Int> {
        if let s = pinned[q] { return s...s }
        return pairs.pairs[q].first...pairs.pairs[q].last
    }

    /// The most one exact scheduling model may take; undecided, the group
    /// counts as not scheduled (never as proven impossible).
    static let exactSeconds = 30.0

    /// Start week per chosen pair, or nil when none was found (none exists,
    /// or the exact model stopped undecided).
    func schedule(_ chosen: [Int], solver: any LinearSolver) throws -> [Int: Int]? {
        try attempt(chosen, solver: solver).starts
    }

    /// Starts when found; `provenImpossible` only when the exact model
    /// proved that no schedule exists (not when it stopped undecided).
    func attempt(_ chosen: [Int], solver: any LinearSolver) throws -> (starts: [Int: Int]?, provenImpossible: Bool) {
        if chosen.isEmpty { return ([:], false) }
        if let s = greedy(chosen) { return (s, false) }
        return try exact(chosen, solver: solver)
    }

    /// A smallest-by-inclusion subset of `chosen` that provably cannot be
    /// scheduled (deletion filter); nil when `chosen` itself is not proven
    /// unschedulable. A no-good on it is valid for every schedulable solution.
    func minimalConflict(_ chosen: [Int], solver: any LinearSolver) throws -> [Int]? {
        guard try attempt(chosen, solver: solver).provenImpossible else { return nil }
        var core = chosen.sorted { pairs.pairs[$0].span.count > pairs.pairs[$1].span.count }
        var i = 0
        while i < core.count {
            // Out of time: no proof of a smaller core, so no no-good at all.
            if budget.isExhausted { return nil }
            var trial = core
            trial.remove(at: i)
            if try attempt(trial, solver: solver).provenImpossible { core = trial } else { i += 1 }
        }
        return core
    }

    /// Every chosen pair on its first week (a pinned one on its pinned
    /// week) when that fits the group's capacities, else nil. Under the
    /// `early` goal this is the only schedule worth the master's value
    /// (``PairMaster/earlyTerms()``): any later start costs more.
    func atFirstWeeks(_ chosen: [Int]) -> [Int: Int]? {
        let lo = group.weeks.lowerBound, n = group.weeks.count
        var offerLoad = [[Int]](repeating: [Int](repeating: 0, count: n), count: group.offers.count)
        var hostLoad = [Int](repeating: 0, count: n)
        let slot = Dictionary(uniqueKeysWithValues: group.offers.enumerated().map { ($1, $0) })
        var starts: [Int: Int] = [:]
        for q in chosen {
            let pair = pairs.pairs[q], o = slot[pair.offer]!
            let s = pinned[q] ?? pair.first
            for w in s..<(s + pair.weeks) {
                offerLoad[o][w - lo] += 1
                hostLoad[w - lo] += 1
                if offerLoad[o][w - lo] > group.offerCapacity[o] { return nil }
                if let h = group.hostCapacity, hostLoad[w - lo] > h { return nil }
            }
            starts[q] = s
        }
        return starts
    }

    /// Latest-start order, earliest fitting start.
    func greedy(_ chosen: [Int]) -> [Int: Int]? {
        let (starts, complete) = greedy(chosen, skipping: false)
        return complete ? starts : nil
    }

    /// The greedy, leaving out the pairs that do not fit when `skipping`;
    /// returns the starts found and whether every pair got one.
    func greedy(_ chosen: [Int], skipping: Bool) -> (starts: [Int: Int], complete: Bool) {
        let lo = group.weeks.lowerBound, n = group.weeks.count
        var offerLoad = [[Int]](repeating: [Int](repeating: 0, count: n), count: group.offers.count)
        var hostLoad = [Int](repeating: 0, count: n)
        let slot = Dictionary(uniqueKeysWithValues: group.offers.enumerated().map { ($1, $0) })
        // Pinned pairs first (they have one week), then latest start first.
        let order = chosen.sorted { a, b in
            let ra = startRange(of: a), rb = startRange(of: b)
            return (pinned[a] == nil ? 1 : 0, ra.upperBound, ra.lowerBound, a)
                < (pinned[b] == nil ? 1 : 0, rb.upperBound, rb.lowerBound, b)
        }
        var starts: [Int: Int] = [:]
        for q in order {
            let pair = pairs.pairs[q]
            let o = slot[pair.offer]!
            var placed = false
            for s in startRange(of: q) {
                var fits = true
                for w in s..<(s + pair.weeks) {
                    if offerLoad[o][w - lo] >= group.offerCapacity[o] { fits = false; break }
                    if let h = group.hostCapacity, hostLoad[w - lo] >= h { fits = false; break }
                }
                if fits {
                    for w in s..<(s + pair.weeks) { offerLoad[o][w - lo] += 1; hostLoad[w - lo] += 1 }
                    starts[q] = s
                    placed = true
                    break
                }
            }
            if !placed {
                if !skipping { return (starts, false) }
            }
        }
        return (starts, starts.count == chosen.count)
    }

    /// The group's time-indexed feasibility model for exactly these pairs.
    func exact(_ chosen: [Int], solver: any LinearSolver) throws -> (starts: [Int: Int]?, provenImpossible: Bool) {
        var m = LinearModel(name: "schedule", sense: .minimize)
        var columns: [(pair: Int, start: Int)] = []
        for q in chosen {
            let pair = pairs.pairs[q]
            var row: [ColumnIndex] = []
            for s in startRange(of: q) {
                row.append(m.addBinary(name: "x"))
                columns.append((q, s))
            }
            m.addRow(
                Row(name: "one", lower: 1, upper: 1, columns: row, coefficients: Array(repeating: 1, count: row.count)))
        }
        addWeeklyRows(
            &m, columns: columns.enumerated().map { (ColumnIndex($0.offset), $0.element.pair, $0.element.start) })
        var options = budget.options(cap: Self.exactSeconds)
        options.log = nil
        options.progress = nil
        let r = try solver.solve(m, options: options)
        guard r.primal != .none else { return (nil, r.termination == .infeasible) }
        var starts: [Int: Int] = [:]
        for (k, c) in columns.enumerated() where r.values[k] > 0.5 { starts[c.pair] = c.start }
        return (starts, false)
    }

    /// Adds, for each week of the group, `Σ x ≤ capacity` per offer and for
    /// the host, over the given start columns (rows that cannot bind are left out).
    func addWeeklyRows(_ m: inout LinearModel, columns: [(column: ColumnIndex, pair: Int, start: Int)]) {
        let lo = group.weeks.lowerBound, n = group.weeks.count
        var byOfferWeek = [[[ColumnIndex]]](
            repeating: [[ColumnIndex]](repeating: [], count: n), count: group.offers.count)
        var byHostWeek = [[ColumnIndex]](repeating: [], count: n)
        var peopleOffer = [[Set<Int>]](repeating: [Set<Int>](repeating: [], count: n), count: group.offers.count)
        var peopleHost = [Set<Int>](repeating: [], count: n)
        let slot = Dictionary(uniqueKeysWithValues: group.offers.enumerated().map { ($1, $0) })
        for c in columns {
            let pair = pairs.pairs[c.pair]
            let o = slot[pair.offer]!
            for w in c.start..<(c.start + pair.weeks) {
                byOfferWeek[o][w - lo].append(c.column)
                peopleOffer[o][w - lo].insert(pair.participant)
                if group.hostCapacity != nil {
                    byHostWeek[w - lo].append(c.column)
                    peopleHost[w - lo].insert(pair.participant)
                }
            }
        }
        for (o, weeks) in byOfferWeek.enumerated() {
            var previous: [ColumnIndex]? = nil
            for (i, cols) in weeks.enumerated() {
                defer { previous = cols }
                guard peopleOffer[o][i].count > group.offerCapacity[o], cols != previous else { continue }
                m.addRow(
                    Row(
                        name: "cap", upper: Double(group.offerCapacity[o]), columns: cols,
                        coefficients: Array(repeating: 1, count: cols.count)))
            }
        }
        if let h = group.hostCapacity {
            var previous: [ColumnIndex]? = nil
            for (i, cols) in byHostWeek.enumerated() {
                defer { previous = cols }
                guard peopleHost[i].count > h, cols != previous else { continue }
                m.addRow(
                    Row(
                        name: "hcap", upper: Double(h), columns: cols,
                        coefficients: Array(repeating: 1, count: cols.count)))
            }
        }
    }
}
