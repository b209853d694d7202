/// Why a solve stopped (the first half of a two-part status, as in
/// MathOptInterface's termination status).
public enum TerminationReason: String, Sendable {
    /// The solver proved the returned solution optimal (within the requested gap of 0).
    case optimal
    /// The model has no feasible point.
    case infeasible
    /// The objective is unbounded.
    case unbounded
    /// The time limit was reached; there may or may not be a solution.
    case timeLimit = "time_limit"
    /// The requested relative MIP gap was reached: the solution is feasible, not proven optimal.
    case gapLimit = "gap_limit"
    /// The solve was stopped from outside (signal, cancellation).
    case interrupted
    /// The solver failed numerically.
    case numericalFailure = "numerical_failure"
    /// Another stop the solver reported; see the solver's message.
    case other
}

/// What point the solve returned (the second half of the status).
public enum PrimalStatus: String, Sendable {
    /// No solution.
    case none
    /// A feasible solution, not proven optimal.
    case feasible
    /// A solution proven optimal.
    case optimal
}

/// Options every solver understands.
public struct SolverOptions: Sendable {
    /// Wall-clock limit in seconds; nil for none.
    public var timeLimit: Double?
    /// Relative MIP gap at which to stop (0: prove optimality).
    public var mipGap: Double
    /// Run the MIP presolver.
    public var presolve: Bool
    /// Generate cuts (Gomory, MIR, cover, clique).
    public var cuts: Bool
    /// Run the feasibility pump at the root (GLPK). It finds first
    /// solutions of hard models but costs most of a solve on easy ones
    /// (0.2–0.8 s of a 0.2 s pair master), so loops of many small solves
    /// turn it off.
    public var feasibilityPump: Bool = true
    /// With ``feasibilityPump`` off: when branch and bound has more than
    /// this many nodes (GLPK's count of the nodes it created) and no
    /// incumbent, it starts again with the pump (GLPK). A master that finds
    /// no integer point at its root can spend hundreds of nodes before one
    /// (593 nodes, 3.5 s, where the pump finds it at the root in 0.1 s);
    /// nil never starts again.
    public var pumpAfterNodes: Int?
    /// Branch and bound backtracks depth first (GLPK: `GLP_BT_DFS`)
    /// instead of to the node with the best local bound: it reaches points
    /// sooner and closes the bound later, so it suits a model whose root
    /// bound is already at its optimum.
    public var depthFirst = false
    /// Without ``depthFirst``: when branch and bound has more than this
    /// many nodes and no incumbent, it starts again depth first (GLPK; after
    /// the pump of ``pumpAfterNodes`` when both are set). A master whose
    /// bound is at its optimum can spend tens of thousands of nodes before
    /// its first point; nil never starts again.
    public var depthFirstAfterNodes: Int?
    /// A start point; it is checked against the model before it is used.
    public var start: [Double]?
    /// A start basis (a warm start of the simplex, say from the last LP of a
    /// loop that adds rows or columns:
    /// ``Basis/extended(rowCount:columnCount:)``). The LP is then
    /// solved without presolve, which would discard it. A basis whose counts
    /// do not fit the model is ignored, and one the solver cannot factorise
    /// is dropped for the solver's own start; either way the result is an
    /// optimum of the same LP (of a degenerate LP, perhaps another optimal
    /// vertex than a cold solve gives). For a model with integer columns it
    /// starts the root LP (the MIP presolver is then off: it would replace
    /// that LP), say from a restricted LP of column generation
    /// (``ColumnGeneration/Outcome/basis``).
    public var basis: Basis?
    /// Receives the solver's log, line by line, when set.
    public var log: (@Sendable (String) -> Void)?
    /// Receives progress (incumbent, bound) during branch and bound.
    public var progress: (@Sendable (Progress) -> Void)?
    /// Polled during the solve; returning true stops it (reported as interrupted).
    public var shouldStop: (@Sendable () -> Bool)?

    public init(
        timeLimit: Double? = nil, mipGap: Double = 0, presolve: Bool = true, cuts: Bool = true, start: [Double]? = nil
    ) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.presolve = presolve
        self.cuts = cuts
        self.start = start
    }

    /// Progress of a branch-and-bound search.
    public struct Progress: Sendable {
        public var incumbent: Double?
        public var bound: Double?
        public var nodes: Int
        public init(incumbent: Double?, bound: Double?, nodes: Int) {
            self.incumbent = incumbent
            self.bound = bound
            self.nodes = nodes
        }
    }
}

/// The outcome of one solve. Infeasibility is a result, not an error.
public struct SolveResult: Sendable {
    public var termination: TerminationReason
    public var primal: PrimalStatus
    /// Objective value of the returned point (recomputed from the values).
    public var objective: Double?
    /// Best proven bound on the objective, where known.
    public var bound: Double?
    /// Column values, in column order; empty when `primal == .none`.
    public var values: [Double]
    /// Branch-and-bound nodes, where known.
    public var nodes: Int
    /// The solver's own words on why it stopped.
    public var message: String
    /// The row duals (shadow prices) of a model without integer columns
    /// solved to optimality, in row order; empty otherwise. Row i's dual is
    /// the rate at which the optimal objective changes as the bound the row
    /// holds at is raised, for either sense (GLPK's convention): for a
    /// minimisation it is ≥ 0 at a lower bound and ≤ 0 at an upper one, for a
    /// maximisation the other way round, and 0 on a row that holds at neither.
    public var rowDuals: [Double]
    /// The reduced costs of the same solution, in column order (empty when
    /// `rowDuals` is): column j's objective coefficient less Σᵢ aᵢⱼ·rowDuals[i],
    /// with the same signs at the column's bounds.
    public var reducedCosts: [Double]
    /// The final basis of the same solution (nil when `rowDuals` is empty):
    /// a warm start for the next LP of a loop (``SolverOptions/basis``).
    public var basis: Basis?

    public init(
        termination: TerminationReason, primal: PrimalStatus, objective: Double?, bound: Double?, values: [Double],
        nodes: Int = 0, message: String = "", rowDuals: [Double] = [], reducedCosts: [Double] = [],
        basis: Basis? = nil
    ) {
        self.termination = termination
        self.primal = primal
        self.objective = objective
        self.bound = bound
        self.values = values
        self.nodes = nodes
        self.message = message
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.basis = basis
    }

    /// A result without a solution: stopped by `termination` (infeasible, a
    /// time limit, a stop) before any point, with the solver's `message`.
    public static func noSolution(_ termination: TerminationReason, message: String = "") -> SolveResult {
        SolveResult(
            termination: termination, primal: .none, objective: nil, bound: nil, values: [], message: message)
    }

    /// Relative gap between objective and bound, `|obj − bound| / max(1, |obj|)`.
    public var gap: Double? {
        guard let o = objective, let b = bound else { return nil }
        return abs(o - b) / max(1, abs(o))
    }
}

/// A solver of ``LinearModel``s. Implementations must be synchronous: they
/// create, solve and release any native problem within the call.
public protocol LinearSolver: Sendable {
    /// A short name for reports ("glpk 5.0").
    var name: String { get }
    /// Solves `model`. Throws for invalid models and solver failures; an
    /// infeasible model returns a result with `termination == .infeasible`.
    func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult
}
