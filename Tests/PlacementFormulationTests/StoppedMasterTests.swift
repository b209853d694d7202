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
    /// 1.9999999999999. The greedy's 2 meets that bound, so `placed` is
    /// proven (it was reported `feasible` with gap 0); `rank`, never
    /// searched, is not.
    @Test func aStoppedMastersBoundIsTheLevels() throws {
        var budget = SolveBudget(limit: 30)
        budget.log = nil
        let instance = lexicographicRound()
        let candidates = CandidateSet(instance: instance, policy: .default)
        let outcome = try DecomposedSolve(solver: RootOnlySolver(), options: SolverOptions(), budget: budget)
            .solve(instance: instance, policy: .default, candidates: candidates)
        #expect(outcome.levels[0].status == .optimal)
        #expect(outcome.levels[0].value == 2)
        #expect(outcome.levels[0].bound == 2)
        #expect(outcome.levels[1].status == .notSolved)
    }

    /// A level whose kept value meets its bound is proven only while the
    /// levels before it are: a later level's bound holds with them at
    /// their optima.
    @Test func metBoundsCloseLevelsInOrder() {
        let placed = LevelObjective(
            goal: .placed(weights: []), sense: .maximize, terms: [(ColumnIndex(0), 1)], isIntegral: true)
        let rank = LevelObjective(
            goal: .rank(cost: .linear), sense: .minimize, terms: [(ColumnIndex(0), 1)], isIntegral: true)
        func level(_ goal: Goal, _ status: LevelOutcome.Status, _ value: Double, _ bound: Double) -> LevelOutcome {
            LevelOutcome(
                goal: goal, status: status, value: value, bound: bound, termination: .timeLimit, seconds: 0, nodes: 0)
        }
        var met = [level(placed.goal, .feasible, 946, 946.4), level(rank.goal, .feasible, 1_246, 1_245.6)]
        DecomposedSolve.closingMetBounds(&met, [placed, rank])
        #expect(met.map(\.status) == [.optimal, .optimal])
        #expect(met.map(\.bound) == [946, 1_246])
        var open = [level(placed.goal, .feasible, 945, 946.4), level(rank.goal, .feasible, 1_246, 1_246)]
        DecomposedSolve.closingMetBounds(&open, [placed, rank])
        #expect(open.map(\.status) == [.feasible, .feasible])
    }

    /// A search stopped with a solution that meets its bound is proven,
    /// so the run goes on to the next level: GLPK searched on under 2.4
    /// with 2 in hand, not knowing that `placed` is integral.
    @Test func aStoppedSearchAtItsBoundIsProven() {
        let placed = LevelObjective(
            goal: .placed(weights: []), sense: .maximize, terms: [(ColumnIndex(0), 1)], isIntegral: true)
        var s = DecomposedSolve.LevelSearch()
        s.incumbent = DecomposedSolve.Incumbent(values: [1], starts: [:], value: 2)
        s.bound = 2.4
        s.termination = .timeLimit
        s.closeIfBoundMet(placed)
        #expect(s.proven)
        #expect(s.bound == 2)
        var short = DecomposedSolve.LevelSearch()
        short.incumbent = DecomposedSolve.Incumbent(values: [1], starts: [:], value: 2)
        short.bound = 3
        short.closeIfBoundMet(placed)
        #expect(!short.proven)
        #expect(short.bound == 3)
    }
}
