import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// The figures of a solution, recomputed from its stays by the definitions
/// of model.md (never taken from the solver).
public struct RoundFigures: Sendable {
    /// Value of each objective level, in policy order.
    public var levelValues: [Double]
    /// The soft rules' penalties taken from (or added to) the first goal:
    /// Σ soft × shortfall over the soft scopes short (0 without soft rules).
    public var softPenalty: Double = 0
    public var placed: Int
    public var participants: Int
    /// rank → number of placements.
    public var rankHistogram: [Int: Int]
    public var quotas: [QuotaFigure]
    /// Per offer (flat order): most participants present in one week, and stays.
    public var offerUse: [(peak: Int, total: Int)]
    /// Per host: most participants present in one week.
    public var hostPeak: [Int]
    /// Group key (`country`, `kind`, `sector`, attribute names) → value → (participants, placed).
    public var groups: [(key: String, values: [(value: String, participants: Int, placed: Int)])]
    /// The cost of each chosen stay, in the order of `chosen` (rounds.md,
    /// section 4); empty without a funding file.
    public var stayCosts: [StayCost] = []
    /// The companions of the placed groups (rounds.md, section 4); empty
    /// without a funding file.
    public var companionCosts: [CompanionCost] = []

    /// One quota bound in one scope.
    public struct QuotaFigure: Sendable {
        public var quota: Int
        public var name: String
        public var scope: [(key: String, value: String?)]
        public var bound: QuotaBound
        public var soft: Double?
        /// `G`, `P`, `N_who`, `N_all` of the scope.
        public var g: Int, p: Int, nWho: Int, nAll: Int
        /// The bound's quantity: a count, share, rate or parity (nil when undefined, e.g. a share of 0 placements).
        public var value: Double?
        /// In placements (for `min_parity`, placements of `who`); negative: short by that much.
        public var slack: Double
    }

    public init(instance: Instance, policy: Policy, candidates: CandidateSet, chosen: [Int]) {
        let stays = chosen.map { candidates.stays[$0] }
        let ranks = chosen.map { candidates.ranks[$0] }
        self.placed = stays.count
        self.participants = instance.participants.count
        var hist: [Int: Int] = [:]
        for r in ranks { hist[r, default: 0] += 1 }
        self.rankHistogram = hist
        if let funding = instance.funding {
            let table = CostTable(instance: instance, funding: funding)
            stayCosts = stays.map { s in
                let h = candidates.offers[s.offer.rawValue].host.rawValue
                guard case .success(let c)? = table.cost(instance, participant: s.participant.rawValue, host: h)
                else { return StayCost(distanceKm: 0, travel: 0, individual: 0, organisational: 0, inclusion: 0) }
                return c
            }
            var hostOf: [Int: Int] = [:]
            for s in stays { hostOf[s.participant.rawValue] = candidates.offers[s.offer.rawValue].host.rawValue }
            companionCosts = table.companions(instance) { hostOf[$0] }
        }

        // Quotas.
        var quotas: [QuotaFigure] = []
        var penalty = 0.0
        for (qi, q) in policy.quotas.enumerated() {
            let scopes = QuotaScopes(quota: q, instance: instance)
            var g = [Int](repeating: 0, count: scopes.scopes.count), p = g
            for s in stays {
                let si = scopes.scope(participant: s.participant.rawValue, offer: s.offer.rawValue)
                p[si] += 1
                if scopes.isWho[s.participant.rawValue] { g[si] += 1 }
            }
            for (si, scope) in scopes.scopes.enumerated() {
                let nWho = scopes.whoInGroup[scope.participantGroup],
                    nAll = scopes.participantsInGroup[scope.participantGroup]
                for bound in q.bounds {
                    let form = QuotaForm(bound: bound, nWho: nWho, nAll: nAll)
                    let slack = form.slack(g: g[si], p: p[si])
                    if let c = q.soft, slack < 0 { penalty += c * -slack }
                    let value: Double?
                    switch bound {
                    case .minCount, .maxCount: value = Double(g[si])
                    case .minShare, .maxShare: value = p[si] == 0 ? nil : Double(g[si]) / Double(p[si])
                    case .minRate: value = nWho == 0 ? nil : Double(g[si]) / Double(nWho)
                    case .minParity:
                        value =
                            (nWho == 0 || p[si] == 0)
                            ? nil : (Double(g[si]) / Double(nWho)) / (Double(p[si]) / Double(nAll))
                    }
                    quotas.append(
                        QuotaFigure(
                            quota: qi, name: q.name, scope: scope.label, bound: bound, soft: q.soft,
                            g: g[si], p: p[si], nWho: nWho, nAll: nAll, value: value, slack: slack))
                }
            }
        }
        self.quotas = quotas

        // Levels.
        var values: [Double] = []
        for (i, goal) in policy.objective.enumerated() {
            var v: Double
            switch goal {
            case .placed: v = stays.reduce(0) { $0 + goal.weight(of: instance.participants[$1.participant.rawValue]) }
            case .rank(let cost):
                v = ranks.reduce(0) {
                    let c = Double($1 - 1); return $0 + (cost == .squared ? c * c : c)
                }
            case .worstRank: v = Double(ranks.max() ?? 0)
            case .early: v = Double(stays.reduce(0) { $0 + $1.start })
            case .changes(let keep):
                v = Double(instance.changes(keep: keep, now: Self.now(stays, instance, candidates)))
            case .cost:
                v = Double(stayCosts.reduce(0) { $0 + $1.total } + companionCosts.reduce(0) { $0 + $1.total })
            }
            if i == policy.penaltyLevel { v += goal.isMaximised ? -penalty : penalty }
            values.append(v)
        }
        self.levelValues = values
        self.softPenalty = penalty

        // Offer and host use per week.
        let offers = candidates.offers
        var offerWeeks = [[Int: Int]](repeating: [:], count: offers.count)
        var hostWeeks = [[Int: Int]](repeating: [:], count: instance.hosts.count)
        var totals = [Int](repeating: 0, count: offers.count)
        for s in stays {
            totals[s.offer.rawValue] += 1
            let h = offers[s.offer.rawValue].host.rawValue
            for w in s.start..<(s.start + candidates.weeks[s.participant.rawValue]) {
                offerWeeks[s.offer.rawValue][w, default: 0] += 1
                hostWeeks[h][w, default: 0] += 1
            }
        }
        self.offerUse = offers.indices.map { (offerWeeks[$0].values.max() ?? 0, totals[$0]) }
        self.hostPeak = hostWeeks.map { $0.values.max() ?? 0 }

        // Groups.
        var isPlaced = [Bool](repeating: false, count: instance.participants.count)
        for s in stays { isPlaced[s.participant.rawValue] = true }
        self.groups = instance.groupKeys.map { key in
            var order: [String] = []
            var counts: [String: (Int, Int)] = [:]
            for (i, p) in instance.participants.enumerated() {
                guard let v = p.value(of: key)?.description else { continue }
                if counts[v] == nil { order.append(v); counts[v] = (0, 0) }
                counts[v]!.0 += 1
                if isPlaced[i] { counts[v]!.1 += 1 }
            }
            return (
                key,
                order.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map {
                    ($0, counts[$0]!.0, counts[$0]!.1)
                }
            )
        }
    }
}

extension RoundFigures {
    /// Each placed participant's offer, host and start, by id (for the `changes` goal).
    static func now(_ stays: [Stay], _ instance: Instance, _ c: CandidateSet) -> [String: (
        offer: String, host: String, start: Day
    )] {
        var out: [String: (offer: String, host: String, start: Day)] = [:]
        for s in stays {
            let e = c.offers[s.offer.rawValue]
            out[instance.participants[s.participant.rawValue].id] = (
                e.offer.id, instance.hosts[e.host.rawValue].id, c.monday(ofWeek: s.start)
            )
        }
        return out
    }
}
