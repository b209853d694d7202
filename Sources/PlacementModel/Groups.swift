/// How close the members of a group stay (rounds.md, section 2).
public enum Together: String, Sendable, Equatable, CaseIterable {
    /// Hosts with the same `country` and `city` (a host without `city` is its own city).
    case city
    /// All at the same host.
    case host
}

/// Participants who travel out and back together with their companions
/// (rounds.md, section 2): all placed or none, on the same Monday, in one
/// city or at one host.
public struct TravelGroup: Sendable, Equatable {
    public var id: String
    public var together: Together
    /// Accompanying staff of the sending organisation: no offer, no
    /// capacity; they count in funding only.
    public var companions: Int
    public init(id: String, together: Together = .city, companions: Int = 0) {
        self.id = id
        self.together = together
        self.companions = companions
    }
}

/// A group of a round with its members.
public struct GroupMembers: Sendable, Equatable {
    public var group: TravelGroup
    /// Participant indices, sorted by participant id (the first member is
    /// the one whose sending organisation and host price the companions).
    public var members: [ParticipantIndex]
}

extension Instance {
    /// Every group with at least one member: the `groups` entries in order,
    /// then groups that only participants name (the defaults), in order of
    /// their first appearance. The one place that resolves membership.
    public var travelGroups: [GroupMembers] {
        var order: [String] = groups.map(\.id)
        var entry: [String: TravelGroup] = [:]
        for g in groups where entry[g.id] == nil { entry[g.id] = g }
        var members: [String: [ParticipantIndex]] = [:]
        for (i, p) in participants.enumerated() {
            guard let g = p.group else { continue }
            if entry[g] == nil && members[g] == nil { order.append(g) }
            members[g, default: []].append(ParticipantIndex(i))
        }
        var seen = Set<String>()
        var out: [GroupMembers] = []
        for id in order where seen.insert(id).inserted {
            guard let list = members[id] else { continue }
            let sorted = list.sorted { participants[$0.rawValue].id < participants[$1.rawValue].id }
            out.append(GroupMembers(group: entry[id] ?? TravelGroup(id: id), members: sorted))
        }
        return out
    }
}

/// The checks of groups (rounds.md, section 2): ids are unique, every entry
/// is named by a participant, and members have the same `weeks`.
extension InstanceChecker {
    mutating func checkGroups(_ instance: Instance, _ loc: some InstanceLocator) {
        var ids: [String: Int] = [:]
        let named = Set(instance.participants.compactMap(\.group))
        for (i, g) in instance.groups.enumerated() {
            if g.id.isEmpty {
                error(loc.group(i, field: "id"), "a group id must not be empty")
            } else if let j = ids[g.id] {
                error(
                    loc.group(i, field: "id"),
                    "duplicate group id \"\(g.id)\" (first given at \(loc.group(j, field: nil).location))")
            } else {
                ids[g.id] = i
                if !named.contains(g.id) {
                    error(
                        loc.group(i, field: nil),
                        "no participant names group \"\(g.id)\"; set its members' group to \"\(g.id)\" "
                            + "or remove the entry")
                }
            }
        }
        for (i, p) in instance.participants.enumerated() where p.group?.isEmpty == true {
            error(loc.participant(i, field: "group"), "a group id must not be empty; leave group out instead")
        }
        for gm in instance.travelGroups {
            let weeks = gm.members.map { instance.participants[$0.rawValue].weeks }
            guard let first = weeks.first, weeks.contains(where: { $0 != first }) else { continue }
            let listed = gm.members.map {
                "\(instance.participants[$0.rawValue].id) (\(instance.participants[$0.rawValue].weeks))"
            }
            let odd = gm.members.first { instance.participants[$0.rawValue].weeks != first }!
            error(
                loc.participant(odd.rawValue, field: "weeks"),
                "the members of group \"\(gm.group.id)\" must stay the same number of weeks; they have "
                    + listed.joined(separator: ", ") + " weeks")
        }
    }
}
