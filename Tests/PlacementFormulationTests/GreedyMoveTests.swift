import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The greedy's moves (PairGreedy+Moves.swift): someone it left out takes
/// the place of someone placed at the same host, who moves to another stay.
/// `lexicographicRound()`: one place at o1 (h1) and one at o2 (h2), one
/// week; a (food) lists o2 first, b (ict) can only go to o2. The greedy
/// serves a first and gives them o2, so b is left out (1 placed); moving a
/// to o1 places b at o2 (2 placed, the optimum).
@Suite struct GreedyMoveTests {
    static func greedy(_ instance: Instance) -> (PairGreedy, CandidateSet, PairSet) {
        let policy = Policy(objective: [.placed(weights: [])])
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        return (PairGreedy(instance: instance, candidates: candidates, pairs: pairs, budget: nil), candidates, pairs)
    }

    /// The greedy under `policy`, with the quota guard of its master (nil without hard quotas).
    static func guarded(_ instance: Instance, _ policy: Policy) -> (PairGreedy, CandidateSet, PairSet) {
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
        var greedy = PairGreedy(instance: instance, candidates: candidates, pairs: pairs, budget: nil)
        greedy.quotas = QuotaGuard(master: master)
        return (greedy, candidates, pairs)
    }

    /// The participant id and offer id of each chosen pair, by participant.
    static func chosen(_ starts: [Int: Int], _ instance: Instance, _ candidates: CandidateSet, _ pairs: PairSet)
        -> [String]
    {
        starts.keys.map { q in
            let pair = pairs.pairs[q]
            return instance.participants[pair.participant].id + "@" + candidates.offers[pair.offer].offer.id
        }.sorted()
    }

    @Test func aMovePlacesTheOneLeftOut() throws {
        let instance = lexicographicRound()
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o2"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o1", "b@o2"])
    }

    /// A chain of two: b (ict) can only go to o1, where a is; a's other
    /// place, o2, holds c, whose other place, o3, is free. No single move
    /// places b (a has nowhere free to go); a to o2 and c to o3 does.
    @Test func aChainOfTwoPlacesTheOneLeftOut() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-08")]),
            host("h2", offers: [offer("o2", sectors: ["food", "tourism"], to: "2026-03-08")]),
            host("h3", offers: [offer("o3", sectors: ["tourism"], to: "2026-03-08")]),
        ]
        let instance = round(
            [
                participant("a", to: "2026-03-08", preferences: ["o1", "o2"]),
                participant("b", sector: "ict", to: "2026-03-08"),
                participant("c", sector: "tourism", to: "2026-03-08", preferences: ["o2", "o3"]),
            ], hosts)
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o1", "c@o2"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2", "b@o1", "c@o3"])
    }

    /// Everyone in the way moves: x (ict, two weeks) can only go to o1,
    /// where a has week 0 and b week 1; both could go to o2 (two places). No
    /// single move or chain makes room (either one out still leaves a week
    /// taken); moving both does.
    @Test func everyoneInTheWayMoves() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-15")]),
            host("h2", offers: [offer("o2", to: "2026-03-15", capacity: 2)]),
        ]
        let instance = round(
            [
                participant("a", to: "2026-03-15", preferences: ["o1", "o2"]),
                participant("b", to: "2026-03-15", preferences: ["o1", "o2"]),
                participant("x", sector: "ict", to: "2026-03-15", weeks: 2),
            ], hosts)
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o1", "b@o1"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2", "b@o2", "x@o1"])
    }

    /// With a's other place gone (o1 takes tourism only), a cannot move:
    /// b stays out.
    @Test func withoutAnotherStayNothingMoves() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["tourism"], to: "2026-03-08")]),
            host("h2", offers: [offer("o2", sectors: ["food", "ict"], to: "2026-03-08")]),
        ]
        let instance = round(
            [participant("a", to: "2026-03-08"), participant("b", sector: "ict", to: "2026-03-08")], hosts)
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o2"])
        #expect(greedy.improveByMoves() == 0)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2"])
    }

    /// A locked participant is not moved, even within the lock: a, locked
    /// to h2, could go from o2 to o3 there and make room for b, but stays.
    /// Without the lock the move is made.
    @Test(arguments: [false, true])
    func aLockedParticipantStays(locked: Bool) throws {
        let hosts = [
            host(
                "h2",
                offers: [
                    offer("o2", sectors: ["food", "ict"], to: "2026-03-08"), offer("o3", to: "2026-03-08"),
                ])
        ]
        var instance = round(
            [
                participant("a", to: "2026-03-08", preferences: ["o2", "o3"]),
                participant("b", sector: "ict", to: "2026-03-08"),
            ], hosts)
        if locked { instance.locks = [Lock(participant: "a", target: .host("h2"))] }
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o2"])
        #expect(greedy.improveByMoves() == (locked ? 0 : 1))
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == (locked ? ["a@o2"] : ["a@o3", "b@o2"]))
    }

    /// The guard refuses a move that breaks a hard quota: a (ES) would make
    /// room for b by moving from h1 to h2, where d (ES) is and at most one
    /// of a country may be (`max_count 1` within host and country). d has
    /// nowhere else to go, so no chain helps either. Without the quota the
    /// move is made.
    @Test(arguments: [false, true])
    func theGuardRefusesAMoveThatBreaksAQuota(quota: Bool) throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-08")]),
            host("h2", offers: [offer("o2", to: "2026-03-08", capacity: 2)]),
        ]
        let instance = round(
            [
                participant("a", to: "2026-03-08", preferences: ["o1", "o2"]),
                participant("b", country: "PT", sector: "ict", to: "2026-03-08"),
                participant("d", to: "2026-03-08"),
            ], hosts)
        let quotas = quota ? [GreedyQuotaGuardTests.oneOfACountry] : []
        let policy = Policy(objective: [.placed(weights: [])], quotas: quotas)
        var (greedy, candidates, pairs) = Self.guarded(instance, policy)
        #expect((greedy.quotas != nil) == quota)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o1", "d@o2"])
        #expect(greedy.improveByMoves() == (quota ? 0 : 1))
        let moved = ["a@o2", "b@o1", "d@o2"]
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == (quota ? ["a@o1", "d@o2"] : moved))
    }

    /// A quota, not the room, keeps b out: b (ES, ict) can only take o1 in
    /// week 1, which is free, but a (ES) has week 0 there and at most one of
    /// a country may be at a host. a's weeks do not overlap b's; a moves to
    /// o2 all the same, and b is placed. Before, only participants whose
    /// weeks overlapped were tried, and b stayed out.
    @Test func someoneInAQuotasWayMovesWhateverTheirWeeks() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-15")]),
            host("h2", offers: [offer("o2", to: "2026-03-15")]),
        ]
        let instance = round(
            [
                participant("a", to: "2026-03-08", preferences: ["o1", "o2"]),
                participant("b", sector: "ict", from: "2026-03-09", to: "2026-03-15"),
            ], hosts)
        let policy = Policy(objective: [.placed(weights: [])], quotas: [GreedyQuotaGuardTests.oneOfACountry])
        var (greedy, candidates, pairs) = Self.guarded(instance, policy)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o1"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2", "b@o1"])
    }

    /// The room and a quota: x (ES, ict) can only go to o1, held by y; e
    /// (ES, tourism) is at h1's other offer, and at most one of a country
    /// may be at a host. Moving y on (to o3) frees o1 but leaves x a second
    /// Spaniard at h1, and no one at o3 is in the way of a chain; no single
    /// move, chain or move of everyone in the way is kept. Moving y and e
    /// on together (e to o4) places x.
    @Test func theOneInTheWayAndOneAQuotaCountsMoveTogether() throws {
        let hosts = [
            host(
                "h1",
                offers: [
                    offer("o1", sectors: ["food", "ict"], to: "2026-03-08"),
                    offer("o2", sectors: ["tourism"], to: "2026-03-08"),
                ]),
            host("h2", offers: [offer("o3", to: "2026-03-08")]),
            host("h3", offers: [offer("o4", sectors: ["tourism"], to: "2026-03-08")]),
        ]
        let instance = round(
            [
                participant("e", sector: "tourism", to: "2026-03-08", preferences: ["o2", "o4"]),
                participant("y", country: "FR", to: "2026-03-08", preferences: ["o1", "o3"]),
                participant("x", sector: "ict", to: "2026-03-08"),
            ], hosts)
        let policy = Policy(objective: [.placed(weights: [])], quotas: [GreedyQuotaGuardTests.oneOfACountry])
        var (greedy, candidates, pairs) = Self.guarded(instance, policy)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["e@o2", "y@o1"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["e@o4", "x@o1", "y@o3"])
    }

    /// A travel group in the way moves whole: a and b (a group, h1 first)
    /// take both places at o1; x (ict) can only go there. No single move,
    /// chain or move of everyone in the way shifts a group member; the
    /// group moves to o2 together, and x is placed. With d (ES, tourism)
    /// at o2 and at most two of a country at a host, the group may not
    /// join d, and everything stays as it was.
    @Test(arguments: [false, true])
    func aGroupInTheWayMovesWhole(quota: Bool) throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-08", capacity: 2)]),
            host("h2", offers: [offer("o2", sectors: ["food", "tourism"], to: "2026-03-08", capacity: 3)]),
        ]
        var a = participant("a", to: "2026-03-08", preferences: ["o1", "o2"])
        var b = participant("b", to: "2026-03-08", preferences: ["o1", "o2"])
        (a.group, b.group) = ("G", "G")
        let instance = round(
            [
                a, b, participant("d", sector: "tourism", to: "2026-03-08"),
                participant("x", sector: "ict", to: "2026-03-08"),
            ],
            hosts)
        let rule = Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(2)])
        let policy = Policy(objective: [.placed(weights: [])], quotas: quota ? [rule] : [])
        var (greedy, candidates, pairs) = Self.guarded(instance, policy)
        let before = ["a@o1", "b@o1", "d@o2"]
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == before)
        #expect(greedy.improveByMoves() == (quota ? 0 : 1))
        #expect(
            Self.chosen(greedy.starts, instance, candidates, pairs)
                == (quota ? before : ["a@o2", "b@o2", "d@o2", "x@o1"]))
    }

    /// A quota and the room together: a and b (ES, a group) take o1's two
    /// places in week 0; y and z take them in week 1, the only week x (ES,
    /// ict) can go. At most two of a country at a host: x needs the group
    /// gone (the quota) and one of y and z gone (the room). z can only go
    /// to o1; y moves to o2, x takes y's place, and the group moves to o2
    /// whole. Moving the group alone (week 0 has no use for x) or y alone
    /// (a third ES at h1) places no one.
    @Test func aGroupAndTheOneInTheWayMoveTogether() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-15", capacity: 2)]),
            host("h2", offers: [offer("o2", to: "2026-03-15", capacity: 3)]),
        ]
        var a = participant("a", to: "2026-03-15", preferences: ["o1", "o2"])
        var b = participant("b", to: "2026-03-15", preferences: ["o1", "o2"])
        (a.group, b.group) = ("G", "G")
        let week1 = (from: "2026-03-09", to: "2026-03-15")
        let instance = round(
            [
                a, b,
                participant("y", country: "FR", from: week1.from, to: week1.to, preferences: ["o1", "o2"]),
                participant("z", country: "FR", sector: "ict", from: week1.from, to: week1.to),
                participant("x", sector: "ict", from: week1.from, to: week1.to),
            ], hosts)
        let rule = Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(2)])
        let policy = Policy(objective: [.placed(weights: [])], quotas: [rule])
        var (greedy, candidates, pairs) = Self.guarded(instance, policy)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["a@o1", "b@o1", "y@o1", "z@o1"])
        #expect(greedy.improveByMoves() == 1)
        #expect(
            Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2", "b@o2", "x@o1", "y@o2", "z@o1"])
    }

    /// Room for a group left out: x, served first, takes one of o1's two
    /// places; a and b (ict, a group) can only go to o1 and are left out.
    /// x moves to o2, and the group takes o1 whole.
    @Test func aGroupLeftOutGetsRoom() throws {
        let hosts = [
            host("h1", offers: [offer("o1", sectors: ["food", "ict"], to: "2026-03-08", capacity: 2)]),
            host("h2", offers: [offer("o2", to: "2026-03-08")]),
        ]
        var a = participant("a", sector: "ict", to: "2026-03-08")
        var b = participant("b", sector: "ict", to: "2026-03-08")
        (a.group, b.group) = ("G", "G")
        let instance = round([participant("x", to: "2026-03-08", preferences: ["o1", "o2"]), a, b], hosts)
        var (greedy, candidates, pairs) = Self.greedy(instance)
        #expect(Self.chosen(greedy.run(), instance, candidates, pairs) == ["x@o1"])
        #expect(greedy.improveByMoves() == 1)
        #expect(Self.chosen(greedy.starts, instance, candidates, pairs) == ["a@o1", "b@o1", "x@o2"])
    }

    /// A run whose solver finds nothing keeps the moved solution: both placed.
    @Test func aRunCutShortKeepsTheMove() throws {
        let instance = lexicographicRound()
        let policy = Policy(objective: [.placed(weights: []), .rank(cost: .linear)])
        let candidates = CandidateSet(instance: instance, policy: policy)
        let outcome = try StallingSolver.cutShort(instance, policy: policy, candidates: candidates)
        #expect(outcome.levels.first?.status == .feasible)
        #expect(outcome.levels.first?.value == 2)
    }
}
