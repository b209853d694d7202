import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// The `no_candidate` detail a coordinator can read: the filter first (so
/// scripts can split on `:`), then what the participant brings and what the
/// nearest miss among the offers that fell at that filter asks for, e.g.
/// `language: speaks en B1, es native; offers need de B1 or en B2 (DE-PADERBORN-METAL/cnc)`.
enum NearestMiss {
    /// The detail, then the nearest of the participant's other offers with
    /// every filter that removes each, so that an `abroad` at the end does
    /// not hide the language level or the weeks that kept them from every
    /// offer abroad (issue 16): `…; nearest other offers: at DE-H/o:
    /// language en A2 < B1, weeks 12 > max 8; at PT-H/o: sector tourism not offered`.
    static func detail(participant pi: ParticipantIndex, filter: Filter, instance: Instance, policy: Policy) -> String {
        let outcomes = CandidateSet.outcomes(of: pi, instance: instance, policy: policy)
        let text = detail(participant: pi, filter: filter, instance: instance, policy: policy, outcomes: outcomes)
        let others = outcomes.indices.filter { outcomes[$0] != .removed(filter) }
        guard !others.isEmpty else { return text }
        // Nearest: the fewest filters to overcome, then the order of the round.
        let failing = others.map { ($0, CandidateSet.failures(of: pi, offer: $0, instance: instance, policy: policy)) }
        let nearest = failing.sorted { ($0.1.count, $0.0) < ($1.1.count, $1.0) }.prefix(3)
        let p = instance.participants[pi.rawValue]
        let parts = nearest.map { i, filters in
            let e = instance.offers[i]
            let words = filters.map { why($0, p, instance.hosts[e.host.rawValue], e.offer) }
            return "at \(e.offer.id): " + words.joined(separator: ", ")
        }
        let rest = others.count > 3 ? " (\(others.count - 3) more)" : ""
        return text + "; nearest other offers: " + parts.joined(separator: "; ") + rest
    }

    /// One filter's failure at one offer, in a few words.
    static func why(_ f: Filter, _ p: Participant, _ host: Host, _ o: Offer) -> String {
        switch f {
        case .sector: return "sector \(p.sector) not offered"
        case .language:
            // The requirement nearest to what the participant speaks.
            let best = o.languages.min {
                ($0.value.strength - (p.languages[$0.key]?.strength ?? 0), $0.key)
                    < ($1.value.strength - (p.languages[$1.key]?.strength ?? 0), $1.key)
            }!
            guard let has = p.languages[best.key] else { return "language \(best.key) \(best.value.rawValue) needed" }
            return "language \(best.key) \(has.rawValue) < \(best.value.rawValue)"
        case .dates: return "dates \(o.from.iso) to \(o.to.iso) do not fit"
        case .duration:
            if let m = o.minWeeks, p.weeks < m { return "weeks \(p.weeks) < min \(m)" }
            return "weeks \(p.weeks) > max \(o.maxWeeks ?? p.weeks)"
        case .accessibility:
            let missing = p.needs.filter { !host.accessibility.contains($0) && !o.accessibility.contains($0) }
            return "lacks \(missing.joined(separator: ", "))"
        case .age: return p.birthDate == nil ? "no birth date (min_age \(o.minAge ?? 0))" : "under \(o.minAge ?? 0)"
        case .abroad: return "same country (\(host.country))"
        case .kind: return "\(p.kind.rawValue) not accepted"
        case .listed: return "not listed"
        case .banned: return "banned"
        }
    }

    private static func detail(
        participant pi: ParticipantIndex, filter: Filter, instance: Instance, policy: Policy,
        outcomes: [CandidateSet.FilterOutcome]
    ) -> String {
        let p = instance.participants[pi.rawValue]
        let flat = instance.offers
        // The offers whose last start fell away at `filter`.
        let fell: [(host: Host, offer: Offer)] = outcomes.indices.compactMap { i in
            guard outcomes[i] == .removed(filter) else { return nil }
            return (instance.hosts[flat[i].host.rawValue], flat[i].offer)
        }
        let head = filter.description + ": "
        guard !fell.isEmpty else { return head + "no offers in the round" }
        func more(_ n: Int) -> String { n > 1 ? " and \(n - 1) more" : "" }

        switch filter {
        case .sector:
            var sectors: [String] = []
            for e in fell { for s in e.offer.sectors where !sectors.contains(s) { sectors.append(s) } }
            sectors.sort()
            let shown = sectors.prefix(6).joined(separator: ", ") + (sectors.count > 6 ? ", …" : "")
            return head
                + "sector \(p.sector); no offer is for it (offers are for \(sectors.isEmpty ? "no sector" : shown))"

        case .language:
            let speaks =
                p.languages.isEmpty
                ? "no languages listed"
                : "speaks "
                    + p.languages.keys.sorted().map { "\($0) \(p.languages[$0]!.rawValue)" }.joined(separator: ", ")
            // Nearest: the offer needing the fewest CEFR steps more.
            func shortfall(_ o: Offer) -> Int {
                o.languages.map { lang, min in min.strength - (p.languages[lang]?.strength ?? 0) }.min() ?? 0
            }
            let best = fell.min { shortfall($0.offer) < shortfall($1.offer) }!
            let needs = best.offer.languages.keys.sorted().map { "\($0) \(best.offer.languages[$0]!.rawValue)" }.joined(
                separator: " or ")
            return head + "\(speaks); offers need \(needs) (\(best.offer.id)\(more(fell.count)))"

        case .dates:
            // Nearest: the largest overlap of the two windows.
            func overlap(_ o: Offer) -> Int {
                min(p.availableTo, o.to).ordinal - max(p.availableFrom, o.from).ordinal + 1
            }
            let best = fell.max { overlap($0.offer) < overlap($1.offer) }!
            let own =
                "available \(p.availableFrom.iso) to \(p.availableTo.iso) for \(p.weeks) week\(p.weeks == 1 ? "" : "s")"
            let days = max(0, overlap(best.offer))
            return head
                + "\(own); nearest window \(best.offer.from.iso) to \(best.offer.to.iso) (\(best.offer.id)\(more(fell.count))) "
                + (days == 0
                    ? "does not overlap"
                    : "overlaps \(days) day\(days == 1 ? "" : "s"); \(7 * p.weeks) days, Monday to Sunday, needed")

        case .duration:
            func distance(_ o: Offer) -> Int {
                if let m = o.minWeeks, p.weeks < m { return m - p.weeks }
                if let m = o.maxWeeks, p.weeks > m { return p.weeks - m }
                return 0
            }
            let best = fell.min { distance($0.offer) < distance($1.offer) }!
            let o = best.offer
            let range =
                switch (o.minWeeks, o.maxWeeks) {
                case let (a?, b?): "\(a) to \(b) weeks"
                case let (a?, nil): "at least \(a) weeks"
                case let (nil, b?): "at most \(b) weeks"
                case (nil, nil): "any length"
                }
            return head
                + "stays \(p.weeks) week\(p.weeks == 1 ? "" : "s"); offers take \(range) (\(o.id)\(more(fell.count)))"

        case .accessibility:
            func missing(_ e: (host: Host, offer: Offer)) -> [String] {
                p.needs.filter { !e.host.accessibility.contains($0) && !e.offer.accessibility.contains($0) }
            }
            let best = fell.min { missing($0).count < missing($1).count }!
            return head
                + "needs \(p.needs.joined(separator: ", ")); \(best.offer.id) lacks \(missing(best).joined(separator: ", "))\(more(fell.count))"

        case .age:
            guard let birth = p.birthDate else {
                let best = fell.min { ($0.offer.minAge ?? 0) < ($1.offer.minAge ?? 0) }!
                return head
                    + "no birth date; offers need min_age \(best.offer.minAge ?? 0) (\(best.offer.id)\(more(fell.count)))"
            }
            // The age on the latest start the dates allow, against min_age.
            func latestStart(_ o: Offer) -> Day {
                min(p.availableTo, o.to).adding(days: -(7 * p.weeks - 1)).mondayOnOrBefore
            }
            func gap(_ o: Offer) -> Int { (o.minAge ?? 0) - birth.age(on: latestStart(o)) }
            let best = fell.min { gap($0.offer) < gap($1.offer) }!
            let start = latestStart(best.offer)
            return head
                + "aged \(birth.age(on: start)) on the latest possible start \(start.iso) (born \(birth.iso)); offers need min_age \(best.offer.minAge ?? 0) (\(best.offer.id)\(more(fell.count)))"

        case .abroad:
            return head
                + "sending country \(p.country); the compatible offers are in \(p.country) too (\(fell[0].offer.id)\(more(fell.count)))"

        case .kind:
            let kinds =
                fell[0].offer.kinds.map { $0.isEmpty ? "nobody" : $0.map(\.rawValue).joined(separator: ", ") + " only" }
                ?? "all"
            return head + "\(p.kind.rawValue); \(fell[0].offer.id) accepts \(kinds)\(more(fell.count))"

        case .listed:
            let ids = fell.prefix(3).map(\.offer.id).joined(separator: ", ")
            return head
                + "only listed offers may be used (only_listed); compatible offers not listed: \(ids)\(fell.count > 3 ? " and \(fell.count - 3) more" : "")"

        case .banned:
            let ids = fell.prefix(3).map(\.offer.id).joined(separator: ", ")
            return head
                + "the round bans \(p.id) from the compatible offers: \(ids)\(fell.count > 3 ? " and \(fell.count - 3) more" : "")"
        }
    }
}
