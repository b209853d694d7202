import PlacementModel

/// Groups (rounds.md, section 2 and ruling 19), checked from the stays:
/// all members placed or none, on the same Monday, in the same city (the
/// same `country` and `city`; a host without `city` is its own) or at the
/// same host. And the companions' costs, recomputed like every cost.
extension ResultsVerifier {
    func checkGroups(_ stays: [StayRow], rules: Rules, report: (String, String) -> Void) {
        var stayOf: [Int: StayRow] = [:]
        for s in stays where stayOf[s.participant] == nil { stayOf[s.participant] = s }
        for gm in instance.travelGroups where gm.members.count > 1 {
            let ids = gm.members.map { instance.participants[$0.rawValue].id }
            let placed = gm.members.compactMap { stayOf[$0.rawValue] }
            guard !placed.isEmpty else { continue }
            let name = "group \(gm.group.id)"
            if placed.count < gm.members.count {
                let out = gm.members.filter { stayOf[$0.rawValue] == nil }.map { instance.participants[$0.rawValue].id }
                report(
                    name,
                    "all members are placed or none: \(out.joined(separator: ", ")) of \(ids.joined(separator: ", ")) "
                        + "not placed")
                continue
            }
            let mondays = Set(placed.map(\.start))
            if mondays.count > 1 {
                let list = placed.map { "\(instance.participants[$0.participant].id) \($0.start.iso)" }
                report(name, "the members start on different Mondays: " + list.joined(separator: ", "))
            }
            let places = Set(placed.map { place(of: $0, rules: rules, together: gm.group.together) })
            if places.count > 1 {
                let list = placed.map { s -> String in
                    let h = instance.hosts[rules.offers[s.offer].host]
                    let city = gm.group.together == .city ? " (\(h.country) \(h.city ?? "no city"))" : ""
                    return "\(instance.participants[s.participant].id) at \(h.id)\(city)"
                }
                let what = gm.group.together == .city ? "the same city" : "the same host"
                report(name, "the members must stay in \(what): " + list.joined(separator: ", "))
            }
        }
    }

    private func place(of s: StayRow, rules: Rules, together: Together) -> String {
        let h = instance.hosts[rules.offers[s.offer].host]
        guard together == .city, let city = h.city else { return "host\u{1}" + h.id }
        return h.country + "\u{1}" + city
    }

    /// What the companions of the placed groups cost (nil without funding).
    func companionCosts(_ stays: [StayRow], rules: Rules) -> [CompanionCost]? {
        guard let costs = rules.costs else { return nil }
        var hostOf: [Int: Int] = [:]
        for s in stays where hostOf[s.participant] == nil { hostOf[s.participant] = rules.offers[s.offer].host }
        return costs.companions(instance) { hostOf[$0] }
    }
}
