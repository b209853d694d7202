import LinearModel
import PlacementModel

/// The plain greedy a run cut short must not fall below (issue 15): the
/// participants in order (those with a lock first), each given the
/// best-ranked stay that still fits; a group travelling together (rounds.md,
/// section 2) is placed whole, at one place and start week, or not at all.
/// Under a budget it also runs cheapest first (``Order/cheapestFirst``), and
/// with travel groups also with the groups first (``groupsFirst``).
/// It keeps every weekly capacity, offer total and the budget, and with a
/// ``QuotaGuard`` the hard quotas; everything is checked afterwards against
/// the master
/// (``DecomposedSolve/greedyIncumbent(master:candidates:instance:policy:objective:)``).
/// One pass over the pairs and their weeks (up to ``guardedPasses`` with a
/// guard): a whole `--time-limit 0.01` run of a 1,000 × 250 round takes
/// 1–2.6 s (docs/performance.md, "A floor").
struct PairGreedy {
    let instance: Instance
    let candidates: CandidateSet
    let pairs: PairSet
    /// The budget in cents (rounds.md, section 4), when there is one.
    let budget: Cents?
    var order = Order.listed
    /// Whether travel groups of several are served before everyone else
    /// (after the locked): a group needs room for all its members at one
    /// place and week, which participants served before it have often taken.
    var groupsFirst = false
    /// The hard quota rows the greedy keeps as it goes, when set (see ``QuotaGuard``).
    var quotas: QuotaGuard? = nil
    /// Asked before each participant's moves (``improveByMoves()``,
    /// ``improve(cost:keeping:)``): true ends them, keeping what they made
    /// (the run's time limit or Ctrl-C; at 5,000 × 1,200 the moves take
    /// seconds).
    var shouldStop: () -> Bool = { false }
    /// While moves improve a level (``improve(cost:)``), each pair's cost
    /// there: the participants' pairs are tried cheapest first.
    var improving: [Double]? = nil

    /// Whom the greedy serves first, and which stay it gives them.
    enum Order {
        /// The participants as listed, each given the best-ranked stay that fits.
        case listed
        /// The participants (a travel group as one) by the cost of their cheapest stay,
        /// each given the cheapest stay that fits, the better-ranked of equal ones. A
        /// binding budget runs out on the listed order's dear stays: on a generated
        /// 1,000 × 250 round with a budget of about 80 % of the unbudgeted cost, the
        /// listed order placed 772 and this order 872, where 904 bounds every schedulable
        /// solution (docs/performance.md, "A floor").
        case cheapestFirst
    }

    private var offerLoad: [[Int]] = []
    private var hostLoad: [[Int]] = []
    private var offerCount: [Int] = []
    private var spent: Cents = 0
    private var firstWeek = 0
    private(set) var starts: [Int: Int] = [:]

    init(instance: Instance, candidates: CandidateSet, pairs: PairSet, budget: Cents?) {
        self.instance = instance
        self.candidates = candidates
        self.pairs = pairs
        self.budget = budget
    }

    /// Empty weeks, totals and budget, and no stay taken.
    private mutating func reset() {
        firstWeek = pairs.pairs.map(\.first).min()!
        let weeks = pairs.pairs.map(\.span.upperBound).max()! - firstWeek + 1
        offerLoad = Array(repeating: Array(repeating: 0, count: weeks), count: candidates.offers.count)
        hostLoad = Array(repeating: Array(repeating: 0, count: weeks), count: instance.hosts.count)
        offerCount = Array(repeating: 0, count: candidates.offers.count)
        spent = 0
        starts = [:]
        quotas?.clear()
    }

    /// Takes a solution found elsewhere (a start week per chosen pair), so
    /// that moves can improve it (PairGreedy+Improve.swift); false, with
    /// nothing taken, when it overfills a weekly capacity, an offer total
    /// or the budget (it is then not one the moves can start from).
    mutating func load(_ solution: [Int: Int]) -> Bool {
        guard !pairs.pairs.isEmpty else { return solution.isEmpty }
        reset()
        for (q, s) in solution.sorted(by: { $0.key < $1.key }) {
            guard (pairs.pairs[q].first...pairs.pairs[q].last).contains(s), admits(q, guarded: false), hasRoom(q, s)
            else {
                reset()
                return false
            }
            take(q, s, 1)
        }
        return true
    }

    /// A start week per chosen pair.
    mutating func run() -> [Int: Int] {
        guard !pairs.pairs.isEmpty else { return [:] }
        reset()
        var everyone = (0..<candidates.participantCount).map(ParticipantIndex.init)
        if order == .cheapestFirst {
            // A travel group counts as one, at its members' cheapest stays together.
            let key = everyone.map { p -> Cents in
                let unit = candidates.groupOf[p.rawValue].map { candidates.groups[$0].members } ?? [p]
                return unit.reduce(0) { $0 + cheapest($1) }
            }
            everyone.sort { (key[$0.rawValue], $0.rawValue) < (key[$1.rawValue], $1.rawValue) }
        }
        fill(everyone)
        return starts
    }

    /// Serves `everyone` in order (those with a lock first), each given the
    /// first stay of ``byPreference(_:)`` that fits; a travel group whole or
    /// not at all. Whoever is placed already stays where they are (a
    /// travel group with a member placed is left as it is).
    mutating func fill(_ everyone: [ParticipantIndex]) {
        let locked = everyone.filter(candidates.locked.contains)
        var rest = everyone.filter { !candidates.locked.contains($0) }
        if groupsFirst {
            let candidates = self.candidates
            rest =
                rest.filter { candidates.travelGroup(of: $0.rawValue) != nil }
                + rest.filter { candidates.travelGroup(of: $0.rawValue) == nil }
        }
        let queue = locked + rest
        let already = Set(starts.keys.map { pairs.pairs[$0].participant })
        // Capacities and the budget only fill up: a participant they leave out stays out. A quota
        // guard can refuse someone who fits later (a share's other side placed since), so with a
        // guard everyone left out gets another pass (those refused for room again cost little),
        // while passes still place somebody.
        var left = queue
        for _ in 0..<(quotas == nil ? 1 : Self.guardedPasses) {
            var done = already, placed = Set<Int>()
            for p in left where !done.contains(p.rawValue) {
                if let g = candidates.travelGroup(of: p.rawValue) {
                    let members = candidates.groups[g].members
                    for m in members { done.insert(m.rawValue) }
                    if members.contains(where: { already.contains($0.rawValue) }) { continue }
                    if placeGroup(g) { for m in candidates.groups[g].members { placed.insert(m.rawValue) } }
                } else {
                    done.insert(p.rawValue)
                    for q in byPreference(p) where place(q) {
                        placed.insert(p.rawValue)
                        break
                    }
                }
            }
            if placed.isEmpty { break }
            left.removeAll { placed.contains($0.rawValue) }
        }
    }

    /// Those left out of a solution in hand (``load(_:)``) served as by the
    /// greedy, then moved in by ``improveByMoves()``: how many more are
    /// placed. A master solution's groups that do not schedule lose their
    /// unscheduled pairs in a salvage; this gives those participants (and
    /// anyone else left out) the stays that still fit.
    mutating func refill() -> Int {
        let before = starts.count
        fill((0..<candidates.participantCount).map(ParticipantIndex.init))
        _ = improveByMoves()
        return starts.count - before
    }

    /// Passes over the participants, at most, with a quota guard: the first
    /// and three more over those left out.
    static let guardedPasses = 4

    /// The cost of the participant's cheapest stay (0 without a stay: placed nowhere, costs nothing).
    private func cheapest(_ p: ParticipantIndex) -> Cents {
        (pairs.pairStart[p.rawValue]..<pairs.pairStart[p.rawValue + 1]).map { pairs.pairs[$0].cost }.min() ?? 0
    }

    /// The participant's pairs in the order the greedy tries them.
    func byPreference(_ p: ParticipantIndex) -> [Int] {
        if let key = improving {
            return byRank(p).enumerated().sorted { (key[$0.element], $0.offset) < (key[$1.element], $1.offset) }
                .map(\.element)
        }
        guard order == .cheapestFirst else { return byRank(p) }
        return byRank(p).enumerated().sorted {
            (pairs.pairs[$0.element].cost, $0.offset) < (pairs.pairs[$1.element].cost, $1.offset)
        }.map(\.element)
    }

    private func byRank(_ p: ParticipantIndex) -> [Int] {
        Array(pairs.pairStart[p.rawValue]..<pairs.pairStart[p.rawValue + 1]).sorted {
            (pairs.pairs[$0].rank, pairs.pairs[$0].first, $0) < (pairs.pairs[$1].rank, pairs.pairs[$1].first, $1)
        }
    }

    /// Whether pair `q` may be taken at all: offer total, budget and, when
    /// `guarded`, the quota guard (a travel group is guarded whole, in
    /// ``placeGroup(_:)``). Nothing here depends on the start week: it is
    /// asked once a pair, before ``hasRoom(_:_:)`` for each week.
    func admits(_ q: Int, guarded: Bool = true) -> Bool {
        let pair = pairs.pairs[q]
        if let total = candidates.offers[pair.offer].offer.total, offerCount[pair.offer] >= total { return false }
        if let budget, spent + pair.cost > budget { return false }
        // A locked participant is placed whatever the quotas say (the master holds the lock): the
        // guard only counts them, or a share's other side could shut them out and the lock break.
        if guarded, let quotas, !candidates.locked.contains(ParticipantIndex(pair.participant)), !quotas.admits(q) {
            return false
        }
        return true
    }

    /// Whether the offer and its host have room for pair `q` every week from `s`.
    func hasRoom(_ q: Int, _ s: Int) -> Bool {
        let pair = pairs.pairs[q]
        let offer = candidates.offers[pair.offer]
        let hostCapacity = instance.hosts[offer.host.rawValue].capacity
        for w in s..<(s + pair.weeks) {
            if offerLoad[pair.offer][w - firstWeek] >= offer.offer.capacity { return false }
            if let h = hostCapacity, hostLoad[offer.host.rawValue][w - firstWeek] >= h { return false }
        }
        return true
    }

    mutating func take(_ q: Int, _ s: Int, _ sign: Int) {
        let pair = pairs.pairs[q]
        let host = candidates.offers[pair.offer].host.rawValue
        for w in s..<(s + pair.weeks) {
            offerLoad[pair.offer][w - firstWeek] += sign
            hostLoad[host][w - firstWeek] += sign
        }
        offerCount[pair.offer] += sign
        spent += Cents(sign) * pair.cost
        quotas?.add(q, Double(sign))
        starts[q] = sign > 0 ? s : nil
    }

    /// The pair's earliest start that fits, taken; false when none does.
    private mutating func place(_ q: Int) -> Bool {
        guard admits(q) else { return false }
        for s in pairs.pairs[q].first...pairs.pairs[q].last where hasRoom(q, s) {
            take(q, s, 1)
            return true
        }
        return false
    }

    /// The first member's pairs by rank and each start week; every other
    /// member takes its best-ranked pair at the same place and week that fits.
    /// The quota guard looks at the whole group (a group with one member on
    /// each side of a share keeps it), and not at a group with a locked
    /// member. Whether the group was placed.
    @discardableResult mutating func placeGroup(_ g: Int) -> Bool {
        let gm = candidates.groups[g]
        if candidates.groupsKeptOut[g] != nil { return false }
        func place(of q: Int) -> Int {
            candidates.place(ofHost: candidates.offers[pairs.pairs[q].offer].host.rawValue, together: gm.group.together)
        }
        let locked = gm.members.contains(where: candidates.locked.contains)
        // The other members' pairs in the order they are tried, the same for every first pair and week.
        let others = gm.members.dropFirst().map(byPreference)
        for q0 in byPreference(gm.members[0]) where admits(q0, guarded: false) {
            for s in pairs.pairs[q0].first...pairs.pairs[q0].last where hasRoom(q0, s) {
                take(q0, s, 1)
                var taken = [q0]
                for tried in others {
                    // Each member's budget and offer total count the members taken before it.
                    // The first stay that fits and that the quota guard admits with the members taken
                    // so far (at most two of one country at a host sends a third member of a group
                    // elsewhere in its city), else the first that fits: a share may need the group's
                    // later members. Without a guard (or for a locked group), the first that fits.
                    var firstFit: Int? = nil, admitted: Int? = nil
                    for q in tried
                    where place(of: q) == place(of: q0) && (pairs.pairs[q].first...pairs.pairs[q].last).contains(s)
                        && admits(q, guarded: false) && hasRoom(q, s)
                    {
                        firstFit = firstFit ?? q
                        if quotas == nil || locked { break }
                        if admitsWith(q, at: s, taken) {
                            admitted = q
                            break
                        }
                    }
                    guard let q = admitted ?? firstFit else { break }
                    take(q, s, 1)
                    taken.append(q)
                }
                if taken.count == gm.members.count && (locked || quotas?.admitsTaken(taken) ?? true) { return true }
                for q in taken { take(q, s, -1) }
            }
        }
        return false
    }

    /// Whether the quota guard admits pair `q` at week `s` together with
    /// `taken`, already placed (a group's members so far).
    private mutating func admitsWith(_ q: Int, at s: Int, _ taken: [Int]) -> Bool {
        take(q, s, 1)
        defer { take(q, s, -1) }
        return quotas?.admitsTaken(taken + [q]) ?? true
    }
}

extension DecomposedSolve {
    /// The greedy's solution as master values, when it keeps every row of
    /// the master (quotas, locks, ties, held levels); nil otherwise. With
    /// hard quotas another run keeps them as it goes (``QuotaGuard``); under
    /// a budget another runs cheapest first (with the guard, when there are
    /// quotas). The best by `objective` is kept (the plain one on a tie: it
    /// is the floor issue 15 names).
    func greedyIncumbent(
        master: PairMaster, candidates: CandidateSet, instance: Instance, policy: Policy, objective: LevelObjective
    ) -> Incumbent? {
        let quotas = QuotaGuard(master: master)
        var variants: [(PairGreedy.Order, QuotaGuard?, groupsFirst: Bool)] = [(.listed, nil, false)]
        if quotas != nil { variants.append((.listed, quotas, false)) }
        if policy.budgetCents != nil { variants.append((.cheapestFirst, quotas, false)) }
        if candidates.groups.contains(where: { $0.members.count > 1 }) {
            variants += variants.map { ($0.0, $0.1, true) }
        }
        var best: Incumbent? = nil
        for (order, quotas, groupsFirst) in variants {
            var greedy = PairGreedy(
                instance: instance, candidates: candidates, pairs: master.pairs, budget: policy.budgetCents)
            // The floor's moves are bounded by their tries, and run after a time limit too (a run
            // cut short keeps them: docs/performance.md, "A floor"); only Ctrl-C ends them.
            greedy.shouldStop = { [budget] in budget.stopRequested }
            greedy.order = order
            greedy.quotas = quotas
            greedy.groupsFirst = groupsFirst
            var solutions = [greedy.run()]
            // The same with moves that place more (PairGreedy+Moves.swift), kept only when better.
            if greedy.improveByMoves() > 0 { solutions.append(greedy.starts) }
            for starts in solutions {
                guard let v = Self.checkedPoint(starts, master: master) else { continue }
                if best == nil || Self.better(objective, v, than: best?.values) {
                    best = Incumbent(values: v, starts: starts, value: master.model.objectiveValue(v))
                }
            }
        }
        return best
    }
}

extension DecomposedSolve {
    /// The master's values of a solution given as a start week per chosen
    /// pair (soft shortfalls and worst rank recomputed), when it keeps every
    /// row of the master and `extraRows`; nil otherwise.
    static func checkedPoint(_ starts: [Int: Int], master: PairMaster, extraRows: [Row] = []) -> [Double]? {
        var values = [Double](repeating: 0, count: master.model.columnCount)
        for (q, s) in starts {
            values[q] = 1
            if let column = master.startColumns[q]?.first(where: { $0.start == s })?.column {
                values[column.rawValue] = 1
            }
        }
        guard let v = master.dropping([], from: values), master.model.maxViolation(v) <= 1e-6,
            extraRows.allSatisfy({ $0.violation(v) <= 1e-6 })
        else { return nil }
        return v
    }

    /// Whether `values` are better than `than` on `objective` (any values
    /// beat none): `than` does not reach them, in ``meets(_:_:_:)``'s tolerance.
    static func better(_ objective: LevelObjective, _ values: [Double], than: [Double]?) -> Bool {
        guard let than else { return true }
        return !meets(objective, objective.value(than), objective.value(values))
    }
}
