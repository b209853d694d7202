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
