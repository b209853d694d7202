import PlacementModel

/// Places too small for a travel group (rounds.md, section 2): the one
/// place that finds them.
///
/// A group's members are all there in the same weeks, at one host
/// (`together: host`) or at hosts of one city. At a host at most its
/// `capacity` of them fit in a week, and at most the capacities of the
/// offers there that some member could take, summed. When those figures,
/// summed over the place's hosts, are fewer than the group's members, the
/// group cannot go there at all; when that holds for every place its members
/// share, it cannot go anywhere.
///
/// Why the formulations need telling: the pair master's capacity rows
/// count weeks inside intervals, so with the members' weeks still free the
/// LP (and even its MIP) places a group of four in a city with room for
/// three. On the generated 1,000 × 250 round (seed 1, one in ten in
/// groups) two such groups of four, whose only city (Paderborn) has one
/// hotel with room for three, kept the first master's `placed` at 991 where
/// no solution has more than 983 (docs/performance.md, "Places too small
/// for a group"). Their stays there are fixed at 0 in both formulations, as
/// a closed offer's are: no optimum changes. A group with a locked member
/// is left to the model, so that an infeasible round is explained by its
/// rules.
extension CandidateSet {
    /// For each group (an index into `groups`), the places (``place(ofHost:together:)``)
    /// too small for it, and the words for a group that has no other.
    static func placesWithoutRoom(
        _ groups: [GroupMembers], instance: Instance, offers: [(host: HostIndex, offer: Offer)],
        columns c: StayColumns, cityOfHost: [Int], locked: Set<ParticipantIndex>
    ) -> (places: [Int: Set<Int>], keptOut: [Int: String]) {
        var places: [Int: Set<Int>] = [:], keptOut: [Int: String] = [:]
        for (g, gm) in groups.enumerated() where gm.members.count > 1 {
            guard !gm.members.contains(where: locked.contains) else { continue }
            let together = gm.group.together
            // The offers some member could take, by place.
            var offersAt: [Int: Set<Int>] = [:]
            for m in gm.members {
                for k in c.participantStart[m.rawValue]..<c.participantStart[m.rawValue + 1] {
                    let o = c.stays[k].offer.rawValue, h = offers[o].host.rawValue
                    offersAt[Self.place(ofHost: h, together: together, cityOfHost: cityOfHost), default: []].insert(o)
                }
            }
            guard !offersAt.isEmpty else { continue }
            var most: (room: Int, place: Int)? = nil
            for (place, list) in offersAt {
                var byHost: [Int: Int] = [:]
                for o in list { byHost[offers[o].host.rawValue, default: 0] += max(0, offers[o].offer.capacity) }
                let room = byHost.reduce(0) { sum, entry in
                    sum + min(entry.value, instance.hosts[entry.key].capacity.map { max(0, $0) } ?? entry.value)
                }
                if room < gm.members.count { places[g, default: []].insert(place) }
                if most == nil || room > most!.room || (room == most!.room && place < most!.place) {
                    most = (room, place)
                }
            }
            if let most, most.room < gm.members.count {
                let host = instance.hosts[most.place]
                let where_ = together == .city ? "in \(host.city ?? host.id) (\(host.country))" : "at \(host.id)"
                keptOut[g] =
                    "no \(together == .city ? "city" : "host") where its members could go has room for all "
                    + "\(gm.members.count) at once: at most \(most.room) \(where_)"
            }
        }
        return (places, keptOut)
    }

    /// Whether participant `p`'s stays at host `h` can never be taken: its
    /// group is kept out (``groupsKeptOut``) or the group's place there is
    /// too small (``groupPlacesWithoutRoom``). The formulations fix them at 0.
    public func keptOut(_ p: ParticipantIndex, host h: Int) -> Bool {
        guard let g = groupOf[p.rawValue] else { return false }
        if groupsKeptOut[g] != nil { return true }
        guard let small = groupPlacesWithoutRoom[g] else { return false }
        return small.contains(place(ofHost: h, together: groups[g].group.together))
    }
}
