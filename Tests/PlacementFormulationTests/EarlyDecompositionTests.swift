import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The `early` goal in the decomposition (issue 15, part 2): the master
/// counts each pair from its first week, a group schedules only on its
/// pairs' first weeks, and a group that cannot is time-indexed, which
/// also extends the rows that hold `early` for the levels after it.
@Suite struct EarlyDecompositionTests {
    /// a and b want 3 weeks in a 6-week window (2026-03-02…04-12) at offers
    /// of capacity 1, listed in `preferences` order.
    static func round(offers: [String], capacities: [Int]? = nil, preferences: [String]) -> Instance {
        let ps = ["a", "b"].map { participant($0, to: "2026-04-12", weeks: 3, preferences: preferences) }
        let hosts = offers.enumerated().map { i, o in
            host("h-\(o)", offers: [offer(o, to: "2026-04-12", capacity: capacities?[i] ?? 1)])
        }
        return PlacementFormulationTests.round(ps, hosts)
    }

    @Test func aGroupWhoseStaysCannotAllStartFirstIsTimeIndexed() throws {
        // One offer: the master counts both stays from week 0 (early 0), but only one fits there;
        // the other starts in week 3. Optimum: placed 2, early 0 + 3 = 3.
        let r = Self.round(offers: ["o"], preferences: ["o"])
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (outcome, _) = try OptimisticHoldTests().decomposed(r, policy)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 3])
        #expect(outcome.statistics.timeIndexedGroups == 1)
        let c = CandidateSet(instance: r, policy: policy)
        #expect(outcome.chosen.map { $0.map { c.stays[$0].start }.sorted() } == [0, 3])
    }

    @Test func aHeldEarlyLevelCountsTheStartColumnsAddedAfterIt() throws {
        // Both prefer o1 (capacity 1); o2 takes both. `early` is 0 wherever they go, and its search
        // ends on a solution that leaves o1 as it is (both at o2). `rank` would then put both at o1
        // (rank 0), which needs week 3 for one of them: the hold of early 0 must see that start
        // once o1 is time-indexed. Optimum: placed 2, early 0, rank 1 (one at each, week 0). Without
        // the hold's new terms the result is early 3, rank 0.
        let r = Self.round(offers: ["o2", "o1"], capacities: [2, 1], preferences: ["o1", "o2"])
        let policy = Policy(objective: [.placed(weights: []), .early, .rank(cost: .linear)], quotas: [])
        let (outcome, _) = try OptimisticHoldTests().decomposed(r, policy)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 0, 1])
        let c = CandidateSet(instance: r, policy: policy)
        #expect(outcome.chosen.map { $0.map { c.stays[$0].start } } == [0, 0])
    }

    @Test func earlyMastersSearchDepthFirstAndTheOthersDoNot() throws {
        // The round of the first test: `placed` (maximised) needs one master, `early` (minimised)
        // one with no incumbent (the repair's solution meets its bound).
        let r = Self.round(offers: ["o"], preferences: ["o"])
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let solver = MasterRecorder()
        var budget = SolveBudget(limit: 30)
        budget.log = nil
        let outcome = try DecomposedSolve(solver: solver, options: SolverOptions(), budget: budget)
            .solve(instance: r, policy: policy, candidates: CandidateSet(instance: r, policy: policy))
        #expect(outcome.levels.map(\.value) == [2, 3])
        let placed = solver.masters.filter { $0.sense == .maximize }
        let early = solver.masters.filter { $0.sense == .minimize }
        #expect(!placed.isEmpty && !early.isEmpty)
        #expect(
            placed.allSatisfy {
                !$0.options.depthFirst && $0.options.depthFirstAfterNodes == DecomposedSolve.diveAfterNodes
            })
        #expect(early.allSatisfy { $0.options.depthFirst && !$0.cutoff })
    }

    @Test func earlyMastersUnderACutoffSearchBestBoundFirst() throws {
        // The same round with `placed` held at 2 and a solution in hand (a in week 0, b in week 3:
        // early 3, the optimum): the master must beat it, so a dive has nothing to find; best
        // bound proves it (here at once: nothing beats 3).
        let (master, _, early) = try OverflowBoundTests().master()
        let solver = MasterRecorder()
        let solve = DecomposedSolve(solver: solver, options: SolverOptions(), budget: SolveBudget())
        let context = DecomposedSolve.Context(
            pairs: master.pairs, groups: master.groups, groupOfPair: [0, 0], earlyFrom: 1)
        var run = DecomposedSolve.Run(master: master, context: context)
        var values = [Double](repeating: 0, count: master.model.columnCount)
        values[0] = 1
        values[1] = 1
        let inHand = DecomposedSolve.Incumbent(values: values, starts: [0: 0, 1: 3], value: 3)
        let s = try solve.search(level: 1, early, extraRows: [], firstMasterOnly: false, initial: inHand, run: &run)
        #expect(s.proven && s.incumbent?.value == 3)
        #expect(!solver.masters.isEmpty)
        #expect(solver.masters.allSatisfy { $0.cutoff && !$0.options.depthFirst })
    }
}
