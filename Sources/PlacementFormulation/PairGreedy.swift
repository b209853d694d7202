import LinearModel
import PlacementModel

/// The plain greedy a run cut short must not fall below (issue 15): the
/// participants in order (those with a lock first), each given the
/// best-ranked stay that still fits; a group travelling together (rounds.md,
/// section 2) is placed whole, at one place and start week, or not at all.
/// It keeps every weekly capacity, offer total and the budget; quotas and
/// everything else are checked afterwards against the master
/// (``DecomposedSolve/greedyIncumbent(master:candidates:instance:policy:)``).
/// One pass over the pairs and their weeks: a whole `--time-limit 0.01`
/// run of a 1,000 × 250 round takes 2.6 s (docs/performance.md).
struct PairGreedy {
    let instance: Instance
    let candidates: CandidateSet
    let pairs: PairSet
    /// The budget in cents (rounds.md, section 4), when there is one.
    let budget: Cents?

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

    /// A start week per chosen pair.
    mutating func run() -> [Int: Int] {
        guard !pairs.pairs.isEmpty else { return [:] }
        firstWeek = pairs.pairs.map(\.first).min()!
        let weeks = pairs.pairs.map(\.span.upperBound).max()! - firstWeek + 1
        offerLoad = Array(repeating: Array(repeating: 0, count: weeks), count: candidates.offers.count)
        hostLoad = Array(repeating: Array(repeating: 0, count: weeks), count: instance.hosts.count)
        offerCount = Array(repeating: 0, count: candidates.offers.count)
        let everyone = (0..<candidates.participantCount).map(ParticipantIndex.init)
        let order = everyone.filter(candidates.locked.contains) + everyone.filter { !candidates.locked.contains($0) }
        var done = Set<Int>()
        for p in order where !done.contains(p.rawValue) {
            if let g = candidates.groupOf[p.rawValue], candidates.groups[g].members.count > 1 {
                for m in candidates.groups[g].members { done.insert(m.rawValue) }
                placeGroup(g)
            } else {
                done.insert(p.rawValue)
                for q in byRank(p) where place(q) { break }
            }
        }
        return starts
    }

    private func byRank(_ p: ParticipantIndex) -> [Int] {
        Array(pairs.pairStart[p.rawValue]..<pairs.pairStart[p.rawValue + 1]).sorted {
            (pairs.pairs[$0].rank, pairs.pairs[$0].first, $0) < (pairs.pairs[$1].rank, pairs.pairs[$1].first, $1)
        }
    }

    private func fits(_ q: Int, _ s: Int) -> Bool {
        let pair = pairs.pairs[q]
        let offer = candidates.offers[pair.offer]
        if let total = offer.offer.total, offerCount[pair.offer] >= total { return false }
        if let budget, spent + pair.cost > budget { return false }
        let hostCapacity = instance.hosts[offer.host.rawValue].capacity
        for w in s..<(s + pair.weeks) {
            if offerLoad[pair.offer][w - firstWeek] >= offer.offer.capacity { return false }
            if let h = hostCapacity, hostLoad[offer.host.rawValue][w - firstWeek] >= h { return false }
        }
        return true
    }

    private mutating func take(_ q: Int, _ s: Int, _ sign: Int) {
        let pair = pairs.pairs[q]
        let host = candidates.offers[pair.offer].host.rawValue
        for w in s..<(s + pair.weeks) {
            offerLoad[pair.offer][w - firstWeek] += sign
            hostLoad[host][w - firstWeek] += sign
        }
        offerCount[pair.offer] += sign
        spent += Cents(sign) * pair.cost
        starts[q] = sign > 0 ? s : nil
    }

    /// The pair's earliest start that fits, taken; false when none does.
    private mutating func place(_ q: Int) -> Bool {
        for s in pairs.pairs[q].first...pairs.pairs[q].last where fits(q, s) {
            take(q, s, 1)
            return true
        }
        return false
    }

    /// The first member's pairs by rank and each start week; every other
    /// member takes its best-ranked pair at the same place and week that fits.
    private mutating func placeGroup(_ g: Int) {
        let gm = candidates.groups[g]
        func place(of q: Int) -> Int {
            candidates.place(ofHost: candidates.offers[pairs.pairs[q].offer].host.rawValue, together: gm.group.together)
        }
        for q0 in byRank(gm.members[0]) {
            for s in pairs.pairs[q0].first...pairs.pairs[q0].last where fits(q0, s) {
                take(q0, s, 1)
                var taken = [q0]
                for m in gm.members.dropFirst() {
                    guard
                        let q = byRank(m).first(where: {
                            place(of: $0) == place(of: q0) && (pairs.pairs[$0].first...pairs.pairs[$0].last).contains(s)
                                && fits($0, s)
                        })
                    else { break }
                    take(q, s, 1)
                    taken.append(q)
                }
                if taken.count == gm.members.count { return }
                for q in taken { take(q, s, -1) }
            }
        }
    }
}

extension DecomposedSolve {
    /// The greedy's solution as master values, when it keeps every row of
    /// the master (quotas, locks, ties, held levels); nil otherwise.
    func greedyIncumbent(master: PairMaster, candidates: CandidateSet, instance: Instance, policy: Policy)
        -> Incumbent?
    {
        var greedy = PairGreedy(
            instance: instance, candidates: candidates, pairs: master.pairs, budget: policy.budgetCents)
        let starts = greedy.run()
        var values = [Double](repeating: 0, count: master.model.columnCount)
        for (q, s) in starts {
            values[q] = 1
            if let column = master.startColumns[q]?.first(where: { $0.start == s })?.column {
                values[column.rawValue] = 1
            }
        }
        guard let v = master.dropping([], from: values), master.model.maxViolation(v) <= 1e-6 else { return nil }
        return Incumbent(values: v, starts: starts, value: master.model.objectiveValue(v))
    }
}

extension DecomposedSolve {
    /// Whether `values` are better than `than` on `objective` (any values
    /// beat none): `than` does not reach them, in ``meets(_:_:_:)``'s tolerance.
    static func better(_ objective: LevelObjective, _ values: [Double], than: [Double]?) -> Bool {
        guard let than else { return true }
        return !meets(objective, objective.value(than), objective.value(values))
    }
}
