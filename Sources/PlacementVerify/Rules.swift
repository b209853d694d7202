import PlacementModel

/// The rules of model.md, written again for the verifier from the spec, with
/// no code shared with the formulation: the ten filters on one (offer,
/// start) pair, ranks, week numbers and quota arithmetic.
struct Rules {
    let instance: Instance
    let policy: Policy
    /// Flat offers: (host index, offer), hosts in order, then offers.
    let offers: [(host: Int, offer: Offer)]
    let offerByID: [String: Int]
    let participantByID: [String: Int]
    /// Monday of week 0 (ruling 1).
    let weekZero: Day
    /// The round's costs under its funding file (rounds.md, section 4).
    /// Money is computed by the model's one cost function (`Funding.cost`),
    /// whose every line is checked by hand in the tests; what the verifier
    /// adds is that the files' figures are that function's.
    let costs: CostTable?

    /// The filters in the order of model.md (ruling 13), 1-based.
    static let filterNames = [
        "sector", "language", "dates", "duration", "accessibility", "age", "abroad", "kind", "listed", "banned",
    ]

    init(instance: Instance, policy: Policy) {
        self.instance = instance
        self.policy = policy
        var offers: [(Int, Offer)] = []
        var offerByID: [String: Int] = [:]
        var earliest: Day?
        for (h, host) in instance.hosts.enumerated() {
            for o in host.offers {
                if offerByID[o.id] == nil { offerByID[o.id] = offers.count }
                offers.append((h, o))
                earliest = earliest.map { min($0, o.from) } ?? o.from
            }
        }
        var participantByID: [String: Int] = [:]
        for (i, p) in instance.participants.enumerated() where participantByID[p.id] == nil {
            participantByID[p.id] = i
            earliest = earliest.map { min($0, p.availableFrom) } ?? p.availableFrom
        }
        self.offers = offers
        self.offerByID = offerByID
        self.participantByID = participantByID
        self.costs = instance.funding.map { CostTable(instance: instance, funding: $0) }
        let e = earliest ?? Day(ordinal: 4)  // 1970-01-05, a Monday
        self.weekZero = Day(ordinal: e.ordinal - (((e.ordinal + 3) % 7) + 7) % 7)
    }

    /// The cost of participant `pi`'s stay at offer `oi`; nil without
    /// funding or when the funding file does not cover it.
    func cost(_ pi: Int, _ oi: Int) -> StayCost? {
        guard let costs, case .success(let c)? = costs.cost(instance, participant: pi, host: offers[oi].host) else {
            return nil
        }
        return c
    }

    /// Week number of a day (the week of the Monday on or before it).
    func week(of day: Day) -> Int {
        let d = day.ordinal - weekZero.ordinal
        return d >= 0 ? d / 7 : -((-d + 6) / 7)
    }

    /// The first filter (1...10) that rejects participant `pi` at offer `oi`
    /// starting on `start`, with a few words on why; nil for a candidate.
    func firstFailing(_ pi: Int, _ oi: Int, start: Day) -> (filter: Int, why: String)? {
        let p = instance.participants[pi]
        let (hi, o) = offers[oi]
        let host = instance.hosts[hi]
        if !o.sectors.contains(p.sector) { return (1, "sector \(p.sector) not among \(o.sectors)") }
        if !o.languages.isEmpty {
            var ok = false
            for (lang, minimum) in o.languages {
                if let have = p.languages[lang], Self.strength(have) >= Self.strength(minimum) { ok = true }
            }
            if !ok { return (2, "no language at the level the offer needs") }
        }
        let end = start.adding(days: 7 * p.weeks - 1)
        if start < p.availableFrom || start < o.from || end > p.availableTo || end > o.to {
            return (
                3,
                "\(start.iso)–\(end.iso) is not inside both \(p.availableFrom.iso)–\(p.availableTo.iso) and \(o.from.iso)–\(o.to.iso)"
            )
        }
        if let m = o.minWeeks, p.weeks < m { return (4, "\(p.weeks) weeks < min_weeks \(m)") }
        if let m = o.maxWeeks, p.weeks > m { return (4, "\(p.weeks) weeks > max_weeks \(m)") }
        let features = Set(host.accessibility).union(o.accessibility)
        let missing = p.needs.filter { !features.contains($0) }
        if !missing.isEmpty { return (5, "missing \(missing.joined(separator: ", "))") }
        if let minAge = o.minAge {
            guard let birth = p.birthDate else { return (6, "no birth date, min_age \(minAge)") }
            let age = Self.age(born: birth, on: start)
            if age < minAge { return (6, "aged \(age) on \(start.iso), min_age \(minAge)") }
        }
        if policy.requireAbroad && p.country == host.country {
            return (7, "host is in the sending country \(p.country)")
        }
        if let kinds = o.kinds, !kinds.contains(p.kind) { return (8, "kind \(p.kind.rawValue) not accepted") }
        if policy.onlyListed && !p.preferences.contains(o.id) && !p.preferences.contains(host.id) {
            return (9, "neither \(o.id) nor \(host.id) is listed")
        }
        // rounds.md, ruling 14: the tenth filter.
        if let ban = instance.bans.first(where: {
            $0.participant == p.id && $0.target.names(offer: o.id, host: host.id)
        }) {
            return (10, "\(p.id) is banned from \(ban.target)")
        }
        return nil
    }

    /// Each stay's offer, host and start by participant id (for `changes`).
    func now(_ stays: [ResultsVerifier.StayRow]) -> [String: (offer: String, host: String, start: Day)] {
        var out: [String: (offer: String, host: String, start: Day)] = [:]
        for s in stays {
            let (hi, o) = offers[s.offer]
            out[instance.participants[s.participant].id] = (o.id, instance.hosts[hi].id, s.start)
        }
        return out
    }

    /// For a participant: whether some (offer, Monday) pair is a candidate
    /// (and one example), else the filter at which the last pair fell away.
    func candidateOrDeepest(_ pi: Int) -> (example: (offer: Int, start: Day)?, deepest: Int) {
        let p = instance.participants[pi]
        var deepest = 1
        for oi in offers.indices {
            let o = offers[oi].offer
            // The filters before dates do not depend on the start.
            if let f = firstFailing(pi, oi, start: p.availableFrom), f.filter < 3 {
                deepest = max(deepest, f.filter); continue
            }
            // Mondays whose whole stay lies in both windows.
            let from = max(p.availableFrom, o.from)
            var s = Day(ordinal: from.ordinal + (7 - ((from.ordinal + 3) % 7 + 7) % 7) % 7)
            let lastEnd = min(p.availableTo, o.to)
            var anyInWindow = false
            while s.adding(days: 7 * p.weeks - 1) <= lastEnd {
                anyInWindow = true
                if let f = firstFailing(pi, oi, start: s) {
                    deepest = max(deepest, f.filter)
                } else {
                    return ((oi, s), 0)
                }
                s = s.adding(days: 7)
            }
            if !anyInWindow { deepest = max(deepest, 3) }
        }
        return (nil, deepest)
    }

    /// model.md, Preference rank.
    func rank(_ pi: Int, _ oi: Int) -> Int {
        let p = instance.participants[pi]
        let hostID = instance.hosts[offers[oi].host].id, offerID = offers[oi].offer.id
        if let i = p.preferences.firstIndex(where: { $0 == offerID || $0 == hostID }) { return i + 1 }
        return p.preferences.count + 1
    }

    /// A1 < A2 < B1 < B2 < C1 < C2 = native.
    static func strength(_ l: LanguageLevel) -> Int {
        switch l {
        case .a1: 1
        case .a2: 2
        case .b1: 3
        case .b2: 4
        case .c1: 5
        case .c2, .native: 6
        }
    }

    /// Whole years on `day` (ruling 2: a 29 February birthday is reached on 1 March).
    static func age(born b: Day, on d: Day) -> Int {
        let x = b.components, y = d.components
        var years = y.year - x.year
        if y.month < x.month || (y.month == x.month && y.day < x.day) { years -= 1 }
        return years
    }
}
