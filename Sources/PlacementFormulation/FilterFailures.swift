import PlacementModel

extension CandidateSet {
    /// Every filter that removes the pair (participant `p`, flat offer
    /// `offer`) on its own, each judged apart from the others (the dates
    /// judge the window; the age the latest start the participant's own
    /// window allows when the dates fail). Candidate generation stops at
    /// the first (``outcomes(of:instance:policy:)``, ruling 13); this says all of
    /// them, so that a reason can name the real blockers (issue 16).
    public static func failures(of p: ParticipantIndex, offer: Int, instance: Instance, policy: Policy) -> [Filter] {
        let x = instance.participants[p.rawValue]
        let entry = instance.offers[offer]
        let o = entry.offer, host = instance.hosts[entry.host.rawValue]
        var out: [Filter] = []
        if !o.sectors.contains(x.sector) { out.append(.sector) }
        if !o.languages.isEmpty,
            !o.languages.contains(where: { lang, minimum in (x.languages[lang]?.strength ?? -1) >= minimum.strength })
        {
            out.append(.language)
        }
        let earliest = max(x.availableFrom, o.from).mondayOnOrAfter
        let latestStart = min(x.availableTo, o.to).adding(days: -(7 * x.weeks - 1)).mondayOnOrBefore
        let datesFit = x.weeks >= 1 && earliest <= latestStart
        if !datesFit { out.append(.dates) }
        if let m = o.minWeeks, x.weeks < m { out.append(.duration) }
        if let m = o.maxWeeks, x.weeks > m { out.append(.duration) }
        if x.needs.contains(where: { !host.accessibility.contains($0) && !o.accessibility.contains($0) }) {
            out.append(.accessibility)
        }
        if let minAge = o.minAge {
            let last = datesFit ? latestStart : x.availableTo.adding(days: -(7 * max(x.weeks, 1) - 1))
            if let birth = x.birthDate {
                if comesOfAgeMonday(birth, minAge) > last { out.append(.age) }
            } else {
                out.append(.age)
            }
        }
        if policy.requireAbroad && x.country == host.country { out.append(.abroad) }
        if let kinds = o.kinds, !kinds.contains(x.kind) { out.append(.kind) }
        if policy.onlyListed && !x.preferences.contains(o.id) && !x.preferences.contains(host.id) {
            out.append(.listed)
        }
        if instance.bans.contains(where: { $0.participant == x.id && $0.target.names(offer: o.id, host: host.id) }) {
            out.append(.banned)
        }
        var seen = Set<Filter>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The first Monday on which someone born on `birth` is `years` old.
    private static func comesOfAgeMonday(_ birth: Day, _ years: Int) -> Day {
        day(birth, plusYears: years).mondayOnOrAfter
    }
}
