import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The `early` levels' repair (``DecomposedSolve/earlyRepairs(_:failed:level:objective:extraRows:incumbent:cap:run:)``)
/// and the solution in hand as the first master's incumbent at a later
/// level (issue 15, part 2).
@Suite struct EarlyRepairTests {
    /// a, b and c want 3 weeks in a 6-week window (2026-03-02…04-12); offers
    /// o1 (host h1, those 6 weeks, capacity `o1Capacity`) and o2 (host h2,
    /// until `o2To`, capacity 1).
    static func instance(o2To: String = "2026-04-12", o1Capacity: Int = 1) -> Instance {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3, preferences: ["o2", "o1"]) }
        return round(
            ps,
            [
                host("h1", offers: [offer("o1", to: "2026-04-12", capacity: o1Capacity)]),
                host("h2", offers: [offer("o2", to: o2To, capacity: 1)]),
            ])
    }
    let instance = Self.instance()

    /// The repair of the master solution a at o1, b and c at o2, with
    /// `placed` held at 3: o2's group does not schedule at its first weeks
    /// (both stays from week 0). Returns the repair, the run after it and
    /// the pair of each participant at each offer. With `scope`, only that
    /// repair; without, the cheap one and then the widened one, as the
    /// search runs them.
    func repaired(
        beating incumbent: Double?, o2To: String = "2026-04-12", o1Capacity: Int = 1,
        scope: DecomposedSolve.RepairScope? = nil, masterBound: Double? = nil
    ) throws -> (
        DecomposedSolve.Incumbent?, DecomposedSolve.Run, pair: (Int, String) -> Int, o2: Int
    ) {
        let instance = Self.instance(o2To: o2To, o1Capacity: o1Capacity)
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let c = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: c)
        let groups = CapacityGroup.groups(instance: instance, candidates: c, pairs: pairs)
        var master = PairMaster(
            instance: instance, policy: policy, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let solve = DecomposedSolve(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget())
        let placed = solve.objective(.placed(weights: []), level: 0, instance: instance, master: master)
        solve.hold(placed, level: 0, at: 3, master: &master)
        let early = solve.objective(.early, level: 1, instance: instance, master: master)
        func pair(_ participant: Int, _ offer: String) -> Int {
            pairs.pairs.indices.first {
                pairs.pairs[$0].participant == participant
                    && c.offers[c.stays[pairs.pairs[$0].firstStay].offer.rawValue].offer.id == offer
            }!
        }
        var groupOfPair = [Int?](repeating: nil, count: pairs.pairs.count)
        for (g, group) in groups.enumerated() { for q in group.pairs { groupOfPair[q] = g } }
        try #require(groups.count == 2, "one capacity group per offer")
        let o2 = try #require(groupOfPair[pair(1, "o2")])
        var values = [Double](repeating: 0, count: master.model.columnCount)
        for q in [pair(0, "o1"), pair(1, "o2"), pair(2, "o2")] { values[q] = 1 }
        let context = DecomposedSolve.Context(pairs: pairs, groups: groups, groupOfPair: groupOfPair, earlyFrom: 1)
        var run = DecomposedSolve.Run(master: master, context: context)
        // The loop time-indexes the failed group before it repairs.
        run.master.timeIndex(group: o2)
        let inc = incumbent.map { DecomposedSolve.Incumbent(values: values, starts: [:], value: $0) }
        let found =
            try scope.map {
                try solve.earlyRepair(
                    values, failed: [o2], level: 1, objective: early, extraRows: [], incumbent: inc, cap: 30,
                    scope: $0, run: &run)
            }
            ?? solve.earlyRepairs(
                values, failed: [o2], level: 1, objective: early, extraRows: [], incumbent: inc, cap: 30,
                masterBound: masterBound, run: &run)
        return (found, run, pair, o2)
    }

    @Test func theRepairKeepsTheScheduledGroupAndStartsTheFailedOneExactly() throws {
        // a stays at o1 from week 0; b and c share o2, weeks 0 and 3: early 0 + 0 + 3 = 3.
        let (found, run, pair, _) = try repaired(beating: nil)
        let repaired = try #require(found)
        #expect(repaired.value == 3)
        #expect(repaired.values[pair(0, "o1")] == 1)
        #expect(repaired.starts[pair(0, "o1")] == 0)
        #expect([pair(1, "o2"), pair(2, "o2")].map { repaired.starts[$0] ?? -1 }.sorted() == [0, 3])
        // Its values are a point of the master as it is (the same columns).
        #expect(repaired.values.count == run.master.model.columnCount)
    }

    @Test func theRepairMustBeatTheIncumbent() throws {
        // 3 is the best with a at o1: nothing beats an incumbent of 3, and one of 4 is beaten.
        #expect(try repaired(beating: 3).0 == nil)
        #expect(try repaired(beating: 4).0?.value == 3)
    }

    @Test func aRepairShortOfTheMastersBoundIsWidenedToo() throws {
        // o1 takes two at once: the cheap repair keeps o1 as it is (a alone) and puts b and c at
        // o2, weeks 0 and 3 (early 3); the widened one lets one of them join a at o1 in week 0
        // (early 0, the master's bound). Without the bound the cheap repair's 3 is kept.
        #expect(try repaired(beating: nil, o1Capacity: 2).0?.value == 3)
        let (found, _, pair, _) = try repaired(beating: nil, o1Capacity: 2, masterBound: 0)
        let widened = try #require(found)
        #expect(widened.value == 0)
        #expect(widened.values[pair(0, "o1")] == 1)
        #expect([pair(1, "o1"), pair(2, "o1")].filter { widened.values[$0] > 0.5 }.count == 1)
        // A bound the cheap repair meets: no widened repair, its solution kept.
        #expect(try repaired(beating: nil, o1Capacity: 2, masterBound: 3).0?.value == 3)
    }

    @Test func theWidenedRepairMovesAParticipantIntoAGroupThatScheduled() throws {
        // o2 is open for 3 weeks only: one stay fits there. The cheap repair keeps o1 as it is
        // (a alone) and cannot place b and c both; the widened one lets one of them join a at o1,
        // whose group then fails at first weeks and is time-indexed: from week 3, early 0 + 0 + 3
        // = 3, placed 3 held.
        #expect(try repaired(beating: nil, o2To: "2026-03-22", scope: .failedGroups).0 == nil)
        let (found, run, pair, _) = try repaired(beating: nil, o2To: "2026-03-22")
        #expect(run.master.timeIndexed.count == 2)
        let repaired = try #require(found)
        #expect(repaired.value == 3)
        #expect(repaired.starts[pair(0, "o1")] == 0)
        let atO1 = [pair(1, "o1"), pair(2, "o1")].filter { repaired.values[$0] > 0.5 }
        #expect(atO1.count == 1 && atO1.allSatisfy { repaired.starts[$0] == 3 })
    }

    @Test func theEarlyLevelsSearchRepairsWhatDoesNotStartFirst() throws {
        // One offer of capacity 1 that a and b want for 3 of its 6 weeks: the first `early`
        // master starts both in week 0 (bound 3, the weeks one of them must wait:
        // OverflowBoundTests), which does not schedule; the repair, with the group time-indexed,
        // finds 0 + 3, which meets that bound.
        let r = EarlyDecompositionTests.round(offers: ["o"], preferences: ["o"])
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (outcome, lines) = try OptimisticHoldTests().decomposed(r, policy)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 3])
        #expect(lines.contains("  early repair: 3.0"), "\(lines.filter { $0.contains("repair") })")
    }

    @Test func aLaterLevelsFirstMasterMustBeatTheSolutionInHand() throws {
        // `worst_rank` comes after a weighted `placed` (not integral; with no optimistic hold of
        // its own here, `largestFractionalHold` 0) and before `rank`: its first master is the
        // optimistic hold's, and the
        // solution `placed` ended with is its incumbent (a cutoff row). Seed 12 of the generated
        // 200 × 50 under the rich policy: without it that master searched 31 s for a point at the
        // solution's own value, and the run ended there.
        var r = instance
        r.participants[0].attributes = [("fewer_opportunities", .bool(true))]
        let fewer = Selector([("fewer_opportunities", .bool(true))])
        let policy = Policy(
            objective: [.placed(weights: [PlacedWeight(who: fewer, weight: 1.5)]), .worstRank, .rank(cost: .linear)],
            quotas: [])
        let solver = MasterRecorder()
        let (outcome, _) = try OptimisticHoldTests().decomposed(r, policy, solver: solver, largestFractionalHold: 0)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal, .optimal])
        // Two at o2 (weeks 0 and 3), one at o1 (their second choice): placed 1.5 + 1 + 1, worst
        // rank 2, rank 0 + 0 + 1 (ranks count from the first choice's 0).
        #expect(outcome.levels.map { ($0.value ?? .nan).rounded() } == [4, 2, 1])
        #expect(abs((outcome.levels[0].value ?? 0) - 3.5) < 1e-9)
        // The first master of each level: `placed`'s beats the greedy's solution, `worst_rank`'s
        // the solution `placed` ended with.
        #expect(solver.masters.first?.cutoff == true)
        let firstLater = try #require(solver.masters.first { $0.sense == .minimize })
        #expect(firstLater.cutoff)
    }
}
