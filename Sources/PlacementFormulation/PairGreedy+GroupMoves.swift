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
    /// `q` out) has moved; whether it was made. Each group tried counts as
    /// one of `tries`.
    mutating func moveGroup(placing q: Int, at s: Int, roomy: Bool, byHost: [Int: [Int]], tries: inout Int, limit: Int)
        -> Bool
    {
        var tried = Set<Int>()
        for r in byHost[host(q)] ?? [] {
            let p = pairs.pairs[r].participant
            guard let g = candidates.groupOf[p], candidates.groups[g].members.count > 1, !tried.contains(g),
                let sr = starts[r], roomy || overlap(q, s, r, sr),
                !candidates.groups[g].members.contains(where: candidates.locked.contains)
            else { continue }
            tried.insert(g)
            tries += 1
            if tries > limit { return false }
            if moveGroup(g, placing: q, at: s) { return true }
        }
        return false
    }

    /// Group `g` out, pair `q` in at week `s`, the group placed again; the
    /// whole move, or nothing.
    private mutating func moveGroup(_ g: Int, placing q: Int, at s: Int) -> Bool {
        let old = placedPairs(of: g)
        guard old.count == candidates.groups[g].members.count else { return false }
        for (r, sr) in old { take(r, sr, -1) }
        if admits(q, guarded: false), hasRoom(q, s) {
            take(q, s, 1)
            if placeGroup(g) {
                let new = placedPairs(of: g)
                if quotas?.admitsMove(removed: old.map(\.pair), added: [q] + new.map(\.pair)) ?? true { return true }
                for (r, sr) in new { take(r, sr, -1) }
            }
            take(q, s, -1)
        }
        for (r, sr) in old { take(r, sr, 1) }
        return false
    }

    /// The placed pairs of group `g`'s members, with their weeks.
    private func placedPairs(of g: Int) -> [(pair: Int, start: Int)] {
        candidates.groups[g].members.compactMap { m in
            (pairs.pairStart[m.rawValue]..<pairs.pairStart[m.rawValue + 1]).lazy
                .compactMap { q in starts[q].map { (pair: q, start: $0) } }.first
        }
    }
}
