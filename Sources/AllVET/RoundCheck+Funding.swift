/// `check --funding` (rounds.md, section 4): the cheapest and dearest
/// candidate stay of each participant, so that a coordinator sees the range
/// of the money before solving.
extension RoundCheck {
    public struct CostRange: Sendable {
        public var participant: String
        /// nil: the participant has no candidate stay.
        public var cheapest: (cost: Cents, host: String)?
        public var dearest: (cost: Cents, host: String)?
    }

    static func costRanges(_ instance: Instance, _ c: CandidateSet) -> [CostRange] {
        guard instance.funding != nil, !c.costs.isEmpty || c.stays.isEmpty else { return [] }
        return instance.participants.indices.map { p in
            var lo: (cost: Cents, host: String)?, hi: (cost: Cents, host: String)?
            for k in c.stayRange(of: ParticipantIndex(p)) {
                let cost = c.costs[k], host = instance.hosts[c.offers[c.stays[k].offer.rawValue].host.rawValue].id
                if lo == nil || cost < lo!.cost { lo = (cost, host) }
                if hi == nil || cost > hi!.cost { hi = (cost, host) }
            }
            return CostRange(participant: instance.participants[p].id, cheapest: lo, dearest: hi)
        }
    }

    /// The ranges as lines for a terminal, with the round's totals.
    var costLines: [String] {
        guard !costRanges.isEmpty else { return [] }
        let cur = currency
        var out = ["costs of a stay per participant (\(cur), cheapest … dearest candidate):"]
        let width = costRanges.map(\.participant.count).max() ?? 0
        for r in costRanges {
            let id = r.participant.padding(toLength: width, withPad: " ", startingAt: 0)
            if let lo = r.cheapest, let hi = r.dearest {
                out.append("  \(id)  \(lo.cost.euroText) at \(lo.host) … \(hi.cost.euroText) at \(hi.host)")
            } else {
                out.append("  \(id)  no candidate stay")
            }
        }
        let cheapest = costRanges.compactMap { $0.cheapest?.cost }, dearest = costRanges.compactMap { $0.dearest?.cost }
        out.append(
            "everyone with a candidate placed: from \(cur) \(cheapest.reduce(0, +).euroText) (each at the cheapest) "
                + "to \(cur) \(dearest.reduce(0, +).euroText) (each at the dearest)"
                + (budget.map { "; budget \(cur) \($0.euroText)" } ?? ""))
        return out
    }
}
