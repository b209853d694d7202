import PlacementModel

/// One improvement of the greedy's solution: a participant it left out
/// takes the place of one already placed at the same host, who moves to
/// another stay that still fits (an ejection chain of length one). Each
/// move places one more and keeps every weekly capacity, offer total, the
/// budget and, with a guard, the hard quotas (over the move's net change);
/// the result is checked against the master like the greedy's own.
///
/// Why: the greedy serves participants in order, so one served early can
/// hold the only week someone later could use while having other stays
/// open. On generated 5,000 × 1,200 (seed 1, no groups, benchmark policy)
/// the greedy placed 4,990 where the master's LP relaxation bounds the round
/// by 4,997 (docs/performance.md).
extension PairGreedy {
    /// Tries each participant left out (not locked, not in a travel group
    /// of several) once, in order; returns how many moves were made. A
    /// participant's moves are tried by the order of their stays
    /// (``byPreference(_:)``), each start week, and each participant placed
    /// at that host whose weeks overlap it, at most ``moveTries`` in all.
    mutating func improveByMoves() -> Int {
        let (candidates, pairs) = (self.candidates, self.pairs)
        func hostOf(_ q: Int) -> Int { candidates.offers[pairs.pairs[q].offer].host.rawValue }
        var placedPairOf: [Int: Int] = [:]
        var byHost: [Int: [Int]] = [:]
        for q in starts.keys.sorted() {
            placedPairOf[pairs.pairs[q].participant] = q
            byHost[hostOf(q), default: []].append(q)
        }
        func movable(_ p: Int) -> Bool {
            !candidates.locked.contains(ParticipantIndex(p))
                && (candidates.groupOf[p].map { candidates.groups[$0].members.count <= 1 } ?? true)
        }
        var moves = 0
        for p in 0..<candidates.participantCount where placedPairOf[p] == nil && movable(p) {
            var tries = 0
            search: for q in byPreference(ParticipantIndex(p)) where admits(q, guarded: false) {
                let pair = pairs.pairs[q]
                for s in pair.first...pair.last {
                    for r in byHost[hostOf(q)] ?? [] where movable(pairs.pairs[r].participant) {
                        guard let sr = starts[r], sr < s + pair.weeks, s < sr + pairs.pairs[r].weeks else { continue }
                        tries += 1
                        if tries > Self.moveTries { break search }
                        if let moved = move(placing: q, at: s, ejecting: r, from: sr) {
                            moves += 1
                            placedPairOf[p] = q
                            placedPairOf[pairs.pairs[moved].participant] = moved
                            byHost[hostOf(r)]?.removeAll { $0 == r }
                            byHost[hostOf(q), default: []].append(q)
                            byHost[hostOf(moved), default: []].append(moved)
                            break search
                        }
                    }
                }
            }
        }
        return moves
    }

    /// Tries per participant left out, at most: each costs a few week
    /// scans (a 5,000 × 1,200 round has about 100 pairs a participant).
    static let moveTries = 2_000

    /// Pair `r` (at `sr`) out, `q` in at `s`, and `r`'s participant at the
    /// earliest week of their first other stay that fits; the pair they
    /// moved to, or nil with everything as before.
    private mutating func move(placing q: Int, at s: Int, ejecting r: Int, from sr: Int) -> Int? {
        take(r, sr, -1)
        if admits(q, guarded: false), hasRoom(q, s) {
            take(q, s, 1)
            for r2 in byPreference(ParticipantIndex(pairs.pairs[r].participant))
            where r2 != r && admits(r2, guarded: false) {
                let other = pairs.pairs[r2]
                guard let s2 = (other.first...other.last).first(where: { hasRoom(r2, $0) }) else { continue }
                take(r2, s2, 1)
                if quotas?.admitsMove(removed: [r], added: [q, r2]) ?? true { return r2 }
                take(r2, s2, -1)
            }
            take(q, s, -1)
        }
        take(r, sr, 1)
        return nil
    }
}
