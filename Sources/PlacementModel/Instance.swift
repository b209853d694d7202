/// A learner or member of staff who wants one stay abroad (model.md, Entities).
public struct Participant: Sendable, Equatable {
    public var id: String
    public var kind: ParticipantKind
    /// Sending country, ISO 3166-1 alpha-2.
    public var country: String
    public var sendingOrg: String?
    public var sector: String
    /// Language code → level.
    public var languages: [String: LanguageLevel]
    public var availableFrom: Day
    public var availableTo: Day
    /// Length of the stay in whole weeks (≥ 1).
    public var weeks: Int
    public var birthDate: Day?
    /// Accessibility needs.
    public var needs: [String]
    /// Free attributes, in input order.
    public var attributes: [(name: String, value: AttributeValue)]
    /// Host or offer ids, best first.
    public var preferences: [String]
    /// How the participant travels (rounds.md, section 4).
    public var travel: TravelMode
    /// The id of the group the participant travels with (rounds.md, section 2).
    public var group: String?

    public init(
        id: String, kind: ParticipantKind = .apprentice, country: String, sendingOrg: String? = nil, sector: String,
        languages: [String: LanguageLevel] = [:], availableFrom: Day, availableTo: Day, weeks: Int,
        birthDate: Day? = nil, needs: [String] = [], attributes: [(name: String, value: AttributeValue)] = [],
        preferences: [String] = [], travel: TravelMode = .standard, group: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.country = country
        self.sendingOrg = sendingOrg
        self.sector = sector
        self.languages = languages
        self.availableFrom = availableFrom
        self.availableTo = availableTo
        self.weeks = weeks
        self.birthDate = birthDate
        self.needs = needs
        self.attributes = attributes
        self.preferences = preferences
        self.travel = travel
        self.group = group
    }

    /// The attribute's value, nil when the participant does not have it.
    public func attribute(_ name: String) -> AttributeValue? {
        attributes.first(where: { $0.name == name })?.value
    }

    public static func == (a: Participant, b: Participant) -> Bool {
        a.id == b.id && a.kind == b.kind && a.country == b.country && a.sendingOrg == b.sendingOrg
            && a.sector == b.sector
            && a.languages == b.languages && a.availableFrom == b.availableFrom && a.availableTo == b.availableTo
            && a.weeks == b.weeks && a.birthDate == b.birthDate && a.needs == b.needs && a.preferences == b.preferences
            && a.travel == b.travel && a.group == b.group
            && a.attributes.count == b.attributes.count
            && zip(a.attributes, b.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// One kind of position at a host (model.md, Entities).
public struct Offer: Sendable, Equatable {
    /// Unique across the instance.
    public var id: String
    public var sectors: [String]
    /// Language → minimum level; any one suffices; empty asks for nothing.
    public var languages: [String: LanguageLevel]
    /// Window in which stays may lie.
    public var from: Day
    public var to: Day
    /// Most participants present at once (0 closes the offer).
    public var capacity: Int
    /// Most stays over the whole horizon.
    public var total: Int?
    public var minWeeks: Int?
    public var maxWeeks: Int?
    public var minAge: Int?
    /// Accepted kinds; nil accepts all, `[]` accepts nobody.
    public var kinds: [ParticipantKind]?
    /// Accessibility features added to the host's.
    public var accessibility: [String]

    public init(
        id: String, sectors: [String], languages: [String: LanguageLevel] = [:], from: Day, to: Day, capacity: Int,
        total: Int? = nil, minWeeks: Int? = nil, maxWeeks: Int? = nil, minAge: Int? = nil,
        kinds: [ParticipantKind]? = nil, accessibility: [String] = []
    ) {
        self.id = id
        self.sectors = sectors
        self.languages = languages
        self.from = from
        self.to = to
        self.capacity = capacity
        self.total = total
        self.minWeeks = minWeeks
        self.maxWeeks = maxWeeks
        self.minAge = minAge
        self.kinds = kinds
        self.accessibility = accessibility
    }
}

/// A company or training centre with its offers (model.md, Entities).
public struct Host: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var country: String
    public var city: String?
    public var accessibility: [String]
    /// Most participants present at once over all its offers.
    public var capacity: Int?
    public var offers: [Offer]
    /// Where the host is, for travel costs (rounds.md, section 4).
    public var location: Location?

    public init(
        id: String, name: String? = nil, country: String, city: String? = nil, accessibility: [String] = [],
        capacity: Int? = nil, offers: [Offer] = [], location: Location? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.city = city
        self.accessibility = accessibility
        self.capacity = capacity
        self.offers = offers
        self.location = location
    }
}

/// Position of a participant in ``Instance/participants``.
public struct ParticipantIndex: Hashable, Comparable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Position of a host in ``Instance/hosts``.
public struct HostIndex: Hashable, Comparable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Position of an offer in ``Instance/offers`` (all hosts' offers, in order).
public struct OfferIndex: Hashable, Comparable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A placement round: participants and hosts with their offers.
public struct Instance: Sendable, Equatable {
    public var name: String
    public var participants: [Participant]
    public var hosts: [Host]
    /// Placements agreed before the round (rounds.md, section 1).
    public var locks: [Lock]
    /// Pairs that must never happen (rounds.md, section 1).
    public var bans: [Ban]
    /// The stays of an earlier round's results, when the round is
    /// re-planned (`solve --previous`; rounds.md, section 3). Not part of
    /// the instance file: they come from the earlier results folder.
    public var previous: [PreviousStay]
    /// Sending organisations with their locations (rounds.md, section 4).
    public var sendingOrgs: [SendingOrg]
    /// Groups travelling together (rounds.md, section 2); a group that only
    /// participants name is a group with the defaults (``travelGroups``).
    public var groups: [TravelGroup]
    /// The unit costs of the programme (`solve --funding`, rounds.md,
    /// section 4); nil without. Not part of the instance file.
    public var funding: Funding?
    /// Where the entries were written (set by the readers).
    public var places = SourcePlaces()

    public init(
        name: String, participants: [Participant], hosts: [Host], locks: [Lock] = [], bans: [Ban] = [],
        previous: [PreviousStay] = [], sendingOrgs: [SendingOrg] = [], groups: [TravelGroup] = []
    ) {
        self.name = name
        self.participants = participants
        self.hosts = hosts
        self.locks = locks
        self.bans = bans
        self.previous = previous
        self.sendingOrgs = sendingOrgs
        self.groups = groups
    }

    /// Every offer with the host it belongs to, in host order then offer order.
    public var offers: [(host: HostIndex, offer: Offer)] {
        var out: [(HostIndex, Offer)] = []
        for (h, host) in hosts.enumerated() { for o in host.offers { out.append((HostIndex(h), o)) } }
        return out
    }

    /// Week 0: the first Monday on or before the earliest `available_from`
    /// or offer `from` (model.md, ruling 1). nil for an instance with no
    /// participants and no offers.
    public var weekZero: Day? {
        var earliest: Day?
        for p in participants { earliest = min(earliest ?? p.availableFrom, p.availableFrom) }
        for h in hosts { for o in h.offers { earliest = min(earliest ?? o.from, o.from) } }
        return earliest?.mondayOnOrBefore
    }
}
