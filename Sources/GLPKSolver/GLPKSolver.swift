internal import CGLPK
import LinearModel

/// Solves ``LinearModel``s with GLPK (the GNU Linear Programming Kit).
///
/// Each call to ``solve(_:options:)`` validates the model, creates a GLPK
/// problem, solves it and deletes it before returning, all on the calling
/// thread; it then frees that thread's GLPK environment. Calls on different
/// threads are independent, so the solver may be used from many threads at
/// once. Models with integer columns go to `glp_intopt`, others to
/// `glp_simplex`.
///
/// Start points (``SolverOptions/start``): GLPK's MIP presolver changes the
/// columns the branch-and-cut callback sees, so a start in the model's
/// columns cannot be injected when it runs. When a start is given and
/// passes the check (right length, every bound, row and integrality violated
/// by at most 1e-6), the solve therefore skips the MIP presolver: it solves
/// the LP relaxation with `glp_simplex` and then runs `glp_intopt` without
/// presolve, offering the start at the first heuristic call
/// (`glp_ios_heur_sol`). A start that fails the check is ignored (the log,
/// if set, says why) and the solve runs as without one.
///
/// A model without integer columns solved to optimality comes with its row
/// duals, reduced costs and final basis (``SolveResult/rowDuals``,
/// ``SolveResult/basis``), read from GLPK's basic solution (after the LP
/// presolver's recovery when it ran). Such a model starts from
/// ``SolverOptions/basis`` when one is given and GLPK can factorise it
/// (`glp_warm_up`), without the LP presolver, with the primal simplex when
/// that basis is primal feasible and the dual one when only dual feasible.
///
/// Not supported by GLPK's simplex: ``SolverOptions/shouldStop`` and
/// ``SolverOptions/progress`` apply to branch and cut only.
public struct GLPKSolver: LinearSolver {
    public init() {}

    /// "GLPK 5.0": the version of the GLPK headers the wrapper was built
    /// with (asking the library would create a GLPK environment).
    public var name: String { "GLPK \(GLP_MAJOR_VERSION).\(GLP_MINOR_VERSION)" }

    /// Solves `model`. Throws ``ModelValidationError`` for an invalid model
    /// and ``GLPKError`` when GLPK fails; infeasible and unbounded models are
    /// results. The objective in the result is recomputed from the values.
    public func solve(_ model: LinearModel, options: SolverOptions = SolverOptions()) throws -> SolveResult {
        try model.validate()
        if let result = Self.trivialResult(model) { return result }
        let clock = ContinuousClock()
        let started = clock.now
        let remaining: () -> Double? = {
            options.timeLimit.map { max(0, $0 - Double((clock.now - started) / .milliseconds(1)) / 1000) }
        }
        let log = GLPKLog(sink: options.log)
        return try withGLPKEnvironment(log: log) {
            let problem = GLPKProblem()
            problem.load(model)
            let run = GLPKRun(model: model, options: options, log: log, remaining: remaining)
            return try model.hasIntegerColumns ? run.solveMIP(problem) : run.solveLP(problem)
        }
    }

    /// Results decided without GLPK: a model with no columns (feasible when
    /// every row admits activity 0), and a model with an integer column whose
    /// rounded bounds cross.
    static func trivialResult(_ model: LinearModel) -> SolveResult? {
        if model.columnCount == 0 {
            guard model.maxViolation([]) <= 1e-9 else {
                return SolveResult.noSolution(.infeasible, message: "a row with no columns excludes activity 0")
            }
            // No columns: every row's dual is 0 (nothing moves the objective).
            return SolveResult(
                termination: .optimal, primal: .optimal, objective: model.objectiveConstant,
                bound: model.objectiveConstant, values: [], message: "model has no columns",
                rowDuals: [Double](repeating: 0, count: model.rowCount),
                basis: Basis(rows: [Basis.Status](repeating: .basic, count: model.rowCount), columns: []))
        }
        if let c = model.firstEmptyIntegerColumn {
            let column = model[c]
            return SolveResult.noSolution(
                .infeasible,
                message:
                    "integer column \(c.rawValue) (\(column.name)) has no integer value in [\(column.lower), \(column.upper)]"
            )
        }
        return nil
    }
}
