import PlacementModel

/// One candidate stay (model.md, Decisions): participant `p` at offer `o`
/// starting in week `start`.
public struct Stay: Hashable, Sendable {
    public var participant: ParticipantIndex
    public var offer: OfferIndex
    /// Start week, counted from ``CandidateSet/weekZero``.
    public var start: Int
    public init(participant: ParticipantIndex, offer: OfferIndex, start: Int) {
        self.participant = participant
        self.offer = offer
        self.start = start
    }
}

/// Every candidate stay of a round under a policy, with what the formulation
/// and the reports need to know about each participant and offer.
///
/// Stays are stored grouped by participant, then offer, then start week, so
/// that `stays(of:)` is a contiguous range.
public struct CandidateSet: Sendable {
    /// The Monday of week 0 (model.md, ruling 1).
    public let weekZero: Day
    /// Number of weeks from week 0 to the last week any stay can occupy.
    public let horizonWeeks: Int
    /// Flat offers: host index and offer, in instance order.
    public let offers: [(host: HostIndex, offer: Offer)]
    /// All candidate stays.
    public let stays: [Stay]
    /// The rank of each stay's offer for its participant (1-based).
    public let ranks: [Int]
    /// `stays[participantStart[p] ..< participantStart[p + 1]]` are `p`'s stays.
    public let participantStart: [Int]
    /// For participants with no candidate: the filter at which the last
    /// (offer, start) pair fell away.
    public let noCandidateFilter: [ParticipantIndex: Filter]
    /// Weeks of each participant's stay.
    public let weeks: [Int]
    /// Participants with a lock (rounds.md, section 1): their stays are the
    /// lock's, and they must be placed.
    public let locked: Set<ParticipantIndex>
    /// How each stay compares with its participant's previous stay
    /// (re-planning, rounds.md, section 3); empty without previous stays.
    public let previousMatch: [PreviousMatch]
    /// The previous stays that count (of participants still in the round):
    /// the `changes` goal's value when nobody keeps theirs.
    public let previousCount: Int
    /// The cost of each stay in cents (rounds.md, section 4); empty without
    /// a funding file. A stay's cost depends on its participant and host only.
    public let costs: [Cents]
    /// Candidate (participant, host) pairs whose distance no travel band
    /// covers: an input error (``costErrors(fundingFile:)``), costed 0 here.
    public let uncostedPairs: [(participant: ParticipantIndex, host: HostIndex, distanceKm: Int)]
    /// Groups travelling together, with their members (rounds.md, section 2).
    public let groups: [GroupMembers]
    /// The group of each participant (an index into ``groups``); nil for none.
    public let groupOf: [Int?]
    /// Members that had candidate stays of their own before their group's
    /// were cut down to the cells every member shares (reason `group`).
    public let membersWithOwnStays: Set<ParticipantIndex>
    /// The cost of the companions a stay brings (a group's first member's
    /// stays; 0 for others), in cents; empty without a funding file.
    public let companionCosts: [Cents]
    /// The place of each host for `together: city`: the first host with
    /// its country and city (a host without `city` is its own).
    public let cityOfHost: [Int]
    /// The groups (indices into ``groups``) that a hard quota or the room
    /// of every place they share keeps out wherever they go, and why
    /// (Groups+Quotas.swift, Groups+Room.swift).
    public let groupsKeptOut: [Int: String]
    /// For each group, the places too small for it (Groups+Room.swift).
    public let groupPlacesWithoutRoom: [Int: Set<Int>]

    public var participantCount: Int { participantStart.count - 1 }

    /// Index range into ``stays`` of participant `p`.
    public func stayRange(of p: ParticipantIndex) -> Range<Int> {
        participantStart[p.rawValue]..<participantStart[p.rawValue + 1]
    }

    /// The Monday a week starts on.
    public func monday(ofWeek w: Int) -> Day { weekZero.adding(days: 7 * w) }

    /// The week of a Monday.
    public func week(of monday: Day) -> Int { (monday.ordinal - weekZero.ordinal) / 7 }
}

extension CandidateSet {
    /// Generates the candidates of model.md with all ten filters (the tenth,
    /// `banned`, from rounds.md), and for each participant without any, the
    /// filter that removed the last one. A locked participant keeps only the
    /// stays its lock admits; each stay is compared with its participant's
    /// previous stay when the round is re-planned.
    public init(instance: Instance, policy: Policy) {
        let offers = instance.offers
        let weekZero = instance.weekZero ?? Day(ordinal: 4)  // any Monday; no dates at all
        var stays: [Stay] = []
        var ranks: [Int] = []
        var starts: [Int] = [0]
        var reasons: [ParticipantIndex: Filter] = [:]
        var horizon = 0
        starts.reserveCapacity(instance.participants.count + 1)

        // Per host: accessibility set, for filter 5.
        let hostAccess = instance.hosts.map { Set($0.accessibility) }
        let agreements = Agreements(instance)
        var previousMatch: [PreviousMatch] = []
        var locked = Set<ParticipantIndex>()
        let costTable = instance.funding.map { CostTable(instance: instance, funding: $0) }
        var costs: [Cents] = []
        var uncosted: [(participant: ParticipantIndex, host: HostIndex, distanceKm: Int)] = []

        for (pi, p) in instance.participants.enumerated() {
            let pIndex = ParticipantIndex(pi)
            var position: [String: Int] = [:]
            for (k, entry) in p.preferences.enumerated() where position[entry] == nil { position[entry] = k + 1 }
            let unlisted = p.preferences.count + 1
            var deepest = Filter.sector
            var any = false
            let lock = agreements.lock[p.id]
            if lock != nil { locked.insert(pIndex) }
            let previous = agreements.previous[p.id]
            let previousHost = previous.flatMap { instance.previousHost(of: $0) }
            var costAt: (host: Int, cost: Cents)? = nil
            for (oi, entry) in offers.enumerated() {
                let host = instance.hosts[entry.host.rawValue]
                let o = entry.offer
                let outcome = Self.admit(
                    p, offer: o, host: host, hostAccess: hostAccess[entry.host.rawValue],
                    policy: policy, weekZero: weekZero, position: position,
                    banned: agreements.bans(p.id, offer: o.id, host: host.id))
                switch outcome {
                case .removed(let f):
                    if f > deepest { deepest = f }
                case .starts(var first, var last):
                    if let lock {
                        // A locked participant's stays are the lock's (it is checked to have one).
                        guard lock.target.names(offer: o.id, host: host.id) else { continue }
                        if let start = lock.start {
                            let w = (start.ordinal - weekZero.ordinal) / 7
                            guard first <= w && w <= last else { continue }
                            (first, last) = (w, w)
                        }
                    }
                    any = true
                    if let costTable, costAt?.host != entry.host.rawValue {
                        var cost: Cents = 0
                        switch costTable.cost(instance, participant: pi, host: entry.host.rawValue) {
                        case .success(let c)?: cost = c.total
                        case .failure(.noBand(let km))?: uncosted.append((pIndex, entry.host, km))
                        case .failure(.noCountryGroup)?, nil: break  // FundingCheck reports these
                        }
                        costAt = (entry.host.rawValue, cost)
                    }
                    let rank = min(position[o.id] ?? unlisted, position[host.id] ?? unlisted)
                    for s in first...last {
                        stays.append(Stay(participant: pIndex, offer: OfferIndex(oi), start: s))
                        ranks.append(rank)
                        if let costAt { costs.append(costAt.cost) }
                        if !agreements.previous.isEmpty {
                            previousMatch.append(
                                PreviousMatch(
                                    offer: o.id, host: host.id, monday: weekZero.adding(days: 7 * s),
                                    previous: previous, previousHost: previousHost))
                        }
                    }
                    horizon = max(horizon, last + p.weeks)
                }
            }
            if !any { reasons[pIndex] = deepest }
            starts.append(stays.count)
        }
        let groups = instance.travelGroups
        var columns = StayColumns(
            stays: stays, ranks: ranks, participantStart: starts, costs: costs, previousMatch: previousMatch)
        self.membersWithOwnStays = Self.keepShared(groups, instance: instance, offers: offers, columns: &columns)
        self.companionCosts = Self.companionCosts(
            groups, instance: instance, table: costTable, offers: offers, columns: columns)
        var groupOf = [Int?](repeating: nil, count: instance.participants.count)
        for (g, gm) in groups.enumerated() { for m in gm.members { groupOf[m.rawValue] = g } }
        self.groups = groups
        self.groupOf = groupOf
        self.cityOfHost = Self.placeOfHost(instance, together: .city)
        self.weekZero = weekZero
        self.horizonWeeks = horizon
        self.offers = offers
        self.stays = columns.stays
        self.ranks = columns.ranks
        self.participantStart = columns.participantStart
        self.noCandidateFilter = reasons
        self.weeks = instance.participants.map(\.weeks)
        self.locked = locked
        let room = Self.placesWithoutRoom(
            groups, instance: instance, offers: offers, columns: columns, cityOfHost: self.cityOfHost, locked: locked)
        self.groupPlacesWithoutRoom = room.places
        // A quota's words first: it keeps the group out wherever there is room.
        self.groupsKeptOut = Self.groupsKeptOut(groups, instance: instance, policy: policy, locked: locked)
            .merging(room.keptOut) { quota, _ in quota }
        self.previousMatch = columns.previousMatch
        self.previousCount = agreements.previous.count
        self.costs = columns.costs
        self.uncostedPairs = uncosted
    }

    /// The errors of distances no travel band covers, among the pairs that
    /// could be a stay (rounds.md, section 4), named in the funding file.
    public func costErrors(instance: Instance, fundingFile: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var cap = DiagnosticCap()
        for u in uncostedPairs {
            let p = instance.participants[u.participant.rawValue], h = instance.hosts[u.host.rawValue]
            let d = Diagnostic(
                .error, file: fundingFile, location: "$.travel.bands",
                message: "no travel band covers \(u.distanceKm) km, the distance from \(p.id)'s sending organisation "
                    + "to host \(h.id); add a band or close the gap between bands")
            if cap.admit(d) { out.append(d) }
        }
        return out + cap.closing
    }

    enum Admission {
        /// Every start fell away at this filter.
        case removed(Filter)
        /// Start weeks `first...last` are candidates.
        case starts(Int, Int)
    }

    /// Applies the filters in order to every (offer, start) pair of one
    /// participant and offer.
    static func admit(
        _ p: Participant, offer o: Offer, host: Host, hostAccess: Set<String>, policy: Policy,
        weekZero: Day, position: [String: Int], banned: Bool
    ) -> Admission {
        // 1. Sector (exact code match).
        guard o.sectors.contains(p.sector) else { return .removed(.sector) }
        // 2. Language: any one requirement suffices; none asks nothing.
        if !o.languages.isEmpty {
            let ok = o.languages.contains { lang, minimum in
                if let level = p.languages[lang] { return level.strength >= minimum.strength }
                return false
            }
            guard ok else { return .removed(.language) }
        }
        // 3. Dates: Monday starts with the whole stay inside both windows.
        let earliest = max(p.availableFrom, o.from).mondayOnOrAfter
        let lastEnd = min(p.availableTo, o.to)
        let latestStart = lastEnd.adding(days: -(7 * p.weeks - 1))
        guard p.weeks >= 1, earliest <= latestStart else { return .removed(.dates) }
        var first = (earliest.ordinal - weekZero.ordinal) / 7
        let last = (latestStart.mondayOnOrBefore.ordinal - weekZero.ordinal) / 7
        guard first <= last else { return .removed(.dates) }
        // 4. Duration.
        if let m = o.minWeeks, p.weeks < m { return .removed(.duration) }
        if let m = o.maxWeeks, p.weeks > m { return .removed(.duration) }
        // 5. Accessibility: needs ⊆ host's ∪ offer's features.
        for need in p.needs where !hostAccess.contains(need) && !o.accessibility.contains(need) {
            return .removed(.accessibility)
        }
        // 6. Age on the start day; no birth date: not eligible.
        if let minAge = o.minAge {
            guard let birth = p.birthDate else { return .removed(.age) }
            let comesOfAge = Self.day(birth, plusYears: minAge)
            let firstOk = (comesOfAge.mondayOnOrAfter.ordinal - weekZero.ordinal) / 7
            if firstOk > last { return .removed(.age) }
            first = max(first, firstOk)
        }
        // 7. Abroad.
        if policy.requireAbroad && p.country == host.country { return .removed(.abroad) }
        // 8. Kind.
        if let kinds = o.kinds, !kinds.contains(p.kind) { return .removed(.kind) }
        // 9. Listed only.
        if policy.onlyListed && position[o.id] == nil && position[host.id] == nil { return .removed(.listed) }
        // 10. Banned (rounds.md, ruling 14).
        if banned { return .removed(.banned) }
        return .starts(first, last)
    }

    /// The first day on which someone born on `birth` is `years` old: the
    /// anniversary, or 1 March when it would be a missing 29 February.
    static func day(_ birth: Day, plusYears years: Int) -> Day {
        let c = birth.components
        if let d = Day(year: c.year + years, month: c.month, day: c.day) { return d }
        return Day(year: c.year + years, month: 3, day: 1)!
    }
}

extension CandidateSet {
    /// What the ten filters made of one (participant, offer) pair.
    public enum FilterOutcome: Sendable, Equatable {
        /// Every start fell away at this filter (the latest filter reached).
        case removed(Filter)
        /// Start weeks `first...last` are candidates.
        case starts(first: Int, last: Int)
    }

    /// For participant `p`, the outcome of the filters at every offer (flat
    /// offer order), exactly as candidate generation sees it. Used to explain
    /// a `no_candidate` participant's nearest miss.
    public static func outcomes(of p: ParticipantIndex, instance: Instance, policy: Policy) -> [FilterOutcome] {
        let participant = instance.participants[p.rawValue]
        let weekZero = instance.weekZero ?? Day(ordinal: 4)
        let agreements = Agreements(instance)
        var position: [String: Int] = [:]
        for (k, entry) in participant.preferences.enumerated() where position[entry] == nil { position[entry] = k + 1 }
        return instance.offers.map { entry in
            let host = instance.hosts[entry.host.rawValue]
            switch admit(
                participant, offer: entry.offer, host: host, hostAccess: Set(host.accessibility), policy: policy,
                weekZero: weekZero, position: position,
                banned: agreements.bans(participant.id, offer: entry.offer.id, host: host.id))
            {
            case .removed(let f): return .removed(f)
            case .starts(let a, let b): return .starts(first: a, last: b)
            }
        }
    }
}
