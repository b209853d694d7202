/// What a coordinator wants to know about a round before solving it.
public struct RoundCheck: Sendable {
    public var participants: Int
    public var hosts: Int
    public var offers: Int
    /// Placements agreed in advance and forbidden pairs (rounds.md, section 1).
    public var locks: Int = 0
    public var bans: Int = 0
    /// Counts per sending country, sector and kind, sorted by key.
    public var byCountry: [(String, Int)]
    public var bySector: [(String, Int)]
    public var byKind: [(String, Int)]
    /// Candidate stays in all (the direct model's columns).
    public var candidates: Int
    /// Compatible offers per participant: min, median, max.
    public var offersPerParticipant: (min: Int, median: Int, max: Int)
    /// Participants left without any offer by each filter (the filter at
    /// which their last candidate fell away), in filter order.
    public var withoutCandidateByFilter: [(Filter, Int)]
    /// The ids of the participants each filter left without any offer, in
    /// round order (`check` names the first few: issue 16).
    public var withoutCandidateIDs: [Filter: [String]]
    /// Offers no participant can take (no candidate stay).
    public var unusableOffers: [String]
    /// Groups travelling together (rounds.md, section 2) of two or more members.
    public var travelGroups: Int = 0
    /// The ids of the groups whose members have stays of their own but share
    /// no place (city or host) and start week: none of them can be placed.
    public var groupsSharingNothing: [String] = []
    /// Groups that a hard quota of the policy, or the room of every place
    /// they share, keeps out wherever they go (docs/groups.md).
    public var groupsKeptOut: [String] = []
    /// With a funding file: each participant's cheapest and dearest stay.
    public var costRanges: [CostRange] = []
    var currency = "EUR"
    var budget: Cents? = nil

    public init(instance: Instance, policy: Policy) {
        let c = CandidateSet(instance: instance, policy: policy)
        participants = instance.participants.count
        hosts = instance.hosts.count
        locks = instance.locks.count
        bans = instance.bans.count
        offers = c.offers.count
        func count(_ key: (Participant) -> String) -> [(String, Int)] {
            var d: [String: Int] = [:]
            for p in instance.participants { d[key(p), default: 0] += 1 }
            return d.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, d[$0]!) }
        }
        byCountry = count(\.country)
        bySector = count(\.sector)
        byKind = count(\.kind.rawValue)
        candidates = c.stays.count
        var perParticipant: [Int] = []
        var used = [Bool](repeating: false, count: c.offers.count)
        for p in 0..<c.participantCount {
            var distinct = Set<OfferIndex>()
            for k in c.stayRange(of: ParticipantIndex(p)) {
                distinct.insert(c.stays[k].offer)
                used[c.stays[k].offer.rawValue] = true
            }
            perParticipant.append(distinct.count)
        }
        perParticipant.sort()
        offersPerParticipant =
            perParticipant.isEmpty
            ? (0, 0, 0)
            : (perParticipant.first!, perParticipant[(perParticipant.count - 1) / 2], perParticipant.last!)
        var byFilter: [Filter: Int] = [:]
        for f in c.noCandidateFilter.values { byFilter[f, default: 0] += 1 }
        var ids: [Filter: [String]] = [:]
        for (i, p) in instance.participants.enumerated() {
            if let f = c.noCandidateFilter[ParticipantIndex(i)] { ids[f, default: []].append(p.id) }
        }
        withoutCandidateIDs = ids
        withoutCandidateByFilter = Filter.allCases.map { ($0, byFilter[$0] ?? 0) }
        unusableOffers = c.offers.enumerated().filter { !used[$0.offset] }.map(\.element.offer.id)
        travelGroups = c.groups.filter { $0.members.count > 1 }.count
        groupsSharingNothing = c.groups.filter(c.sharesNothing).map(\.group.id)
        groupsKeptOut = c.groupsKeptOut.keys.sorted().map { c.groups[$0].group.id }
        costRanges = Self.costRanges(instance, c)
        currency = instance.funding?.currency ?? "EUR"
        budget = policy.budgetCents
    }

    /// The check as text for a terminal.
    public var text: String {
        var out: [String] = []
        out.append("participants: \(participants)   hosts: \(hosts)   offers: \(offers)")
        if locks + bans > 0 {
            out.append("agreements: \(locks) lock\(locks == 1 ? "" : "s"), \(bans) ban\(bans == 1 ? "" : "s")")
        }
        func line(_ title: String, _ items: [(String, Int)]) -> String {
            "\(title): " + items.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }
        out.append(line("by country", byCountry))
        out.append(line("by sector", bySector))
        out.append(line("by kind", byKind))
        out.append("candidate stays: \(candidates)")
        out.append(
            "compatible offers per participant: min \(offersPerParticipant.min), median \(offersPerParticipant.median), max \(offersPerParticipant.max)"
        )
        let none = withoutCandidateByFilter.reduce(0) { $0 + $1.1 }
        out.append("participants without any candidate: \(none)")
        for (f, n) in withoutCandidateByFilter where n > 0 {
            let ids = withoutCandidateIDs[f] ?? []
            let named = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
            out.append("  removed by \(f): \(n) (\(named))")
        }
        out.append(
            "offers nobody can take: \(unusableOffers.count)"
                + (unusableOffers.isEmpty
                    ? ""
                    : " (" + unusableOffers.prefix(20).joined(separator: ", ")
                        + (unusableOffers.count > 20 ? ", …" : "") + ")"))
        if travelGroups > 0 {
            out.append("groups travelling together: \(travelGroups)")
            // How many, and the first ten by id.
            func counted(_ ids: [String]) -> String {
                "\(ids.count) (\(ids.prefix(10).joined(separator: ", "))\(ids.count > 10 ? ", …" : ""))"
            }
            if !groupsSharingNothing.isEmpty {
                out.append(
                    "  whose members have no city (or host) and start week in common, so none can go: "
                        + counted(groupsSharingNothing))
            }
            if !groupsKeptOut.isEmpty {
                out.append(
                    "  that a hard quota or the room of every place keeps out, so none can go: "
                        + counted(groupsKeptOut))
            }
        }
        out += costLines
        return out.joined(separator: "\n")
    }
}
