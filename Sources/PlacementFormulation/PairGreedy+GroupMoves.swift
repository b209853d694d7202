import PlacementModel

/// Moves of whole travel groups (rounds.md, section 2): the last try for a
/// participant the other moves (PairGreedy+Moves.swift) leave out, when a
/// group placed at the host is in the way. The group is taken out, the
/// participant placed, and the group placed again wherever it fits
/// (``PairGreedy/placeGroup(_:)``, as the greedy places groups); the move is
/// kept when the group is placed whole and the hard quotas hold over the
/// whole change, else everything is as before.
///
/// Why: single moves and chains shift participants who travel alone, and
/// a group placed early can hold the only room (or the only place a quota
/// leaves) that someone later could use. On generated 5,000 × 1,200 with
/// groups (seed 1, benchmark policy) a participant was left out at a host
/// where two members of one group from its country had the quota's two
/// places (docs/performance.md, "Groups a quota keeps out").
extension PairGreedy {
    /// Pair `q` at week `s` once a travel group placed at its host whose
    /// weeks overlap it (any group there, when `roomy`: only a quota keeps
    /// `q` out, or when the quota guard refuses `q` as things are) has
    /// moved; whether it was made. Each group tried counts as one of
    /// `tries`.
    mutating func moveGroup(placing q: Int, at s: Int, roomy: Bool, byHost: [Int: [Int]], tries: inout Int, limit: Int)
        -> Bool
    {
        let refused = roomy || !(quotas?.admits(q) ?? true)
        var tried = Set<Int>()
        for r in byHost[host(q)] ?? [] {
            let p = pairs.pairs[r].participant
            guard let g = candidates.travelGroup(of: p), !tried.contains(g),
                let sr = starts[r], refused || overlap(q, s, r, sr),
                !candidates.groups[g].members.contains(where: candidates.locked.contains)
            else { continue }
            tried.insert(g)
            tries += 1
            if tries > limit { return false }
            if moveGroup(g, placing: q, at: s, byHost: byHost, tries: &tries, limit: limit) { return true }
        }
        return false
    }

    /// Group `g` out, pair `q` in at week `s`, the group placed again; the
    /// whole move, or nothing. When the group's going leaves `q` no room,
    /// the participants who travel alone at its offer in its weeks move on
    /// first: each of them in turn, then all of them (at most
    /// ``PairGreedy/moveAllAtMost``). Both are needed when a quota and the
    /// room keep `q` out: on generated 5,000 × 1,200 with groups, a
    /// participant's one offer was full every week they could go, and their
    /// country's two places at that host were a group's.
    private mutating func moveGroup(
        _ g: Int, placing q: Int, at s: Int, byHost: [Int: [Int]], tries: inout Int, limit: Int
    ) -> Bool {
        let old = placedPairs(of: g)
        guard old.count == candidates.groups[g].members.count else { return false }
        for (r, sr) in old { take(r, sr, -1) }
        guard admits(q, guarded: false) else {
            for (r, sr) in old { take(r, sr, 1) }
            return false
        }
        let clearings = hasRoom(q, s) ? [[]] : inTheWay(of: q, at: s, byHost: byHost).map(Self.eachThenAll) ?? []
        for clearing in clearings {
            if moveGroup(
                g, from: old, placing: q, at: s, clearing: clearing, byHost: byHost, tries: &tries, limit: limit)
            {
                return true
            }
            tries += 1
            if tries > limit { break }
        }
        for (r, sr) in old { take(r, sr, 1) }
        return false
    }

    /// With group `g` out (its pairs were `old`): `clearing` out, pair `q`
    /// in at week `s`, `clearing` moved on, the group placed again, the hard
    /// quotas kept over the whole change; else as it was, the group still out.
    private mutating func moveGroup(
        _ g: Int, from old: [(pair: Int, start: Int)], placing q: Int, at s: Int,
        clearing: [(pair: Int, start: Int)], byHost: [Int: [Int]], tries: inout Int, limit: Int
    ) -> Bool {
        for (r, sr) in clearing { take(r, sr, -1) }
        if hasRoom(q, s) {
            take(q, s, 1)
            let start = Chain(added: [q], removed: old + clearing)
            let moved =
                clearing.isEmpty ? start : moveOn(clearing, after: start, byHost: byHost, tries: &tries, limit: limit)
            if let move = moved {
                if placeGroup(g) {
                    let new = placedPairs(of: g).map(\.pair)
                    if quotas?.admitsMove(removed: move.removed.map(\.pair), added: move.added + new) ?? true {
                        return true
                    }
                    for r in new { take(r, starts[r]!, -1) }
                }
                for r in move.added.reversed() { take(r, starts[r]!, -1) }
            }
        }
        for (r, sr) in clearing.reversed() { take(r, sr, 1) }
        return false
    }

    /// The placed pairs of group `g`'s members, with their weeks.
    private func placedPairs(of g: Int) -> [(pair: Int, start: Int)] {
        candidates.groups[g].members.compactMap { m in
            (pairs.pairStart[m.rawValue]..<pairs.pairStart[m.rawValue + 1]).lazy
                .compactMap { q in starts[q].map { (pair: q, start: $0) } }.first
        }
    }

    /// Places travel group `g`, left out, by moving participants who travel
    /// alone out of its way: for each stay of its first member and start
    /// week (in the greedy's order), those placed at offers its members
    /// could take in that place whose weeks overlap (at most
    /// ``groupRoomAtMost``, all movable) are taken out, the group placed as
    /// the greedy places it, and each of them moved to another stay that
    /// fits; kept when all of that is made and the hard quotas hold over the
    /// whole change. Each cell tried counts as one of `tries`.
    mutating func makeRoom(forGroup g: Int, byHost: [Int: [Int]], tries: inout Int, limit: Int) -> Bool {
        let gm = candidates.groups[g]
        guard gm.members.count > 1, candidates.groupsKeptOut[g] == nil,
            !gm.members.contains(where: candidates.locked.contains), placedPairs(of: g).isEmpty
        else { return false }
        let together = gm.group.together
        func place(_ q: Int) -> Int { candidates.place(ofHost: host(q), together: together) }
        // The members' pairs by place: the offers a member could take there.
        var offersAt: [Int: Set<Int>] = [:]
        for m in gm.members {
            for q in pairs.pairStart[m.rawValue]..<pairs.pairStart[m.rawValue + 1] {
                offersAt[place(q), default: []].insert(pairs.pairs[q].offer)
            }
        }
        for q0 in byPreference(gm.members[0]) {
            let offers = offersAt[place(q0)] ?? []
            let hosts = Set(offers.map { candidates.offers[$0].host.rawValue })
            // Who is placed at those offers does not change until a move is made.
            let there = hosts.sorted().flatMap { byHost[$0] ?? [] }.compactMap { r in
                starts[r].map { (pair: r, start: $0) }
            }.filter { offers.contains(pairs.pairs[$0.pair].offer) }
            for s in pairs.pairs[q0].first...pairs.pairs[q0].last {
                let inWay = there.filter { overlap(q0, s, $0.pair, $0.start) }
                guard !inWay.isEmpty, inWay.count <= Self.groupRoomAtMost,
                    inWay.allSatisfy({ movable(pairs.pairs[$0.pair].participant) })
                else { continue }
                tries += 1
                if tries > limit { return false }
                if makeRoom(forGroup: g, clearing: inWay, byHost: byHost, tries: &tries, limit: limit) { return true }
            }
        }
        return false
    }

    /// Participants who travel alone that a group's room may move, at most.
    static let groupRoomAtMost = 8

    /// `inWay` out, group `g` placed, each of `inWay` moved on: the whole
    /// move, or nothing.
    private mutating func makeRoom(
        forGroup g: Int, clearing inWay: [(pair: Int, start: Int)], byHost: [Int: [Int]], tries: inout Int, limit: Int
    ) -> Bool {
        for (r, sr) in inWay { take(r, sr, -1) }
        if placeGroup(g) {
            let move = Chain(added: placedPairs(of: g).map(\.pair), removed: inWay)
            if moveOn(inWay, after: move, byHost: byHost, tries: &tries, limit: limit) != nil { return true }
        }
        for (r, sr) in inWay.reversed() { take(r, sr, 1) }
        return false
    }
}
