import PlacementModel
import LinearModel

/// A rule an infeasible round cannot keep, and by how much it must give.
public struct RuleConflict: Sendable, Equatable {
    public enum Rule: String, Sendable {
        case quota
        case capacity
        case total
        case hostCapacity = "host_capacity"
        /// A lock (rounds.md, section 1) that cannot be kept.
        case lock
        /// The policy's budget (rounds.md, section 4); limit and amount in cents.
        case budget
    }

    public var rule: Rule
    /// The quota's name, or the offer or host id.
    public var name: String
    /// `min_count`, … for quotas; nil otherwise.
    public var bound: String?
    /// The quota's scope, `key=value` in `within` order; for weekly
    /// capacities, `week=<Monday>`.
    public var scope: [(key: String, value: String?)]
    /// The bound's number (a count, share, rate or parity) or the capacity.
    public var limit: Double
    /// How much the rule must give, in placements (for `min_parity`,
    /// placements of `who`).
    public var amount: Double
    /// Whether the bound is a lower one (then the round falls short of it).
    public var isLower: Bool
    /// For a capacity or total: the locked participants whose agreed stays
    /// fill it (rounds.md: infeasibility is explained with the locks involved).
    public var locks: [String] = []

    /// E.g. `fewer-opportunities min_share 0.4 (host_country=DE): short by 1.5 placements`.
    public var text: String {
        let scopeText =
            scope.isEmpty ? "" : " (" + scope.map { "\($0.key)=\($0.value ?? "none")" }.joined(separator: ", ") + ")"
        let n = NumberText.shortest((amount * 1e6).rounded() / 1e6)
        let unit = amount == 1 ? "placement" : "placements"
        if !locks.isEmpty && rule != .quota && rule != .lock {
            // E.g. "locks of ES-001 and ES-004 need 2 places at X in week 2026-03-09; capacity 1".
            let who =
                locks.count == 1
                ? "the lock of \(locks[0]) needs"
                : "locks of \(locks.dropLast().joined(separator: ", ")) and \(locks.last!) need"
            let needed = NumberText.shortest(limit + (amount * 1e6).rounded() / 1e6)
            let week = scope.first { $0.key == "week" }?.value.map { " in week \($0)" } ?? ""
            let what =
                rule == .total
                ? "stays at offer \(name); total"
                : "places at \(rule == .hostCapacity ? "host " : "")\(name)\(week); capacity"
            return "\(who) \(needed) \(what) \(NumberText.shortest(limit))"
        }
        switch rule {
        case .budget:
            return "budget EUR \(Cents(limit.rounded()).euroText): short by EUR \(Cents(amount.rounded()).euroText)"
        case .lock: return "the lock of \(name)\(bound.map { " (\($0))" } ?? "") cannot be kept\(scopeText)"

        case .quota:
            return
                "\(name) \(bound ?? "") \(NumberText.shortest(limit))\(scopeText): \(isLower ? "short by" : "over by") \(n) \(unit)"
        case .capacity: return "offer \(name) capacity \(NumberText.shortest(limit))\(scopeText): over by \(n) \(unit)"
        case .total: return "offer \(name) total \(NumberText.shortest(limit)): over by \(n) \(unit)"
        case .hostCapacity:
            return "host \(name) capacity \(NumberText.shortest(limit))\(scopeText): over by \(n) \(unit)"
        }
    }

    public static func == (a: RuleConflict, b: RuleConflict) -> Bool { a.text == b.text }
}

/// Explains an infeasible round by an elastic re-solve: the same direct
/// model, with a non-negative violation column on every hard quota row and
/// every lock (in placements, the unit of soft shortfalls), minimising the
/// total violation.
/// The rules whose violation is positive are the ones that conflict, each
/// with the amount it must give.
///
/// Capacities, totals and "one stay each" are `≤` rows with non-negative
/// coefficients, so placing nobody always meets them: only hard quotas and
/// locks can make a round infeasible. A capacity that locks fill is said
/// with the locks ("locks of ES-001 and ES-004 need 2 places at …"). A second re-solve therefore asks whether the
/// quotas could all be met with more room: capacity and total rows get
/// violation columns too, weighted far below the quotas' (quota violations
/// cost 1000 per placement, capacity 1), and when that solve keeps every
/// quota, the extra places it needs are reported as well ("or: ...").
public enum ConflictFinder {
    /// Seconds for each elastic solve when the run has no time limit.
    static let secondsWithoutLimit = 60.0
    /// Seconds each elastic solve may take even when the run's budget is spent.
    static let minimumSeconds = 0.5

    public struct Explanation: Sendable {
        /// The quota rules to break, and by how much (minimal total).
        public var quotas: [RuleConflict]
        /// The capacities to raise instead, when raising them alone would do.
        public var capacities: [RuleConflict]
    }

    public static func explain(
        instance: Instance, policy: Policy, candidates: CandidateSet, formulation: DirectFormulation,
        solver: any LinearSolver, budget: SolveBudget
    ) throws -> Explanation {
        let scopes = policy.quotas.map { QuotaScopes(quota: $0, instance: instance) }

        let lockByParticipant = Dictionary(instance.locks.map { ($0.participant, $0) }) { a, _ in a }

        func solve(quotaWeight: Double, capacityWeight: Double?) throws -> (
            quotas: [RuleConflict], capacities: [RuleConflict]
        )? {
            var m = formulation.model
            var terms: [(ColumnIndex, Double)] = []
            var quotaColumns: [(ColumnIndex, RuleConflict)] = []
            for qr in formulation.quotaRows {
                let q = policy.quotas[qr.quota]
                guard q.soft == nil, let row = qr.row else { continue }
                let sc = scopes[qr.quota], scope = sc.scopes[qr.scope]
                let form = QuotaForm(
                    bound: qr.bound, nWho: sc.whoInGroup[scope.participantGroup],
                    nAll: sc.participantsInGroup[scope.participantGroup])
                let v = m.addColumn(Column(name: "elastic_q\(qr.quota)_s\(qr.scope)_\(qr.bound.name)", lower: 0))
                m[row].columns.append(v)
                m[row].coefficients.append(form.isLower ? abs(form.slackCoefficient) : -abs(form.slackCoefficient))
                terms.append((v, quotaWeight))
                quotaColumns.append(
                    (
                        v,
                        RuleConflict(
                            rule: .quota, name: q.name, bound: qr.bound.name, scope: scope.label,
                            limit: qr.bound.limit, amount: 0, isLower: form.isLower)
                    ))
            }
            // Locks are rules like the quotas: each gets a violation column (placing nobody breaks them).
            for (p, row) in formulation.lockRows {
                let id = instance.participants[p].id
                let v = m.addColumn(Column(name: "elastic_lock\(p)", lower: 0))
                m[row].columns.append(v)
                m[row].coefficients.append(1)
                terms.append((v, quotaWeight))
                let lock = lockByParticipant[id]
                let agreed = lock.map { "\($0.target)" + ($0.start.map { " from \($0.iso)" } ?? "") }
                quotaColumns.append(
                    (
                        v,
                        RuleConflict(
                            rule: .lock, name: id, bound: agreed, scope: [], limit: 1, amount: 0, isLower: true)
                    ))
            }
            // The budget is a rule like the quotas, its shortfall weighed in the stays it would pay
            // for: a cent weighs 1 / (the mean candidate stay's cost) placements.
            let spending = candidates.spending
            if let row = formulation.budgetRow, let limit = policy.budgetCents, !spending.isEmpty {
                let mean = Double(spending.reduce(0, +)) / Double(spending.count)
                let v = m.addColumn(Column(name: "elastic_budget", lower: 0))
                m[row].columns.append(v)
                m[row].coefficients.append(-1)
                terms.append((v, quotaWeight / max(1, mean)))
                quotaColumns.append(
                    (
                        v,
                        RuleConflict(
                            rule: .budget, name: "budget", scope: [], limit: Double(limit), amount: 0, isLower: false)
                    ))
            }
            var capacityColumns: [(ColumnIndex, RuleConflict)] = []
            var capacityRowOf: [ColumnIndex: RowIndex] = [:]
            if let capacityWeight {
                for cr in formulation.capacityRows {
                    let v = m.addColumn(Column(name: "elastic_c\(cr.row.rawValue)", lower: 0))
                    m[cr.row].columns.append(v)
                    m[cr.row].coefficients.append(-1)
                    terms.append((v, capacityWeight))
                    let week: [(key: String, value: String?)] =
                        cr.week.map { [("week", candidates.monday(ofWeek: $0).iso)] } ?? []
                    let c: RuleConflict
                    switch cr.kind {
                    case .offer(let oi):
                        c = RuleConflict(
                            rule: .capacity, name: candidates.offers[oi].offer.id, scope: week,
                            limit: Double(candidates.offers[oi].offer.capacity), amount: 0, isLower: false)
                    case .total(let oi):
                        c = RuleConflict(
                            rule: .total, name: candidates.offers[oi].offer.id, scope: [],
                            limit: Double(candidates.offers[oi].offer.total ?? 0), amount: 0, isLower: false)
                    case .host(let hi):
                        c = RuleConflict(
                            rule: .hostCapacity, name: instance.hosts[hi].id, scope: week,
                            limit: Double(instance.hosts[hi].capacity ?? 0), amount: 0, isLower: false)
                    }
                    capacityColumns.append((v, c))
                    capacityRowOf[v] = cr.row
                }
            }
            m.setObjective(sense: .minimize, terms: terms)
            // The run's budget; when it is spent, half a second each so that an infeasible round is
            // still explained (a 5 s limit ends within about 6 s); a minute each without a limit.
            var options = budget.options(cap: budget.limit == nil ? Self.secondsWithoutLimit : nil)
            options.timeLimit = max(Self.minimumSeconds, options.timeLimit ?? Self.minimumSeconds)
            options.log = nil
            options.progress = nil
            if budget.stopRequested { return nil }
            let r = try solver.solve(m, options: options)
            guard r.primal != .none, r.values.count == m.columnCount else { return nil }
            func picked(_ list: [(ColumnIndex, RuleConflict)]) -> [RuleConflict] {
                list.compactMap { v, c in
                    let amount = r.values[v.rawValue]
                    guard amount > (c.rule == .budget ? 0.5 : 1e-6) else { return nil }
                    var c = c
                    c.amount = amount
                    if let row = capacityRowOf[v] {
                        // The locked participants whose stays fill the row in the elastic solution.
                        c.locks = m[row].columns.compactMap { col in
                            guard formulation.stayColumns.contains(col.rawValue), r.values[col.rawValue] > 0.5 else {
                                return nil
                            }
                            let p = candidates.stays[col.rawValue].participant
                            return candidates.locked.contains(p) ? instance.participants[p.rawValue].id : nil
                        }.sorted()
                    }
                    return c
                }
            }
            return (picked(quotaColumns), picked(capacityColumns))
        }

        let quotasOnly = try solve(quotaWeight: 1, capacityWeight: nil)
        var capacities: [RuleConflict] = []
        if let withRoom = try solve(quotaWeight: 1000, capacityWeight: 1), withRoom.quotas.isEmpty {
            capacities = withRoom.capacities
        }
        return Explanation(quotas: quotasOnly?.quotas ?? [], capacities: capacities)
    }
}

extension ConflictFinder {
    /// Lines for a terminal.
    public static func lines(_ e: Explanation) -> [String] {
        var out: [String] = []
        if e.quotas.isEmpty {
            out.append("no single set of quota rules explains it (the elastic re-solve found none to break)")
        } else {
            out.append("the hard rules conflict; the least they must give (elastic re-solve):")
            out += e.quotas.map { "  " + $0.text }
        }
        if !e.capacities.isEmpty {
            out.append("or, keeping every quota and lock, more room at:")
            out += e.capacities.map { "  " + $0.text }
        }
        return out
    }
}
