/// The costs of a round's stays under its funding file (rounds.md,
/// section 4): where each participant travels from, resolved once.
public struct CostTable: Sendable {
    public let funding: Funding
    /// The location of each participant's sending organisation; nil when unknown.
    public let origins: [Location?]
    /// Whether each participant gets inclusion support.
    public let included: [Bool]

    public init(instance: Instance, funding: Funding) {
        self.funding = funding
        var orgs: [String: Location] = [:]
        for s in instance.sendingOrgs { if let l = s.location { orgs[s.id] = l } }
        origins = instance.participants.map { p in p.sendingOrg.flatMap { orgs[$0] } }
        included = instance.participants.map { p in funding.inclusionWho.map { $0.matches(p) } ?? false }
    }

    /// The cost of participant `p`'s stay at host `h`; nil when a location
    /// is missing (``FundingCheck`` reports that before any solve).
    public func cost(_ instance: Instance, participant p: Int, host h: Int) -> Result<StayCost, CostProblem>? {
        let participant = instance.participants[p], host = instance.hosts[h]
        guard let from = origins[p], let to = host.location else { return nil }
        return funding.cost(
            from: from, to: to, hostCountry: host.country, weeks: participant.weeks, kind: participant.kind,
            travel: participant.travel, included: included[p])
    }

    /// The cost of one companion of `group` when its first member stays at
    /// host `h` (rounds.md, section 4): the travel and individual support of
    /// a `staff` participant from the first member's sending organisation,
    /// for the group's weeks, standard travel. nil when a location is missing.
    public func companionCost(_ instance: Instance, group: GroupMembers, host h: Int) -> Result<StayCost, CostProblem>?
    {
        guard let first = group.members.first else { return nil }
        let host = instance.hosts[h]
        guard let from = origins[first.rawValue], let to = host.location else { return nil }
        return funding.cost(
            from: from, to: to, hostCountry: host.country, weeks: instance.participants[first.rawValue].weeks,
            kind: .staff, travel: .standard, included: false, organisational: false)
    }
}

/// What the companions of one placed group cost (rounds.md, section 4).
public struct CompanionCost: Sendable {
    public var group: GroupMembers
    /// The host that prices them: the first member's.
    public var host: Int
    /// One companion's cost (travel and individual support only).
    public var one: StayCost
    public var count: Int { group.group.companions }
    public var total: Cents { Cents(count) * one.total }
}

extension CostTable {
    /// The companions of every placed group that has some, in group order;
    /// `hostOf` gives the host of a placed participant (nil: not placed).
    /// The one place that prices companions of a solution.
    public func companions(_ instance: Instance, hostOf: (Int) -> Int?) -> [CompanionCost] {
        var out: [CompanionCost] = []
        for gm in instance.travelGroups where gm.group.companions > 0 {
            guard let h = hostOf(gm.members[0].rawValue),
                case .success(let c)? = companionCost(instance, group: gm, host: h)
            else { continue }
            out.append(CompanionCost(group: gm, host: h, one: c))
        }
        return out
    }
}

/// The checks a funding file adds to a round (rounds.md, section 4): every
/// host has a location and a country with daily rates, every participant a
/// sending organisation with a location. Distances that fall between
/// bands are checked with the candidates (`CandidateSet.costErrors`): only
/// pairs that could be a stay count.
public enum FundingCheck {
    public static func errors(_ instance: Instance, fundingFile: String) -> [Diagnostic] {
        guard let funding = instance.funding else { return [] }
        var out: [Diagnostic] = []
        var cap = DiagnosticCap()
        func error(_ at: SourcePlaces.Place, _ message: String) {
            let d = Diagnostic(.error, file: at.file, location: at.location, message: message)
            if cap.admit(d) { out.append(d) }
        }
        for (h, host) in instance.hosts.enumerated() {
            if host.location == nil {
                error(
                    instance.place(ofHost: h),
                    "host \(host.id) has no location; with a funding file every host needs one "
                        + "(JSON \"location\": {\"lat\": …, \"lon\": …}; CSV columns lat, lon)")
            }
            if funding.countryGroup[host.country] == nil {
                error(
                    instance.place(ofHost: h),
                    "the country \(host.country) of host \(host.id) is in no group of daily rates of \(fundingFile) "
                        + "($.individual.country_groups); add it to one")
            }
        }
        var orgs: [String: Int] = [:]
        for (i, s) in instance.sendingOrgs.enumerated() {
            orgs[s.id] = i
            if s.location == nil {
                error(
                    instance.place(ofSendingOrg: i),
                    "sending organisation \(s.id) has no location; with a funding file its participants travel "
                        + "from it (\"location\": {\"lat\": …, \"lon\": …}; CSV columns lat, lon)")
            }
        }
        for (i, p) in instance.participants.enumerated() {
            guard let s = p.sendingOrg else {
                error(
                    instance.place(ofParticipant: i),
                    "participant \(p.id) has no sending_org; with a funding file a participant travels from its "
                        + "sending organisation's location, listed in sending_orgs")
                continue
            }
            if orgs[s] == nil {
                error(
                    instance.place(ofParticipant: i),
                    "the sending_org \"\(s)\" of participant \(p.id) is not in sending_orgs; with a funding file it "
                        + "needs an entry with a location")
            }
        }
        return out + cap.closing
    }
}
