import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The feasibility pump on a large master's first solve under the greedy's
/// cutoff (``DecomposedSolve/pumpUnderCutoffColumns``): the shared
/// 1,000 × 250 round's first rich-policy master found no point in 59 s
/// without it, its optimum in 16 s with it.
@Suite struct PumpUnderCutoffTests {
    /// The first master of `placed` under the greedy's cutoff, with the pump threshold at `columns`.
    func firstMaster(pumpUnderCutoffColumns columns: Int) throws -> (cutoff: Bool, pump: Int?) {
        let r = OptimisticHoldTests().threeInSixWeeks()
        let policy = Policy(objective: [.placed(weights: [])], quotas: [])
        let solver = MasterRecorder()
        var solve = DecomposedSolve(solver: solver, options: SolverOptions(), budget: SolveBudget(limit: 30))
        solve.pumpUnderCutoffColumns = columns
        let outcome = try solve.solve(
            instance: r, policy: policy, candidates: CandidateSet(instance: r, policy: policy))
        // Two of three fit in the six weeks: the greedy's 2 is optimal.
        #expect(outcome.levels.map(\.value) == [2])
        let first = try #require(solver.masters.first)
        return (first.cutoff, first.options.pumpAfterNodes)
    }

    @Test func aLargeMastersFirstSolveUnderTheCutoffMayStartThePump() throws {
        let large = try firstMaster(pumpUnderCutoffColumns: 1)
        #expect(large.cutoff)
        #expect(large.pump == DecomposedSolve.pumpAfterNodes)
    }

    @Test func aSmallMastersFirstSolveUnderTheCutoffDoesNot() throws {
        let small = try firstMaster(pumpUnderCutoffColumns: 10_000)
        #expect(small.cutoff)
        #expect(small.pump == nil)
    }
}
