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
    /// Records, for every integer pair master, whether it has a cutoff row
    /// and after how many nodes with no point it would start the pump.
    final class Recorder: LinearSolver, @unchecked Sendable {
        var name: String { "GLPK, recorded" }
        private(set) var masters: [(cutoff: Bool, pump: Int?)] = []
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if model.name == "allvet-pairs", model.hasIntegerColumns {
                masters.append((model.rows.contains { $0.name == "cutoff" }, options.pumpAfterNodes))
            }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    /// The first master of `placed` under the greedy's cutoff, with the pump threshold at `columns`.
    func firstMaster(pumpUnderCutoffColumns columns: Int) throws -> (cutoff: Bool, pump: Int?) {
        let r = OptimisticHoldTests().threeInSixWeeks()
        let policy = Policy(objective: [.placed(weights: [])], quotas: [])
        let solver = Recorder()
        var solve = DecomposedSolve(solver: solver, options: SolverOptions(), budget: SolveBudget(limit: 30))
        solve.pumpUnderCutoffColumns = columns
        let outcome = try solve.solve(
            instance: r, policy: policy, candidates: CandidateSet(instance: r, policy: policy))
        // Two of three fit in the six weeks: the greedy's 2 is optimal.
        #expect(outcome.levels.map(\.value) == [2])
        return try #require(solver.masters.first)
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
