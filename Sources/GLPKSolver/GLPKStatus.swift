internal import CGLPK
import LinearModel

/// What a GLPK solver call ended with, in the terms of ``SolveResult``.
enum GLPKOutcome: Equatable {
    /// A result to report.
    case result(TerminationReason, PrimalStatus, String)
    /// The relaxation has no dual feasible solution: the model is unbounded
    /// or infeasible; the caller decides which with a feasibility solve.
    case unboundedOrInfeasible(String)
    /// GLPK failed; the caller throws ``GLPKError``.
    case failure(returnCode: Int32, String)
}

/// The status table for `glp_intopt`: its return code × `glp_mip_status`.
///
/// | return code | mip status | termination | primal |
/// |---|---|---|---|
/// | 0 | `GLP_OPT` | optimal | optimal |
/// | 0 | `GLP_NOFEAS` | infeasible | none |
/// | `GLP_ETMLIM` | `GLP_FEAS` / other | timeLimit | feasible / none |
/// | `GLP_EMIPGAP` | `GLP_FEAS` | gapLimit | feasible (bound reported) |
/// | `GLP_ESTOP` | `GLP_FEAS` / other | interrupted | feasible / none |
/// | `GLP_ENOPFS` | – | infeasible (presolver or relaxation) | none |
/// | `GLP_ENODFS` | – | unbounded or infeasible: decided by the caller | none |
/// | `GLP_EFAIL` | `GLP_FEAS` | numericalFailure | feasible |
/// | `GLP_EFAIL` | other | thrown ``GLPKError`` | – |
/// | `GLP_EBOUND`, `GLP_EROOT`, others | – | thrown ``GLPKError`` (a wrapper bug) | – |
///
/// `GLP_EMIPGAP` is *not* reported as optimal: the caller asked for a gap,
/// so the point is feasible and ``SolveResult/bound`` carries the proof.
func mipOutcome(returnCode rc: Int32, mipStatus: Int32) -> GLPKOutcome {
    let point: PrimalStatus = (mipStatus == GLP_FEAS || mipStatus == GLP_OPT) ? .feasible : .none
    switch rc {
    case 0:
        switch mipStatus {
        case GLP_OPT: return .result(.optimal, .optimal, "integer optimal solution found")
        case GLP_NOFEAS: return .result(.infeasible, .none, "problem has no integer feasible solution")
        case GLP_FEAS: return .result(.other, .feasible, "integer feasible solution found, optimality not proven")
        default: return .result(.other, .none, "integer solution is undefined")
        }
    case GLP_ETMLIM: return .result(.timeLimit, point, "time limit exceeded")
    case GLP_EMIPGAP: return .result(.gapLimit, point, "relative mip gap tolerance reached")
    case GLP_ESTOP: return .result(.interrupted, point, "search terminated by application")
    case GLP_ENOPFS: return .result(.infeasible, .none, "LP relaxation has no primal feasible solution")
    case GLP_ENODFS: return .unboundedOrInfeasible("LP relaxation has no dual feasible solution")
    case GLP_EFAIL where point == .feasible:
        return .result(
            .numericalFailure, .feasible, "the search was stopped by a solver failure; the incumbent is kept")
    case GLP_EFAIL:
        return .failure(returnCode: rc, "the search was stopped by a solver failure before any integer point was found")
    case GLP_EBOUND:
        return .failure(
            returnCode: rc,
            "an integer column has invalid bounds (validation should have caught this; please report it)")
    case GLP_EROOT:
        return .failure(
            returnCode: rc, "no optimal basis of the LP relaxation was provided (a wrapper bug; please report it)")
    default: return .failure(returnCode: rc, "unexpected return code")
    }
}

/// The status table for `glp_simplex`: its return code × `glp_get_status`
/// (and `glp_get_prim_stat` for the point after a limit).
///
/// | return code | status | termination | primal |
/// |---|---|---|---|
/// | 0 | `GLP_OPT` | optimal | optimal |
/// | 0 | `GLP_NOFEAS` | infeasible | none |
/// | 0 | `GLP_UNBND` with a primal feasible point | unbounded | none |
/// | 0 | `GLP_UNBND` otherwise | unbounded or infeasible: decided by the caller | none |
/// | `GLP_ETMLIM`, `GLP_EITLIM` | – | timeLimit / other | feasible if primal feasible |
/// | `GLP_ENOPFS` | – | infeasible (presolver) | none |
/// | `GLP_ENODFS` | – | unbounded or infeasible: decided by the caller | none |
/// | `GLP_ESING`, `GLP_ECOND` | – | numericalFailure | none |
/// | `GLP_EFAIL`, `GLP_EBADB`, `GLP_EBOUND`, others | – | thrown ``GLPKError`` | – |
func simplexOutcome(returnCode rc: Int32, status: Int32, primalFeasible: Bool) -> GLPKOutcome {
    let point: PrimalStatus = primalFeasible ? .feasible : .none
    switch rc {
    case 0:
        switch status {
        case GLP_OPT: return .result(.optimal, .optimal, "optimal solution found")
        case GLP_NOFEAS: return .result(.infeasible, .none, "problem has no primal feasible solution")
        case GLP_UNBND where primalFeasible: return .result(.unbounded, .none, "problem has unbounded solution")
        case GLP_UNBND: return .unboundedOrInfeasible("problem has no dual feasible solution")
        default: return .result(.other, point, "simplex stopped with solution status \(status)")
        }
    case GLP_ETMLIM: return .result(.timeLimit, point, "time limit exceeded")
    case GLP_EITLIM: return .result(.other, point, "iteration limit exceeded")
    case GLP_ENOPFS: return .result(.infeasible, .none, "presolver: problem has no primal feasible solution")
    case GLP_ENODFS: return .unboundedOrInfeasible("presolver: problem has no dual feasible solution")
    case GLP_ESING, GLP_ECOND: return .result(.numericalFailure, .none, "basis matrix is singular or ill-conditioned")
    case GLP_EFAIL: return .failure(returnCode: rc, "the simplex solver failed")
    default: return .failure(returnCode: rc, "unexpected return code")
    }
}
