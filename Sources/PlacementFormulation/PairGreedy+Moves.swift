import PlacementModel

/// Improvements of the greedy's solution: a participant it left out takes
/// the place of one already placed at the same host, who moves to another
/// stay that still fits, or (a chain of two) makes room there by moving a
/// third one on; then everyone in the way at that host (up to three) moves
/// to another stay, with one more whose leaving lets a hard quota admit
/// the participant (PairGreedy+MoveAll.swift); last, a travel group in the
/// way moves whole (PairGreedy+GroupMoves.swift). Each move places one more and keeps every weekly capacity,
/// offer total, the budget and, with a guard, the hard quotas (over the
/// move's net change); the result is checked against the master like the
/// greedy's own.
///
/// Why: the greedy serves participants in order, so one served early can
/// hold the only week someone later could use while having other stays
/// open. Measured (docs/performance.md, "A floor"): on generated
/// 5,000 × 1,200 (seed 1, no groups, benchmark policy) the greedy placed
/// 4,990 and with moves 4,996, where the master's LP relaxation bounds the
/// round by 4,997; single moves alone placed 4,996 too, chains of two
/// added 2–3 on some 500 × 120 rounds. Longer chains and more tries did
/// not pay: 5,000 tries a participant instead of 2,000 ended at 4,994
/// (an early move can take what two later ones needed).
extension PairGreedy {
    /// Tries each participant left out (not locked, not in a travel group
    /// of several) once in order with single moves, then those still left
    /// out with chains of two, then with moves of everyone in the way
    /// (``moveAll(placing:at:byHost:tries:limit:)``), then of a travel group
    /// (``moveGroup(placing:at:roomy:byHost:tries:limit:)``); returns how
    /// many moves were made. A
    /// participant's moves are tried by the order of their stays
    /// (``byPreference(_:)``), each start week, and each participant placed
    /// at that host whose weeks overlap it (any participant placed there,
    /// when the stay has room and only the quota guard refuses it), at most
    /// ``moveTries`` (single moves) or ``chainTries`` (chains) in all.
    mutating func improveByMoves() -> Int {
        let (candidates, pairs) = (self.candidates, self.pairs)
        var placed = Set<Int>()
        var byHost: [Int: [Int]] = [:]
        func index(_ starts: [Int: Int]) {
            placed = Set(starts.keys.map { pairs.pairs[$0].participant })
            byHost = [:]
            for q in starts.keys.sorted() { byHost[host(q), default: []].append(q) }
        }
        index(starts)
        var moves = 0
        // Single moves first, for everyone; longer chains only for those still left out, then
        // moves of everyone in the way, then moves of a travel group (PairGreedy+GroupMoves.swift).
        for depth in 0...Self.moveDepth + 2 {
            for p in 0..<candidates.participantCount where !placed.contains(p) && movable(p) {
                if shouldStop() { return moves }
                var tries = 0
                let limit = depth == 0 ? Self.moveTries : Self.chainTries
                // A pair is asked whether it is admitted only once the one in its way is out: an
                // offer total that is full is what a move may free.
                search: for q in byPreference(ParticipantIndex(p)) {
                    let pair = pairs.pairs[q]
                    for s in pair.first...pair.last {
                        if depth > Self.moveDepth + 1 {
                            let roomy = onlyAQuotaRefuses(q, s)
                            if moveGroup(placing: q, at: s, roomy: roomy, byHost: byHost, tries: &tries, limit: limit) {
                                moves += 1
                                index(starts)
                                break search
                            }
                            if tries > limit { break search }
                            continue
                        }
                        if depth > Self.moveDepth {
                            tries += 1
                            if tries > limit { break search }
                            if moveAll(placing: q, at: s, byHost: byHost, tries: &tries, limit: limit) {
                                moves += 1
                                index(starts)
                                break search
                            }
                            continue
                        }
                        // With room for q at s, what keeps it out is a quota: whoever is placed at
                        // the host may be in its way, whatever their weeks.
                        let roomy = onlyAQuotaRefuses(q, s)
                        for r in byHost[host(q)] ?? [] where movable(pairs.pairs[r].participant) {
                            guard let sr = starts[r], roomy || overlap(q, s, r, sr) else { continue }
                            tries += 1
                            if tries > limit { break search }
                            let made = replace(
                                r, from: sr, with: q, at: s, depth: depth, byHost: byHost, tries: &tries, limit: limit,
                                after: Chain())
                            if made != nil {
                                moves += 1
                                index(starts)
                                break search
                            }
                        }
                    }
                }
            }
        }
        // Last, room for each travel group left out (PairGreedy+GroupMoves.swift).
        for g in candidates.groups.indices {
            if shouldStop() { return moves }
            var tries = 0
            if makeRoom(forGroup: g, byHost: byHost, tries: &tries, limit: Self.chainTries) {
                moves += 1
                index(starts)
            }
        }
        return moves
    }

    /// Tries per participant left out, at most, counting those of the
    /// chains: each costs a few week scans (a 5,000 × 1,200 round has about
    /// 100 pairs a participant).
    static let moveTries = 2_000

    /// Tries per participant still left out for chains of two, at most.
    static let chainTries = 500

    /// How many more participants a move may shift after the first one
    /// ejected (1: chains of two).
    static let moveDepth = 1

    /// Participants at most a move of everyone in the way shifts.
    static let moveAllAtMost = 3

    /// The participants `inWay`, already taken out, each moved on to a
    /// stay that fits after `move` (what took their places), the hard
    /// quotas kept over the whole change; false, with everything `move` and
    /// the moves on added taken back (`inWay` stays out: the caller puts it
    /// back), when one of them has nowhere to go. The whole move when made.
    mutating func moveOn(
        _ inWay: [(pair: Int, start: Int)], after move: Chain, byHost: [Int: [Int]], tries: inout Int, limit: Int
    ) -> Chain? {
        var move = move
        for (r, _) in inWay {
            guard let next = relocate(r, depth: 0, byHost: byHost, tries: &tries, limit: limit, after: move) else {
                for r in move.added.reversed() { take(r, starts[r]!, -1) }
                return nil
            }
            move = next
        }
        return move
    }

    /// What a move changed: the pairs it took (in order) and the pairs it
    /// took out, with their weeks.
    struct Chain {
        var added: [Int] = []
        var removed: [(pair: Int, start: Int)] = []
    }

    /// A new stay for the participant of pair `r`, already taken out: the
    /// first of their other stays that fits, else (with `depth` left) one
    /// that fits once a participant placed at that host whose weeks overlap
    /// moves on in turn. A move is kept only when, with what came `after`
    /// it began (its first steps), it keeps the hard quotas over its net
    /// change. The whole move, or nil with everything as before.
    mutating func relocate(
        _ r: Int, depth: Int, byHost: [Int: [Int]], tries: inout Int, limit: Int, after base: Chain
    ) -> Chain? {
        let p = pairs.pairs[r].participant
        let others = byPreference(ParticipantIndex(p)).filter { $0 != r }
        for r2 in others where admits(r2, guarded: false) {
            let pair = pairs.pairs[r2]
            guard let s2 = (pair.first...pair.last).first(where: { hasRoom(r2, $0) }) else { continue }
            take(r2, s2, 1)
            var move = base
            move.added.append(r2)
            if quotas?.admitsMove(removed: move.removed.map(\.pair), added: move.added) ?? true { return move }
            take(r2, s2, -1)
        }
        guard depth > 0 else { return nil }
        for r2 in others where admits(r2, guarded: false) {
            let pair = pairs.pairs[r2]
            for s2 in pair.first...pair.last {
                for r3 in byHost[host(r2)] ?? [] where r3 != r && movable(pairs.pairs[r3].participant) {
                    guard let s3 = starts[r3], overlap(r2, s2, r3, s3) else { continue }
                    tries += 1
                    if tries > limit { return nil }
                    if let move = replace(
                        r3, from: s3, with: r2, at: s2, depth: depth - 1, byHost: byHost, tries: &tries, limit: limit,
                        after: base)
                    {
                        return move
                    }
                }
            }
        }
        return nil
    }

    /// Pair `q` at week `s` in place of pair `r` (at `sr`), whose
    /// participant then moves on (``relocate(_:depth:byHost:tries:limit:after:)``
    /// with `depth`): the move with what came before it (`base`), or nil
    /// with everything as before.
    mutating func replace(
        _ r: Int, from sr: Int, with q: Int, at s: Int, depth: Int, byHost: [Int: [Int]], tries: inout Int,
        limit: Int, after base: Chain
    ) -> Chain? {
        take(r, sr, -1)
        if admits(q, guarded: false), hasRoom(q, s) {
            take(q, s, 1)
            var next = base
            next.added.append(q)
            next.removed.append((r, sr))
            if let move = relocate(r, depth: depth, byHost: byHost, tries: &tries, limit: limit, after: next) {
                return move
            }
            take(q, s, -1)
        }
        take(r, sr, 1)
        return nil
    }

    func host(_ q: Int) -> Int { candidates.offers[pairs.pairs[q].offer].host.rawValue }

    /// Whether pair `a` from week `sa` and pair `b` from `sb` share a week.
    func overlap(_ a: Int, _ sa: Int, _ b: Int, _ sb: Int) -> Bool {
        sa < sb + pairs.pairs[b].weeks && sb < sa + pairs.pairs[a].weeks
    }

    /// Whether a move may shift participant `p`: not locked, not in a travel group of several.
    func movable(_ p: Int) -> Bool {
        !candidates.locked.contains(ParticipantIndex(p)) && candidates.travelGroup(of: p) == nil
    }

    /// Whether pair `q` fits at week `s` (room, offer total, budget) and only
    /// the quota guard keeps it out: then anyone at its host may be in its way.
    func onlyAQuotaRefuses(_ q: Int, _ s: Int) -> Bool {
        quotas != nil && admits(q, guarded: false) && hasRoom(q, s)
    }
}
