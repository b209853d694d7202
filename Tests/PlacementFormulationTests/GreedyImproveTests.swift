import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Moves that improve a later level of a solution in hand
/// (PairGreedy+Improve.swift) and the refill of one with people left out.
/// `ranksRound()`: five offers of one place and one week. c (ict) fits only
/// o5 and d (tourism) only o6; a (food) lists o1, o2; b (food) lists o1,
/// o5, o6, o3. The greedy serves c, d, a, b in order: c@o5, d@o6, a@o1,
/// and b gets its fourth choice, o3. Moving a to its second choice (o2)
/// gives b its first (o1): ranks 2 + 1 instead of 1 + 4, 2 less.
@Suite struct GreedyImproveTests {
    static func ranksRound() -> Instance {
        let week = "2026-03-08"
        let hosts = [
            host("h1", offers: [offer("o1", to: week)]),
            host("h2", offers: [offer("o2", to: week)]),
            host("h3", offers: [offer("o3", to: week)]),
            host("h5", offers: [offer("o5", sectors: ["ict", "food"], to: week)]),
            host("h6", offers: [offer("o6", sectors: ["tourism", "food"], to: week)]),
        ]
        return round(
            [
                participant("c", sector: "ict", to: week),
                participant("d", sector: "tourism", to: week),
                participant("a", to: week, preferences: ["o1", "o2"]),
                participant("b", to: week, preferences: ["o1", "o5", "o6", "o3"]),
            ], hosts)
    }

    static let placedThenRank = Policy(objective: [.placed(weights: []), .rank(cost: .linear)])

    @Test func aParticipantInTheWayMovesSoThatRanksImprove() throws {
        let instance = Self.ranksRound()
        var (greedy, candidates, pairs) = GreedyMoveTests.greedy(instance)
        let before = GreedyMoveTests.chosen(greedy.run(), instance, candidates, pairs)
        #expect(before == ["a@o1", "b@o3", "c@o5", "d@o6"])
        // The moves that place more have nothing to do: everyone is placed.
        let moved = greedy.improveByMoves()
        #expect(moved == 0)
        let rank = pairs.pairs.map { Double($0.rank) }
        let saved = greedy.improve(cost: rank)
        #expect(saved == 2)
        #expect(GreedyMoveTests.chosen(greedy.starts, instance, candidates, pairs) == ["a@o2", "b@o1", "c@o5", "d@o6"])
        // Nothing is left to improve.
        let again = greedy.improve(cost: rank)
        #expect(again == 0)
    }

    /// Moves stop when asked (the run's time limit): nothing moves, and
    /// what was there stays.
    @Test(arguments: [false, true])
    func movesStopWhenAsked(stop: Bool) throws {
        let instance = Self.ranksRound()
        var (greedy, candidates, pairs) = GreedyMoveTests.greedy(instance)
        _ = greedy.run()
        greedy.shouldStop = { stop }
        let saved = greedy.improve(cost: pairs.pairs.map { Double($0.rank) })
        #expect(saved == (stop ? 0 : 2))
        #expect(GreedyMoveTests.chosen(greedy.starts, instance, candidates, pairs).first == (stop ? "a@o1" : "a@o2"))
        // The moves that place more stop too: lexicographicRound's one move is not made.
        var (other, _, _) = GreedyMoveTests.greedy(lexicographicRound())
        _ = other.run()
        other.shouldStop = { stop }
        let moved = other.improveByMoves()
        #expect(moved == (stop ? 0 : 1))
    }

    /// A held level over pairs that the move would make worse (here, a at
    /// o2 counts 1) refuses it, and nothing else helps.
    @Test(arguments: [false, true])
    func aHeldLevelIsNotMadeWorse(held: Bool) throws {
        let instance = Self.ranksRound()
        var (greedy, candidates, pairs) = GreedyMoveTests.greedy(instance)
        _ = greedy.run()
        let rank = pairs.pairs.map { Double($0.rank) }
        let aAtO2 = pairs.pairs.indices.map { q -> Double in
            GreedyMoveTests.chosen([q: pairs.pairs[q].first], instance, candidates, pairs) == ["a@o2"] ? 1 : 0
        }
        let saved = greedy.improve(cost: rank, keeping: held ? [aAtO2] : [])
        #expect(saved == (held ? 0 : 2))
        #expect(GreedyMoveTests.chosen(greedy.starts, instance, candidates, pairs).first == (held ? "a@o1" : "a@o2"))
    }

    /// A solution found elsewhere is taken as it is; one that overfills a
    /// place is refused whole.
    @Test func aSolutionIsLoadedOnlyWhenItFits() throws {
        let instance = Self.ranksRound()
        var (greedy, candidates, pairs) = GreedyMoveTests.greedy(instance)
        let solution = greedy.run()
        var other = GreedyMoveTests.greedy(instance).0
        let loaded = other.load(solution)
        #expect(loaded)
        #expect(other.starts == solution)
        let a = try #require(solution.keys.first { pairs.pairs[$0].participant == 2 })
        let bAtO1 = try #require(
            pairs.pairs.indices.first {
                GreedyMoveTests.chosen([$0: 0], instance, candidates, pairs) == ["b@o1"]
            })
        let overfilled = other.load([a: solution[a]!, bAtO1: pairs.pairs[bAtO1].first])
        #expect(!overfilled)
        #expect(other.starts.isEmpty)
    }

    /// Those left out of a solution in hand get the stays that still fit.
    @Test func aRefillPlacesThoseLeftOut() throws {
        let instance = Self.ranksRound()
        var (greedy, candidates, pairs) = GreedyMoveTests.greedy(instance)
        let full = greedy.run()
        let c = try #require(full.first { pairs.pairs[$0.key].participant == 0 })
        let loaded = greedy.load([c.key: c.value])
        #expect(loaded)
        let refilled = greedy.refill()
        #expect(refilled == 3)
        #expect(GreedyMoveTests.chosen(greedy.starts, instance, candidates, pairs) == ["a@o1", "b@o3", "c@o5", "d@o6"])
    }

    /// A run whose solver finds nothing keeps the greedy's solution with its
    /// later levels improved by the moves: the direct model's rank optimum
    /// (reported, not proven: that level was not solved).
    @Test func aRunCutShortKeepsTheImprovedRanks() throws {
        let instance = Self.ranksRound()
        let policy = Self.placedThenRank
        let candidates = CandidateSet(instance: instance, policy: policy)
        let outcome = try StallingSolver.cutShort(instance, policy: policy, candidates: candidates)
        let direct = try solve(instance, policy)
        #expect(direct.values == [4, outcome.levels[1].value])
        #expect(outcome.levels.map(\.value) == direct.values)
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
    }
}
