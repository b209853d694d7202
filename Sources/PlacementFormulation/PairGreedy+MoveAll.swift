/// Moves of everyone in a participant's way (PairGreedy+Moves.swift), and
/// of one more when a hard quota refuses them as well.
///
/// Why the second: on generated 20,000 × 5,000 (seed 1, no groups,
/// benchmark policy) the two left out between the greedy's 19,997 and the
/// LP bound 19,999 were each kept out twice over. ES-02732's one stay (8
/// weeks at SE-H0142/o2, three places) overlapped three participants in
/// one week, and the two places "at most two of one country at a host"
/// leaves Spaniards there were held by two others at that host's other
/// offer, in other weeks. Moving those in the way frees the week; only
/// moving a Spaniard on as well lets the quota admit them.
extension PairGreedy {
    /// Pair `q` at week `s` once every participant placed at its host whose
    /// weeks overlap it (movable, at most ``moveAllAtMost``) has moved to a
    /// stay that fits, each in turn; else, with hard quotas, once those in
    /// its way (one of them, or all) and one participant placed at its host
    /// whose leaving lets the quota guard admit `q` (any weeks) have all
    /// moved on, the hard quotas kept over the whole change. Whether it was
    /// made (else everything is as before). Each participant tried for the
    /// quota counts as one of `tries`.
    mutating func moveAll(
        placing q: Int, at s: Int, byHost: [Int: [Int]], tries: inout Int, limit: Int
    ) -> Bool {
        guard let inWay = inTheWay(of: q, at: s, byHost: byHost), !inWay.isEmpty else { return false }
        for (r, sr) in inWay { take(r, sr, -1) }
        if admits(q, guarded: false), hasRoom(q, s) {
            take(q, s, 1)
            let move = Chain(added: [q], removed: inWay)
            if moveOn(inWay, after: move, byHost: byHost, tries: &tries, limit: limit) != nil { return true }
        }
        for (r, sr) in inWay.reversed() { take(r, sr, 1) }
        return quotas != nil
            && movePastAQuota(placing: q, at: s, inWay: inWay, byHost: byHost, tries: &tries, limit: limit)
    }

    /// The second form of ``moveAll(placing:at:byHost:tries:limit:)``, with
    /// `inWay` (not empty) in `q`'s way.
    private mutating func movePastAQuota(
        placing q: Int, at s: Int, inWay: [(pair: Int, start: Int)], byHost: [Int: [Int]], tries: inout Int,
        limit: Int
    ) -> Bool {
        for clearing in Self.eachThenAll(inWay) {
            for (r, sr) in clearing { take(r, sr, -1) }
            let refused = admits(q, guarded: false) && hasRoom(q, s) && quotas?.admits(q) == false
            for r in byHost[host(q)] ?? [] where refused && movable(pairs.pairs[r].participant) {
                guard let sr = starts[r], !clearing.contains(where: { $0.pair == r }) else { continue }
                take(r, sr, -1)
                if quotas?.admits(q) == true {
                    tries += 1
                    take(q, s, 1)
                    let out = clearing + [(pair: r, start: sr)]
                    if moveOn(out, after: Chain(added: [q], removed: out), byHost: byHost, tries: &tries, limit: limit)
                        != nil
                    {
                        return true
                    }
                }
                take(r, sr, 1)
                if tries > limit { break }
            }
            for (r, sr) in clearing.reversed() { take(r, sr, 1) }
            if tries > limit { return false }
        }
        return false
    }

    /// The ways to clear `inWay` a move tries: each of them alone, then all
    /// of them (one way when there is one).
    static func eachThenAll(_ inWay: [(pair: Int, start: Int)]) -> [[(pair: Int, start: Int)]] {
        inWay.count == 1 ? [inWay] : inWay.map { [$0] } + [inWay]
    }

    /// Who is placed at pair `q`'s offer in weeks that overlap `q` from
    /// week `s`; nil when they are more than ``moveAllAtMost`` or one of
    /// them may not move.
    func inTheWay(of q: Int, at s: Int, byHost: [Int: [Int]]) -> [(pair: Int, start: Int)]? {
        let offer = pairs.pairs[q].offer
        let inWay = (byHost[host(q)] ?? []).compactMap { r in starts[r].map { (pair: r, start: $0) } }
            .filter { pairs.pairs[$0.pair].offer == offer && overlap(q, s, $0.pair, $0.start) }
        guard inWay.count <= Self.moveAllAtMost, inWay.allSatisfy({ movable(pairs.pairs[$0.pair].participant) })
        else { return nil }
        return inWay
    }
}
