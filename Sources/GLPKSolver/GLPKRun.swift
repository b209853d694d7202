internal import CGLPK
import LinearModel

/// One solve's steps on a loaded ``GLPKProblem``: the LP and MIP paths, the
/// check of the start point, the decision between unbounded and infeasible,
/// and reading the result.
struct GLPKRun {
    let model: LinearModel
    let options: SolverOptions
    let log: GLPKLog
    /// Seconds left of the time limit; nil for none.
    let remaining: () -> Double?

    /// Largest violation a start point may have.
    static let startTolerance = 1e-6

    func solveLP(_ problem: borrowing GLPKProblem) throws -> SolveResult {
        let rc = simplexFromStart(problem, presolve: options.presolve)
        let outcome = simplexOutcome(returnCode: rc, status: problem.lpStatus, primalFeasible: problem.lpPrimalFeasible)
        switch outcome {
        case .failure(let code, let message):
            throw GLPKError(routine: "glp_simplex", returnCode: Int(code), message: message)
        case .unboundedOrInfeasible(let message):
            return decideUnbounded(problem, integer: false, reason: message)
        case .result(let termination, let primal, let message):
            let values = primal == .none ? [] : problem.lpValues(model)
            var r = result(termination, primal, message, values: values, bound: nil, nodes: 0)
            if primal == .optimal {
                (r.rowDuals, r.reducedCosts) = problem.lpDuals(model)
                r.basis = problem.basis(model)
            }
            return r
        }
    }

    /// The simplex from ``SolverOptions/basis`` when there is one that fits
    /// (``startBasis(_:)``), else from the problem's own start with
    /// `presolve`; its return code.
    private func simplexFromStart(_ problem: borrowing GLPKProblem, presolve: Bool) -> Int32 {
        let warm = startBasis(problem)
        var p = simplexParameters(presolve: presolve && warm == nil, timeLimit: remaining(), logging: log.isEnabled)
        if let warm { p.meth = warm }
        var rc = problem.simplex(&p)
        // glp_warm_up has factorised the start, so a failure here is numerical trouble on the way
        // (GLP_EFAIL; GLP_DUALP falls back to the primal simplex by itself, GLP_PRIMAL does not):
        // the LP is solved once more as without a start.
        if warm != nil, [GLP_EBADB, GLP_ESING, GLP_ECOND, GLP_EFAIL].contains(rc) {
            log.note(
                "start basis dropped: the simplex failed from it (return code \(rc)); solving from the standard basis")
            problem.standardBasis()
            p = simplexParameters(presolve: presolve, timeLimit: remaining(), logging: log.isEnabled)
            rc = problem.simplex(&p)
        }
        return rc
    }

    /// Sets ``SolverOptions/basis`` on the problem when it fits the model
    /// and GLPK can factorise it, and returns the simplex to start from it:
    /// the primal one when the basis is primal feasible (columns were
    /// added), else the dual one when it is dual feasible (rows were added),
    /// else the primal one. nil (the log says why) leaves the problem's own
    /// start and the caller's presolve setting.
    private func startBasis(_ problem: borrowing GLPKProblem) -> Int32? {
        guard let basis = options.basis else { return nil }
        if let why = basis.mismatch(with: model) {
            log.note("start basis ignored: " + why)
            return nil
        }
        problem.setBasis(basis)
        let rc = problem.warmUp()
        guard rc == 0 else {
            log.note("start basis dropped: GLPK cannot factorise it (return code \(rc))")
            problem.standardBasis()
            return nil
        }
        if problem.lpPrimalFeasible { return GLP_PRIMAL }
        return problem.lpDualFeasible ? GLP_DUALP : GLP_PRIMAL
    }

    func solveMIP(_ problem: borrowing GLPKProblem) throws -> SolveResult {
        let start = checkedStart()
        // A start basis is for the root LP, which the presolver would replace.
        let presolve = options.presolve && start == nil && options.basis == nil
        if !presolve {
            // glp_intopt without presolve needs an optimal basis of the relaxation.
            let rc = simplexFromStart(problem, presolve: false)
            switch simplexOutcome(returnCode: rc, status: problem.lpStatus, primalFeasible: problem.lpPrimalFeasible) {
            case .failure(let code, let message):
                throw GLPKError(routine: "glp_simplex", returnCode: Int(code), message: message)
            case .unboundedOrInfeasible(let message):
                if start != nil {
                    return result(
                        .unbounded, .none, "LP relaxation unbounded and the start is feasible", values: [], bound: nil,
                        nodes: 0)
                }
                return decideUnbounded(problem, integer: true, reason: message)
            case .result(.optimal, _, _):
                break
            case .result(.unbounded, _, _):
                // The relaxation is unbounded; the MIP is unbounded only if it has a point.
                if start != nil {
                    return result(
                        .unbounded, .none, "LP relaxation unbounded and the start is feasible", values: [], bound: nil,
                        nodes: 0)
                }
                return decideUnbounded(problem, integer: true, reason: "LP relaxation is unbounded")
            case .result(let termination, _, let message):
                return result(termination, .none, "LP relaxation: " + message, values: [], bound: nil, nodes: 0)
            }
        }
        var searching = options
        var remedy = Self.nextRemedy(searching)
        var (rc, search) = branchAndCut(
            problem, options: searching, start: start, presolve: presolve, giveUpAfterNodes: remedy?.afterNodes)
        var firstBound: Double? = nil
        // A search with no integer point after so many nodes starts again with the remedy asked
        // for: the feasibility pump first, then depth first (each at most once).
        while search.gaveUp, let next = remedy {
            log.note(
                "no integer point after \(search.nodes) nodes: starting again "
                    + (next.pump ? "with the feasibility pump" : "depth first"))
            firstBound = firstBound ?? search.bound
            if !presolve, let stopped = try relaxationAgain(problem, bound: search.bound, nodes: search.nodes) {
                return stopped
            }
            if next.pump { searching.feasibilityPump = true } else { searching.depthFirst = true }
            remedy = Self.nextRemedy(searching)
            (rc, search) = branchAndCut(
                problem, options: searching, start: start, presolve: presolve,
                giveUpAfterNodes: remedy?.afterNodes, nodesBefore: search.nodes)
        }
        switch mipOutcome(returnCode: rc, mipStatus: problem.mipStatus) {
        case .failure(let code, let message):
            throw GLPKError(routine: "glp_intopt", returnCode: Int(code), message: message)
        case .unboundedOrInfeasible(let message):
            return decideUnbounded(problem, integer: true, reason: message)
        case .result(let termination, let primal, let message):
            let values = primal == .none ? [] : problem.mipValues(model)
            return result(
                termination, primal, message, values: values, bound: search.bound ?? firstBound, nodes: search.nodes)
        }
    }

    /// The next remedy of a search with no integer point, and after how
    /// many nodes: the pump (``SolverOptions/pumpAfterNodes``) or depth first
    /// (``SolverOptions/depthFirstAfterNodes``), the pump first at equal
    /// counts; nil when none is left.
    static func nextRemedy(_ o: SolverOptions) -> (afterNodes: Int, pump: Bool)? {
        let pump = o.feasibilityPump ? nil : o.pumpAfterNodes.map { (afterNodes: $0, pump: true) }
        let dive = o.depthFirst ? nil : o.depthFirstAfterNodes.map { (afterNodes: $0, pump: false) }
        return [pump, dive].compactMap { $0 }.min { $0.afterNodes < $1.afterNodes }
    }

    /// Solves the relaxation again before a second `glp_intopt` without
    /// presolve, which refuses a relaxation that is not optimal
    /// (GLP_EROOT). After a stopped search GLPK 5.0 leaves it optimal and
    /// this takes no iterations, but GLPK does not document that. nil when
    /// it is optimal; else the result to return (a time limit, say).
    private func relaxationAgain(_ problem: borrowing GLPKProblem, bound: Double?, nodes: Int) throws -> SolveResult? {
        var p = simplexParameters(presolve: false, timeLimit: remaining(), logging: log.isEnabled)
        let rc = problem.simplex(&p)
        switch simplexOutcome(returnCode: rc, status: problem.lpStatus, primalFeasible: problem.lpPrimalFeasible) {
        case .failure(let code, let message):
            throw GLPKError(routine: "glp_simplex", returnCode: Int(code), message: message)
        case .result(.optimal, _, _):
            return nil
        case .result(let termination, _, let message):
            return result(
                termination, .none, "LP relaxation, solved again for the pump: " + message, values: [], bound: bound,
                nodes: nodes)
        case .unboundedOrInfeasible(let message):
            return result(
                .numericalFailure, .none, "LP relaxation, solved again for the pump: " + message, values: [],
                bound: bound, nodes: nodes)
        }
    }

    /// One `glp_intopt` with a callback that reports progress (nodes
    /// counted on from `nodesBefore`), offers `start` and stops on request
    /// or, without an incumbent, after `giveUpAfterNodes` nodes.
    private func branchAndCut(
        _ problem: borrowing GLPKProblem, options: SolverOptions, start: [Double]?, presolve: Bool,
        giveUpAfterNodes: Int?, nodesBefore: Int = 0
    ) -> (Int32, GLPKSearch) {
        let search = GLPKSearch(
            options: options, start: start, log: log, giveUpAfterNodes: giveUpAfterNodes, nodesBefore: nodesBefore)
        let parameters = UnsafeMutablePointer<glp_iocp>.allocate(capacity: 1)
        defer { parameters.deallocate() }
        parameters.initialize(
            to: intoptParameters(
                options: options, presolve: presolve, timeLimit: remaining(), logging: log.isEnabled,
                search: Unmanaged.passUnretained(search).toOpaque()))
        search.parameters = parameters
        let rc = withExtendedLifetime(search) { problem.intopt(parameters) }
        search.parameters = nil
        return (rc, search)
    }

    /// The start point, 1-based for `glp_ios_heur_sol`, if it is given and
    /// feasible; integer entries within 1e-6 of an integer are rounded.
    private func checkedStart() -> [Double]? {
        guard let start = options.start else { return nil }
        guard start.count == model.columnCount else {
            log.note("start point ignored: it has \(start.count) values for \(model.columnCount) columns")
            return nil
        }
        let rounded = start.indices.map { j in
            model.columns[j].isInteger && abs(start[j] - start[j].rounded()) <= Self.startTolerance
                ? start[j].rounded() : start[j]
        }
        let violation = model.maxViolation(rounded)
        guard violation <= Self.startTolerance else {
            log.note("start point rejected: it violates the model by \(violation)")
            return nil
        }
        return [0] + rounded
    }

    /// The relaxation has no dual feasible solution, so the model is
    /// unbounded or infeasible. Decides which by solving for feasibility
    /// alone (objective set to 0): a feasible point means unbounded.
    private func decideUnbounded(_ problem: borrowing GLPKProblem, integer: Bool, reason: String) -> SolveResult {
        problem.clearObjective(columnCount: model.columnCount)
        let feasible: Bool?
        if integer {
            var p = intoptParameters(
                options: options, presolve: true, timeLimit: remaining(), logging: log.isEnabled, search: nil)
            let rc = problem.intopt(&p)
            let status = problem.mipStatus
            feasible =
                status == GLP_OPT || status == GLP_FEAS
                ? true : (rc == GLP_ENOPFS || status == GLP_NOFEAS ? false : nil)
        } else {
            var p = simplexParameters(presolve: false, timeLimit: remaining(), logging: log.isEnabled)
            _ = problem.simplex(&p)
            let status = problem.lpStatus
            feasible = status == GLP_OPT || status == GLP_FEAS ? true : (status == GLP_NOFEAS ? false : nil)
        }
        switch feasible {
        case true?:
            return result(
                .unbounded, .none, reason + "; a feasible point exists, so the problem is unbounded", values: [],
                bound: nil, nodes: 0)
        case false?:
            return result(.infeasible, .none, reason + "; no feasible point exists", values: [], bound: nil, nodes: 0)
        case nil:
            return result(
                .other, .none, reason + "; unbounded or infeasible (the feasibility check did not finish)", values: [],
                bound: nil, nodes: 0)
        }
    }

    /// Assembles the result: objective recomputed from the values; the bound
    /// is the objective when optimal, else the best bound the search saw.
    private func result(
        _ termination: TerminationReason, _ primal: PrimalStatus, _ message: String,
        values: [Double], bound: Double?, nodes: Int
    ) -> SolveResult {
        let objective = values.isEmpty ? nil : model.objectiveValue(values)
        return SolveResult(
            termination: termination, primal: primal, objective: objective,
            bound: primal == .optimal ? objective : bound, values: values, nodes: nodes, message: message)
    }
}
