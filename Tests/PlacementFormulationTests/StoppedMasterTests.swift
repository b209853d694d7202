import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// A master stopped by the time limit before it found a point still passes
/// its bound on (DecomposedSearch.swift): the budgeted 1,000 × 250 with
/// travel groups reported `placed` 885 with no bound, where its last master
/// had proven 901.
@Suite struct StoppedMasterTests {
    /// GLPK for LPs; a model with integer columns stops as GLPK does at a
    /// time limit after its root: no point, the LP relaxation's optimum as
    /// its bound.
    struct RootOnlySolver: LinearSolver {
        var name: String { "GLPK, root LP only" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            guard model.columns.contains(where: \.isInteger) else {
                return try GLPKSolver().solve(model, options: options)
            }
            var lp = model
            for j in 0..<lp.columnCount { lp[ColumnIndex(j)].isInteger = false }
            var stopped = SolveResult.noSolution(.timeLimit)
            // As GLPK reports an integral bound, within its tolerance.
            stopped.bound = try GLPKSolver().solve(lp, options: options).objective.map { $0 - 1e-13 }
            return stopped
        }
    }

    /// `lexicographicRound()`: every master stops at its root LP (2 places,
    /// a at o1 and b at o2). The run keeps the greedy's solution (2 placed)
    /// and reports the masters' bound for `placed`: 2, not the solver's
    /// 1.9999999999999.
    @Test func aStoppedMastersBoundIsTheLevels() throws {
        var budget = SolveBudget(limit: 30)
        budget.log = nil
        let instance = lexicographicRound()
        let candidates = CandidateSet(instance: instance, policy: .default)
        let outcome = try DecomposedSolve(solver: RootOnlySolver(), options: SolverOptions(), budget: budget)
            .solve(instance: instance, policy: .default, candidates: candidates)
        #expect(outcome.levels[0].status == .feasible)
        #expect(outcome.levels[0].value == 2)
        #expect(outcome.levels[0].bound == 2)
    }
}
