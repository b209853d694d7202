import LinearModel
import PlacementModel

/// The direct time-indexed model of model.md: one binary per candidate stay,
/// capacity rows per week, totals, quotas, and the terms of every objective
/// level. This is the reference model: what `export` writes and what the
/// faster decompositions are checked against.
///
/// Rows that can never bind are left out (a week in which no more
/// participants can be present than the capacity allows; a `max_count` that
/// no more participants could reach), which changes no optimum.
public struct DirectFormulation: Sendable {
    /// The model with every constraint and no objective.
    public var model: LinearModel
    /// Column of each candidate stay (same order as `CandidateSet.stays`).
    public let stayColumns: Range<Int>
    /// Slack column of each soft quota row, with its penalty per unit.
    public let penalties: [(column: ColumnIndex, cost: Double)]
    /// One row per (quota, scope, bound).
    public let quotaRows: [QuotaRow]
    /// The `worst_rank` column, when that goal is in the policy.
    public let worstRankColumn: ColumnIndex?
    /// Every offer capacity, offer total and host capacity row, with what it
    /// limits (for explaining an infeasible round).
    public let capacityRows: [CapacityRow]
    /// Whether building stopped because `budget` was spent (the model is
    /// then partial and must not be solved; ``BuildCheck``).
    public let stopped: Bool
    /// The row that places each locked participant (for explaining an
    /// infeasible round by the locks involved).
    public let lockRows: [(participant: Int, row: RowIndex)]
    /// The level that carries the soft-quota penalties (rounds.md, ruling 20).
    public let penaltyLevel: Int
    /// The budget row (rounds.md, section 4), when the policy has a budget.
    public let budgetRow: RowIndex?

    /// Where a capacity or total row came from.
    public struct CapacityRow: Sendable {
        public enum Kind: Sendable, Equatable {
            /// Offer capacity in one week (flat offer index).
            case offer(Int)
            /// Offer total over the horizon (flat offer index).
            case total(Int)
            /// Host capacity in one week (host index).
            case host(Int)
        }
        public var kind: Kind
        /// The week, for weekly capacities.
        public var week: Int?
        public var row: RowIndex
    }

    /// Builds the model for `candidates` of `instance` under `policy`,
    /// stopping early (``stopped``) when `budget` is spent.
    public init(instance: Instance, policy: Policy, candidates: CandidateSet, budget: SolveBudget? = nil) {
        var check = BuildCheck(budget)
        var m = LinearModel(name: "allvet", sense: .maximize)
        let stays = candidates.stays
        let offers = candidates.offers
        // Columns: one binary per stay; closed offers and groups' stays that can never be taken
        // (Groups+Quotas.swift, Groups+Room.swift) fix theirs at 0.
        for (k, s) in stays.enumerated() {
            if check.spent() { break }
            let o = offers[s.offer.rawValue].offer
            let host = instance.hosts[offers[s.offer.rawValue].host.rawValue]
            let closed =
                o.capacity <= 0 || (o.total ?? 1) <= 0 || (host.capacity ?? 1) <= 0
                || candidates.keptOut(s.participant, host: offers[s.offer.rawValue].host.rawValue)
            m.addColumn(Column(name: "x\(k)", lower: 0, upper: closed ? 0 : 1, isInteger: true))
        }
        self.stayColumns = 0..<stays.count

        // One stay each; exactly one for a locked participant (rounds.md, section 1).
        var lockRows: [(participant: Int, row: RowIndex)] = []
        for p in 0..<candidates.participantCount where !check.spent() {
            let r = candidates.stayRange(of: ParticipantIndex(p))
            let isLocked = candidates.locked.contains(ParticipantIndex(p))
            guard r.count > 1 || isLocked else { continue }
            let row = m.addRow(
                Row(
                    name: isLocked ? "lock_\(p)" : "one_\(p)", lower: isLocked ? 1 : -.infinity, upper: 1,
                    columns: r.map(ColumnIndex.init), coefficients: Array(repeating: 1, count: r.count)))
            if isLocked { lockRows.append((p, row)) }
        }
        self.lockRows = lockRows

        // Offer capacity per week and offer totals.
        var staysOfOffer = [[Int]](repeating: [], count: offers.count)
        if !check.stopped {
            for (k, s) in stays.enumerated() { staysOfOffer[s.offer.rawValue].append(k) }
        }
        var capacityRows: [CapacityRow] = []
        for (oi, list) in staysOfOffer.enumerated() where !list.isEmpty {
            if check.spent(after: list.count) { break }
            let o = offers[oi].offer
            for (w, r) in Self.addWeeklyCapacity(
                &m, name: "cap_o\(oi)", stays: list, capacity: o.capacity, candidates: candidates)
            {
                capacityRows.append(CapacityRow(kind: .offer(oi), week: w, row: r))
            }
            if let total = o.total, total > 0, Self.distinctParticipants(list, stays) > total {
                let r = m.addRow(
                    Row(
                        name: "total_o\(oi)", upper: Double(total), columns: list.map(ColumnIndex.init),
                        coefficients: Array(repeating: 1, count: list.count)))
                capacityRows.append(CapacityRow(kind: .total(oi), week: nil, row: r))
            }
        }
        // Host capacity per week.
        var staysOfHost = [[Int]](repeating: [], count: instance.hosts.count)
        for (oi, list) in staysOfOffer.enumerated() { staysOfHost[offers[oi].host.rawValue].append(contentsOf: list) }
        for (hi, host) in instance.hosts.enumerated() {
            guard let cap = host.capacity, cap > 0, !staysOfHost[hi].isEmpty else { continue }
            if check.spent(after: staysOfHost[hi].count) { break }
            for (w, r) in Self.addWeeklyCapacity(
                &m, name: "cap_h\(hi)", stays: staysOfHost[hi].sorted(), capacity: cap, candidates: candidates)
            {
                capacityRows.append(CapacityRow(kind: .host(hi), week: w, row: r))
            }
        }

        // Quotas.
        let items =
            check.stopped
            ? []
            : stays.enumerated().map {
                QuotaRowBuilder.Item(
                    column: ColumnIndex($0.offset), participant: $0.element.participant.rawValue,
                    offer: $0.element.offer.rawValue)
            }
        let (penalties, quotaRows, _) =
            check.stopped
            ? ([], [], []) : QuotaRowBuilder.add(to: &m, instance: instance, policy: policy, items: items)

        // worst_rank: z ≥ rank of each participant's stay.
        var worst: ColumnIndex?
        if policy.objective.contains(.worstRank) {
            let z = m.addColumn(Column(name: "worst_rank", lower: 0))
            for p in 0..<candidates.participantCount where !check.spent() {
                let r = candidates.stayRange(of: ParticipantIndex(p))
                guard !r.isEmpty else { continue }
                m.addRow(
                    Row(
                        name: "worst_\(p)", lower: 0, columns: [z] + r.map(ColumnIndex.init),
                        coefficients: [1] + r.map { -Double(candidates.ranks[$0]) }))
            }
            worst = z
        }
        // Groups travel together (rounds.md, section 2).
        if !check.stopped {
            for tie in candidates.groupTies() { Self.addTie(&m, tie, plus: tie.plus, minus: tie.minus) }
        }
        self.budgetRow = check.stopped ? nil : Self.addBudget(&m, policy: policy, costs: candidates.spending)
        self.model = m
        self.penalties = penalties
        self.quotaRows = quotaRows
        self.worstRankColumn = worst
        self.capacityRows = capacityRows
        self.stopped = check.stopped
        self.penaltyLevel = policy.penaltyLevel
    }

    /// `Σ cost·x ≤ budget` over the columns `0..<costs.count` (rounds.md,
    /// section 4), in whole cents; nil without a budget or without a cost.
    @discardableResult
    static func addBudget(_ m: inout LinearModel, policy: Policy, costs: [Cents]) -> RowIndex? {
        guard let max = policy.budgetCents else { return nil }
        let terms = costs.enumerated().filter { $0.element != 0 }
        guard !terms.isEmpty else { return nil }
        return m.addRow(
            Row(
                name: "budget", upper: Double(max), columns: terms.map { ColumnIndex($0.offset) },
                coefficients: terms.map { Double($0.element) }))
    }

    /// Adds a group tie (``CandidateSet/GroupTie``) as `Σ plus − Σ minus = 0`
    /// over the given columns (distinct, and never on both sides).
    static func addTie(_ m: inout LinearModel, _ tie: CandidateSet.GroupTie, plus: [Int], minus: [Int]) {
        let terms = (plus.map { ($0, 1.0) } + minus.map { ($0, -1.0) }).sorted { $0.0 < $1.0 }
        guard !terms.isEmpty else { return }
        let kind = tie.kind == .place ? "place" : "start"
        m.addRow(
            Row(
                name: "group\(tie.group)_\(kind)", lower: 0, upper: 0, columns: terms.map { ColumnIndex($0.0) },
                coefficients: terms.map(\.1)))
    }

    static func distinctParticipants(_ list: [Int], _ stays: [Stay]) -> Int {
        var seen = Set<ParticipantIndex>()
        for k in list { seen.insert(stays[k].participant) }
        return seen.count
    }

    /// Adds `Σ stays occupying week w ≤ capacity` for every week in which
    /// more participants than `capacity` could be present; returns each row
    /// added with its week.
    @discardableResult
    static func addWeeklyCapacity(
        _ m: inout LinearModel, name: String, stays list: [Int], capacity: Int,
        candidates: CandidateSet
    ) -> [(week: Int, row: RowIndex)] {
        guard capacity > 0 else { return [] }  // closed: columns fixed at 0
        var added: [(week: Int, row: RowIndex)] = []
        var lo = Int.max, hi = Int.min
        for k in list {
            let s = candidates.stays[k]
            lo = min(lo, s.start)
            hi = max(hi, s.start + candidates.weeks[s.participant.rawValue] - 1)
        }
        var byWeek = [[Int]](repeating: [], count: hi - lo + 1)
        for k in list {
            let s = candidates.stays[k]
            for w in s.start..<(s.start + candidates.weeks[s.participant.rawValue]) { byWeek[w - lo].append(k) }
        }
        var previous: [Int]? = nil
        for (i, cover) in byWeek.enumerated() {
            defer { previous = cover }
            guard cover.count > capacity else { continue }
            if cover == previous { continue }  // same row as the week before
            var people = 0
            var last: ParticipantIndex? = nil
            for k in cover where candidates.stays[k].participant != last {  // stays are grouped by participant
                people += 1
                last = candidates.stays[k].participant
            }
            guard people > capacity else { continue }
            let r = m.addRow(
                Row(
                    name: "\(name)_w\(lo + i)", upper: Double(capacity), columns: cover.map(ColumnIndex.init),
                    coefficients: Array(repeating: 1, count: cover.count)))
            added.append((lo + i, r))
        }
        return added
    }
}
