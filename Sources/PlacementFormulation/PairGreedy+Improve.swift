import PlacementModel

/// Moves that improve a later level of a solution in hand (issue 15): a
/// participant moves to a stay that costs less on the level (a better rank),
/// either one that fits as it is or one that fits once a participant placed
/// at that host whose weeks overlap moves on to their own cheapest stay that
/// fits, when the two together cost less. Nobody is left out, so the number
/// placed (weighted or not) stays as it was; every move keeps every weekly
/// capacity, offer total, the budget and, with a guard, the hard quotas over
/// its net change, and makes no held level (`keeping`) worse. Soft rules are
/// not looked at: the caller checks the result against every row of the
/// master (``DecomposedSolve/polished(_:level:extraRows:run:)``).
///
/// Why: where no master finishes, the ranks a run keeps are the greedy's,
/// which serves participants in order. At 5,000 × 1,200 (benchmark policy,
/// no travel groups) those were 8,080 against the LP bound 6,865, and the
/// moves bring them to 7,382 before the `rank` master starts
/// (docs/performance.md, "Refills and moves that improve a level").
extension PairGreedy {
    /// Passes over everyone placed, at most; a pass that improves nothing ends it.
    static let improvingPasses = 5

    /// Participants placed in the way a participant may try to move on, at
    /// most, in one pass.
    static let improvingTries = 200

    /// What a move must save to be made (and what a held level may not lose).
    static let saving = 1e-9

    /// Moves placed participants to stays of lower `cost` (one per pair, the
    /// level's objective as a minimum) while no vector of `keeping` (held
    /// levels, as minima too) gets worse; the dearest stays first. Returns
    /// what the moves saved on `cost`.
    mutating func improve(cost: [Double], keeping: [[Double]] = []) -> Double {
        improving = cost
        defer { improving = nil }
        var saved = 0.0
        var byHost: [Int: [Int]] = [:]
        for _ in 0..<Self.improvingPasses {
            byHost = [:]
            for q in starts.keys.sorted() { byHost[host(q), default: []].append(q) }
            var improved = false
            let placed = starts.sorted { (cost[$0.key], $1.key) > (cost[$1.key], $0.key) }
            for (r, sr) in placed where starts[r] == sr && movable(pairs.pairs[r].participant) {
                if shouldStop() { return saved }
                let cheaper = byPreference(ParticipantIndex(pairs.pairs[r].participant)).filter { q in
                    cost[q] < cost[r] - Self.saving && keeping.allSatisfy { held in held[q] <= held[r] + Self.saving }
                }
                guard !cheaper.isEmpty else { continue }
                take(r, sr, -1)
                guard
                    let move = cheaperStay(
                        for: r, from: sr, among: cheaper, cost: cost, keeping: keeping, byHost: byHost)
                else {
                    take(r, sr, 1)
                    continue
                }
                saved -= Self.change(move, cost)
                improved = true
                // The index of who is where, for the next participants' moves.
                for (x, _) in move.removed { byHost[host(x)]?.removeAll { $0 == x } }
                for x in move.added { byHost[host(x), default: []].append(x) }
            }
            if !improved { break }
        }
        return saved
    }

    /// A cheaper stay for the participant of pair `r` (taken out, from week
    /// `sr`): one of `cheaper` that fits, else one that fits once a
    /// participant in its way moves on, when that saves on `cost` and no
    /// `keeping` vector gets worse. The move (with `r` among its removed),
    /// or nil with everything as before (`r` still out).
    private mutating func cheaperStay(
        for r: Int, from sr: Int, among cheaper: [Int], cost: [Double], keeping: [[Double]], byHost: [Int: [Int]]
    ) -> Chain? {
        let base = Chain(removed: [(r, sr)])
        for q in cheaper where admits(q, guarded: false) {
            let pair = pairs.pairs[q]
            guard let s = (pair.first...pair.last).first(where: { hasRoom(q, $0) }) else { continue }
            take(q, s, 1)
            if quotas?.admitsMove(removed: [r], added: [q]) ?? true { return Chain(added: [q], removed: [(r, sr)]) }
            take(q, s, -1)
        }
        var tries = 0
        for q in cheaper {
            let pair = pairs.pairs[q]
            for s in pair.first...pair.last {
                for r3 in byHost[host(q)] ?? [] where r3 != r && movable(pairs.pairs[r3].participant) {
                    guard let s3 = starts[r3], overlap(q, s, r3, s3) else { continue }
                    tries += 1
                    if tries > Self.improvingTries { return nil }
                    var inner = 0
                    guard
                        let move = replace(
                            r3, from: s3, with: q, at: s, depth: 0, byHost: byHost, tries: &inner, limit: .max,
                            after: base)
                    else { continue }
                    if Self.change(move, cost) < -Self.saving
                        && keeping.allSatisfy({ Self.change(move, $0) <= Self.saving })
                    {
                        return move
                    }
                    // Undone, but for `r`: the caller puts it back.
                    for x in move.added.reversed() { take(x, starts[x]!, -1) }
                    for (x, sx) in move.removed.reversed() where x != r { take(x, sx, 1) }
                }
            }
        }
        return nil
    }

    /// What a move changes on a vector of per-pair values.
    private static func change(_ move: Chain, _ values: [Double]) -> Double {
        move.added.reduce(0) { $0 + values[$1] } - move.removed.reduce(0) { $0 + values[$1.pair] }
    }
}
