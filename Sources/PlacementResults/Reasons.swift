import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// Why a participant was not placed (model.md, Results).
public struct UnplacedReason: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// No candidate stay: `detail` starts with the filter that removed the last
        /// one, then a colon and the nearest miss.
        case noCandidate = "no_candidate"
        /// Candidates exist, but the solution uses their places otherwise.
        case capacity
        /// A stay would fit every capacity, but a hard quota would break.
        case quota
        /// A member of a group with candidates of its own: the group could
        /// not be placed together (rounds.md, section 2).
        case group
        /// The run ended with no solution at all (time limit, Ctrl-C, or an
        /// infeasible round): nothing can be said of the places.
        case notSolved = "not_solved"
    }

    public var participant: ParticipantIndex
    public var kind: Kind
    public var detail: String
    /// For `quota`: the hard rules (indices in the policy's `quotas`) that
    /// a stay with a free place would break, so the place stays empty.
    public var quotas: [Int] = []
}

/// Why there is no solution to judge the places by, when there is none.
func noSolution(_ result: RoundResult) -> String? {
    switch result.status {
    case .optimal, .feasible: return nil
    case .infeasible: return "the hard rules cannot all be met, so nobody is placed (see the conflicts in summary.json)"
    case .timeLimit:
        return result.interrupted
            ? "the solve was stopped before it found any solution"
            : "no solution was found within the time limit; try a longer --time-limit"
    }
}

/// Explains every unplaced participant of a solution.
///
/// `no_candidate` names the filter of model.md ruling 13. Otherwise each of
/// the participant's candidate stays is tried against the solution: when
/// none fits the capacities and totals left, the reason is `capacity`, with
/// the compatible offers and who holds them; when some stay fits them but
/// every such stay would break a hard quota, the reason is `quota`, naming
/// the rules. When a stay fits both, the optimum still chose otherwise (a
/// later goal, a weight or a soft penalty): that is reported as `capacity`,
/// the spec's "the optimum uses them otherwise", with the detail saying so.
public func explainUnplaced(_ result: RoundResult) -> [UnplacedReason] {
    let instance = result.instance, c = result.candidates
    let offers = c.offers
    var placedAt = [Int?](repeating: nil, count: instance.participants.count)
    for k in result.chosen { placedAt[c.stays[k].participant.rawValue] = k }

    // Occupancy of the solution.
    var offerWeek: [Int: [Int: Int]] = [:], hostWeek: [Int: [Int: Int]] = [:]
    var offerTotal = [Int](repeating: 0, count: offers.count)
    var holders = [[String]](repeating: [], count: offers.count)
    for k in result.chosen {
        let s = c.stays[k]
        let h = offers[s.offer.rawValue].host.rawValue
        offerTotal[s.offer.rawValue] += 1
        holders[s.offer.rawValue].append(instance.participants[s.participant.rawValue].id)
        for w in s.start..<(s.start + c.weeks[s.participant.rawValue]) {
            offerWeek[s.offer.rawValue, default: [:]][w, default: 0] += 1
            hostWeek[h, default: [:]][w, default: 0] += 1
        }
    }
    // Hard quota scopes, for checking an added stay.
    let scopes = result.policy.quotas.map { QuotaScopes(quota: $0, instance: instance) }
    var gp: [[(g: Int, p: Int)]] = scopes.map { [(Int, Int)](repeating: (0, 0), count: $0.scopes.count) }
    for k in result.chosen {
        let s = c.stays[k]
        for (qi, sc) in scopes.enumerated() {
            let si = sc.scope(participant: s.participant.rawValue, offer: s.offer.rawValue)
            gp[qi][si].p += 1
            if sc.isWho[s.participant.rawValue] { gp[qi][si].g += 1 }
        }
    }

    // The budget is a hard rule like a quota (rounds.md, section 4): what it leaves.
    let budgetLeft: Cents? = result.policy.budgetCents.map { max in
        c.costs.isEmpty ? max : max - result.chosen.reduce(0) { $0 + c.spend($1) }
    }
    var reasons: [UnplacedReason] = []
    for (pi, p) in instance.participants.enumerated() where placedAt[pi] == nil {
        let index = ParticipantIndex(pi)
        if let f = c.noCandidateFilter[index] {
            reasons.append(
                UnplacedReason(
                    participant: index, kind: .noCandidate,
                    detail: NearestMiss.detail(participant: index, filter: f, instance: instance, policy: result.policy)
                ))
            continue
        }
        if let why = noSolution(result) {
            reasons.append(UnplacedReason(participant: index, kind: .notSolved, detail: why))
            continue
        }
        var fullOffers: [Int] = []
        var brokenRules: [String] = []
        var brokenQuotas: [Int] = []
        var fitsAll: Int? = nil
        var cheapestOverBudget: Cents? = nil
        for k in c.stayRange(of: index) {
            let s = c.stays[k]
            let oi = s.offer.rawValue
            let (hi, o) = (offers[oi].host.rawValue, offers[oi].offer)
            let cap = instance.hosts[hi].capacity
            var fits = offerTotal[oi] < (o.total ?? Int.max)
            for w in s.start..<(s.start + p.weeks) where fits {
                if (offerWeek[oi]?[w] ?? 0) >= o.capacity { fits = false }
                if let cap, (hostWeek[hi]?[w] ?? 0) >= cap { fits = false }
            }
            guard fits else {
                if !fullOffers.contains(oi) { fullOffers.append(oi) }
                continue
            }
            var broken: [String] = []
            for (qi, q) in result.policy.quotas.enumerated() where q.soft == nil {
                let before = broken.count
                defer { if broken.count > before, !brokenQuotas.contains(qi) { brokenQuotas.append(qi) } }
                let sc = scopes[qi]
                let si = sc.scope(participant: pi, offer: oi)
                let scope = sc.scopes[si]
                let g = gp[qi][si].g + (sc.isWho[pi] ? 1 : 0), pp = gp[qi][si].p + 1
                for b in q.bounds {
                    let form = QuotaForm(
                        bound: b, nWho: sc.whoInGroup[scope.participantGroup],
                        nAll: sc.participantsInGroup[scope.participantGroup])
                    if form.slack(g: g, p: pp) < -1e-9 {
                        let where_ =
                            scope.label.isEmpty
                            ? ""
                            : " (" + scope.label.map { "\($0.key)=\($0.value ?? "none")" }.joined(separator: ", ") + ")"
                        broken.append("\(q.name) \(b.name)\(where_)")
                    }
                }
            }
            if let left = budgetLeft, !c.costs.isEmpty, c.spend(k) > left {
                cheapestOverBudget = min(cheapestOverBudget ?? c.spend(k), c.spend(k))
                broken.append("the budget")
            }
            if broken.isEmpty { fitsAll = k; break }
            for r in broken where !brokenRules.contains(r) { brokenRules.append(r) }
        }
        if let k = fitsAll {
            let o = offers[c.stays[k].offer.rawValue].offer
            reasons.append(
                UnplacedReason(
                    participant: index, kind: .capacity,
                    detail: "a stay at \(o.id) would fit, but the optimum of the goals uses the places otherwise"))
        } else if !brokenRules.isEmpty {
            reasons.append(
                UnplacedReason(
                    participant: index, kind: .quota,
                    detail: "placing would break "
                        + brokenRules.prefix(3).map { rule in
                            guard rule == "the budget", let left = budgetLeft, let cost = cheapestOverBudget else {
                                return rule
                            }
                            return
                                "the budget (EUR \(max(0, left).euroText) left; the cheapest stay with a free place costs EUR "
                                + "\(cost.euroText))"
                        }.joined(separator: "; "),
                    quotas: brokenQuotas.sorted()))
        } else {
            let parts = fullOffers.prefix(3).map { oi in
                let who = holders[oi].prefix(4).joined(separator: ", ")
                return
                    "\(offers[oi].offer.id) (held by \(who.isEmpty ? "nobody: closed" : who)\(holders[oi].count > 4 ? ", …" : ""))"
            }
            let more = fullOffers.count > 3 ? " and \(fullOffers.count - 3) more" : ""
            reasons.append(
                UnplacedReason(
                    participant: index, kind: .capacity,
                    detail: "compatible offers are full: " + parts.joined(separator: "; ") + more))
        }
    }
    return reasons.map { groupReason($0, c, instance) }
}

/// A member of a group that had candidates of its own gets the reason
/// `group`, whatever else kept it out, with what the engine can tell:
/// no shared city (or host) and week, or what stopped this member there.
func groupReason(_ r: UnplacedReason, _ c: CandidateSet, _ instance: Instance) -> UnplacedReason {
    guard r.kind != .notSolved, let g = c.groupOf[r.participant.rawValue],
        c.membersWithOwnStays.contains(r.participant)
    else { return r }
    let gm = c.groups[g]
    let head = "group \(gm.group.id) (\(gm.members.count) members) could not be placed together"
    var out = r
    out.kind = .group
    if let why = c.groupsKeptOut[g] {
        out.detail = head + ": " + why
    } else if c.sharesNothing(gm) {
        let place = gm.group.together == .city ? "city" : "host"
        out.detail = head + ": its members have no \(place) and start week in common where each has a candidate stay"
    } else {
        out.detail = head + "; where the group could go: " + r.detail
    }
    return out
}
