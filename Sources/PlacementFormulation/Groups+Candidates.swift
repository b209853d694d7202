import PlacementModel

/// Groups in the candidate set (rounds.md, section 2): the one place that
/// decides which of a member's stays its group can share.
///
/// A member may only stay where and when every other member could too: the
/// candidate stays of each member are cut down to the (place, start week)
/// cells that every member has, where a place is a host (`together:
/// host`) or a country and city (`together: city`; a host without `city`
/// is its own city). What remains is tied by ``groupTies()``.
extension CandidateSet {
    /// The arrays of a candidate set that are filtered together.
    struct StayColumns {
        var stays: [Stay]
        var ranks: [Int]
        var participantStart: [Int]
        var costs: [Cents]
        var previousMatch: [PreviousMatch]
    }

    /// The place of each host for a group: its index, or the first host of its city.
    static func placeOfHost(_ instance: Instance, together: Together) -> [Int] {
        guard together == .city else { return Array(instance.hosts.indices) }
        var first: [String: Int] = [:]
        return instance.hosts.enumerated().map { h, host in
            guard let city = host.city else { return h }
            let key = host.country + "\u{1}" + city
            if let f = first[key] { return f }
            first[key] = h
            return h
        }
    }

    struct Cell: Hashable {
        var place: Int
        var start: Int
    }

    /// Keeps, for every member of every group, the stays in cells all members
    /// share; returns the members that had stays of their own before.
    static func keepShared(
        _ groups: [GroupMembers], instance: Instance, offers: [(host: HostIndex, offer: Offer)],
        columns c: inout StayColumns
    ) -> Set<ParticipantIndex> {
        var hadOwn = Set<ParticipantIndex>()
        var keep = [Bool](repeating: true, count: c.stays.count)
        var places: [Together: [Int]] = [:]
        for gm in groups where gm.members.count > 1 {
            let place = places[gm.group.together] ?? placeOfHost(instance, together: gm.group.together)
            places[gm.group.together] = place
            func cell(_ k: Int) -> Cell {
                Cell(place: place[offers[c.stays[k].offer.rawValue].host.rawValue], start: c.stays[k].start)
            }
            var shared: Set<Cell>? = nil
            for m in gm.members {
                let range = c.participantStart[m.rawValue]..<c.participantStart[m.rawValue + 1]
                if !range.isEmpty { hadOwn.insert(m) }
                let mine = Set(range.map(cell))
                shared = shared.map { $0.intersection(mine) } ?? mine
            }
            for m in gm.members {
                for k in c.participantStart[m.rawValue]..<c.participantStart[m.rawValue + 1]
                where !shared!.contains(cell(k)) {
                    keep[k] = false
                }
            }
        }
        guard keep.contains(false) else { return hadOwn }
        var out = StayColumns(stays: [], ranks: [], participantStart: [0], costs: [], previousMatch: [])
        for p in 0..<(c.participantStart.count - 1) {
            for k in c.participantStart[p]..<c.participantStart[p + 1] where keep[k] {
                out.stays.append(c.stays[k])
                out.ranks.append(c.ranks[k])
                if !c.costs.isEmpty { out.costs.append(c.costs[k]) }
                if !c.previousMatch.isEmpty { out.previousMatch.append(c.previousMatch[k]) }
            }
            out.participantStart.append(out.stays.count)
        }
        c = out
        return hadOwn
    }

    /// The cost of the companions of each stay (rounds.md, section 4): a
    /// stay of a group's first member carries `companions` times one
    /// companion's cost at its host; every other stay 0. Empty without funding.
    static func companionCosts(
        _ groups: [GroupMembers], instance: Instance, table: CostTable?, offers: [(host: HostIndex, offer: Offer)],
        columns c: StayColumns
    ) -> [Cents] {
        guard let table else { return [] }
        var out = [Cents](repeating: 0, count: c.stays.count)
        for gm in groups where gm.group.companions > 0 {
            let first = gm.members[0].rawValue
            var atHost: [Int: Cents] = [:]
            for k in c.participantStart[first]..<c.participantStart[first + 1] {
                let h = offers[c.stays[k].offer.rawValue].host.rawValue
                if atHost[h] == nil {
                    var one: Cents = 0
                    if case .success(let cost)? = table.companionCost(instance, group: gm, host: h) { one = cost.total }
                    atHost[h] = one * gm.group.companions
                }
                out[k] = atHost[h]!
            }
        }
        return out
    }

    /// The place of host `h` for a group (`together: host`: the host; `city`:
    /// the first host of its country and city), the one rule both the ties
    /// and the greedy use.
    public func place(ofHost h: Int, together: Together) -> Int {
        Self.place(ofHost: h, together: together, cityOfHost: cityOfHost)
    }

    /// ``place(ofHost:together:)`` while the set is being built.
    static func place(ofHost h: Int, together: Together, cityOfHost: [Int]) -> Int {
        together == .city ? cityOfHost[h] : h
    }

    /// The group (an index into ``groups``) participant `p` travels with,
    /// when it has other members; nil for a participant who travels alone.
    func travelGroup(of p: Int) -> Int? {
        groupOf[p].flatMap { groups[$0].members.count > 1 ? $0 : nil }
    }

    /// Whether the members of `gm` had stays of their own but share no place
    /// and start week: then ``keepShared`` left none of them any stay (the
    /// shared cells are in every member's, so either all keep some or none).
    public func sharesNothing(_ gm: GroupMembers) -> Bool {
        gm.members.count > 1 && gm.members.contains(where: membersWithOwnStays.contains)
            && stayRange(of: gm.members[0]).isEmpty
    }

    /// What stay `k` adds to the budget and the `cost` goal: its own cost
    /// and, for a group's first member, its companions'.
    public func spend(_ k: Int) -> Cents {
        costs.isEmpty ? 0 : costs[k] + (companionCosts.isEmpty ? 0 : companionCosts[k])
    }

    /// ``spend(_:)`` of every stay; empty without funding.
    public var spending: [Cents] {
        companionCosts.isEmpty || !companionCosts.contains(where: { $0 != 0 })
            ? costs : zip(costs, companionCosts).map { $0 + $1 }
    }

    /// One equality that ties a member to its group's first member:
    /// `Σ x[plus] − Σ x[minus] = 0` over stay indices.
    public struct GroupTie: Sendable {
        public enum Kind: Sendable { case place, start }
        public var kind: Kind
        public var group: Int
        public var plus: [Int]
        public var minus: [Int]
    }

    /// The rows that hold every group together: for each member after the
    /// first, its stays in each shared place equal the first member's there,
    /// and likewise for each start week. A member is in one stay or none, so
    /// equal place counts and equal start counts mean the same place, the
    /// same Monday, and all or none. Place rows are left out when the group
    /// shares one place (the start rows already give all or none).
    public func groupTies() -> [GroupTie] {
        var out: [GroupTie] = []
        for (g, gm) in groups.enumerated() where gm.members.count > 1 {
            func cells(_ m: ParticipantIndex) -> (byPlace: [Int: [Int]], byStart: [Int: [Int]]) {
                var byPlace: [Int: [Int]] = [:], byStart: [Int: [Int]] = [:]
                for k in stayRange(of: m) {
                    let h = offers[stays[k].offer.rawValue].host.rawValue
                    byPlace[place(ofHost: h, together: gm.group.together), default: []].append(k)
                    byStart[stays[k].start, default: []].append(k)
                }
                return (byPlace, byStart)
            }
            let first = cells(gm.members[0])
            for m in gm.members.dropFirst() {
                let mine = cells(m)
                if first.byPlace.count > 1 {
                    for key in Set(first.byPlace.keys).union(mine.byPlace.keys).sorted() {
                        out.append(
                            GroupTie(
                                kind: .place, group: g, plus: mine.byPlace[key] ?? [], minus: first.byPlace[key] ?? []))
                    }
                }
                for key in Set(first.byStart.keys).union(mine.byStart.keys).sorted() {
                    out.append(
                        GroupTie(kind: .start, group: g, plus: mine.byStart[key] ?? [], minus: first.byStart[key] ?? [])
                    )
                }
            }
        }
        return out
    }
}
