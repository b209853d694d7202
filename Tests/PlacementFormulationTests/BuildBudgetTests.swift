import Foundation
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Model building inside the run's budget (issue 14, item 9): a round blown
/// up by a year typo (2926) took 65 s to build past `--time-limit 30`.
@Suite struct BuildBudgetTests {
    /// Ten participants and two offers open for twenty years: about 20,000
    /// candidate stays, enough for ``BuildCheck`` to poll the budget.
    static func longRound() -> Instance {
        let people = (1...10).map { participant("P\($0)", from: "2026-03-02", to: "2046-03-02", weeks: 4) }
        return round(
            people,
            [
                host("H1", offers: [offer("H1/o", from: "2026-03-02", to: "2046-03-02", capacity: 2)]),
                host("H2", offers: [offer("H2/o", from: "2026-03-02", to: "2046-03-02", capacity: 1)]),
            ])
    }

    @Test func aSpentBudgetStopsTheDirectModelBeingBuilt() {
        let instance = Self.longRound()
        let candidates = CandidateSet(instance: instance, policy: .default)
        #expect(candidates.stays.count > 4 * BuildCheck.every)
        let full = DirectFormulation(instance: instance, policy: .default, candidates: candidates)
        #expect(!full.stopped && full.model.columnCount == candidates.stays.count)
        let live = DirectFormulation(
            instance: instance, policy: .default, candidates: candidates, budget: SolveBudget(limit: 600))
        #expect(!live.stopped && live.model.rowCount == full.model.rowCount)
        let spent = DirectFormulation(
            instance: instance, policy: .default, candidates: candidates,
            budget: SolveBudget(limit: nil, shouldStop: { true }))
        #expect(spent.stopped)
        #expect(spent.model.columnCount <= BuildCheck.every)
    }

    /// Nothing is solved on a partial master; the plain greedy's solution is
    /// kept (issue 15: a run cut short keeps at least the greedy's): the ten
    /// participants fit, two at a time at H1 and one at H2.
    @Test func aSpentBudgetStopsTheMasterBeingBuiltAndTheGreedyIsKept() throws {
        let instance = Self.longRound()
        let candidates = CandidateSet(instance: instance, policy: .default)
        let solver = StallingSolver()
        var budget = SolveBudget(limit: 0.000_001)
        budget.log = nil
        let outcome = try DecomposedSolve(solver: solver, options: SolverOptions(), budget: budget)
            .solve(instance: instance, policy: .default, candidates: candidates)
        #expect(solver.limits.isEmpty, "no solve starts on a partial master")
        #expect(outcome.chosen?.count == 10)
        #expect(!outcome.interrupted)
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
        #expect(outcome.levels.first?.termination == .timeLimit)
        #expect(outcome.levels.map(\.value) == [10, 0])
        #expect(outcome.levels.allSatisfy { $0.bound == nil })
    }

    @Test func aStopWhileBuildingIsReportedAsInterrupted() {
        let outcome = LexicographicDriver.stoppedWhileBuilding(
            Policy.default.objective, budget: SolveBudget(limit: nil, shouldStop: { true }))
        #expect(outcome.interrupted)
        #expect(outcome.values == nil)
        #expect(outcome.levels.map(\.status) == [.timeLimit, .notSolved])
        #expect(outcome.levels.first?.termination == .interrupted)
    }
}
