internal import CGLPK
import LinearModel

/// GLPK's time limit (ms, a C int) for the seconds left; nil means none.
func glpkMilliseconds(_ seconds: Double?) -> Int32 {
    guard let seconds else { return Int32.max }
    let ms = (seconds * 1000).rounded(.up)
    return ms.isNaN ? 1 : Int32(min(Double(Int32.max), max(1, ms)))
}

/// Simplex parameters: quiet unless a log is wanted.
func simplexParameters(presolve: Bool, timeLimit: Double?, logging: Bool) -> glp_smcp {
    var p = glp_smcp()
    glp_init_smcp(&p)
    p.msg_lev = logging ? GLP_MSG_ON : GLP_MSG_ERR
    p.presolve = presolve ? GLP_ON : GLP_OFF
    p.tm_lim = glpkMilliseconds(timeLimit)
    return p
}

/// Branch-and-cut parameters.
///
/// GLPK's API defaults leave presolve, cuts and heuristics off; these are
/// the settings that solve all 60 OR-Library GAP instances (gap1–gap12) to
/// proven optimality: hybrid pseudocost branching, best-local-bound
/// backtracking (depth first when ``SolverOptions/depthFirst`` asks), all
/// four cut families (when `options.cuts`), the feasibility pump and
/// simple rounding. Proximity search stays off (it
/// spends its own time limit on every solve).
func intoptParameters(
    options: SolverOptions, presolve: Bool, timeLimit: Double?, logging: Bool,
    search: UnsafeMutableRawPointer?
) -> glp_iocp {
    var p = glp_iocp()
    glp_init_iocp(&p)
    p.msg_lev = logging ? GLP_MSG_ON : GLP_MSG_ERR
    p.presolve = presolve ? GLP_ON : GLP_OFF
    p.br_tech = GLP_BR_PCH
    p.bt_tech = options.depthFirst ? GLP_BT_DFS : GLP_BT_BLB
    let cuts = options.cuts ? GLP_ON : GLP_OFF
    p.gmi_cuts = cuts
    p.mir_cuts = cuts
    p.cov_cuts = cuts
    p.clq_cuts = cuts
    p.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
    p.sr_heur = GLP_ON
    p.ps_heur = GLP_OFF
    p.mip_gap = max(0, options.mipGap)
    p.tm_lim = glpkMilliseconds(timeLimit)
    if let search {
        p.cb_func = searchCallback
        p.cb_info = search
    }
    return p
}
