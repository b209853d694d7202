import Foundation
import GLPKSolver
import LinearModel
import PlacementFormulation
import PlacementModel

/// How a round was solved overall (model.md, Results).
public enum RoundStatus: String, Sendable {
    /// Every level proven optimal.
    case optimal
    /// A solution; some level not proven optimal (gap reported).
    case feasible
    /// No placement satisfies the hard rules.
    case infeasible
    /// The time limit (or an interruption) came before any solution.
    case timeLimit = "time_limit"
}

/// Settings of one solve, from the policy's `limits` and the command line.
public struct EngineOptions: Sendable {
    /// Seconds for all levels together; nil: none.
    public var timeLimit: Double?
    /// Relative gap at which a level counts as done.
    public var mipGap: Double
    public var presolve: Bool = true
    public var cuts: Bool = true
    /// Receives the solver's log when set.
    public var log: (@Sendable (String) -> Void)?
    /// Polled during the solve; true stops it and keeps the best solution so far.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Receives progress during branch and bound.
    public var progress: (@Sendable (SolverOptions.Progress) -> Void)?
    /// Which formulation to solve.
    public var method: Method = .automatic

    /// The formulation the engine solves; both give the optima of model.md.
    public enum Method: String, Sendable, CaseIterable {
        /// The pair decomposition (every goal; `early` time-indexes the groups whose starts matter).
        case automatic
        /// The direct time-indexed model (the reference; slow on large rounds).
        case direct
        /// The pair decomposition, named explicitly.
        case decomposed
    }
    /// Receives progress with the level it belongs to (for a progress line).
    public var levelProgress: (@Sendable (LevelProgress) -> Void)?
    /// Explain an infeasible round by an elastic re-solve (``/PlacementFormulation/ConflictFinder``).
    public var explainInfeasible = true

    public init(timeLimit: Double? = nil, mipGap: Double = 0) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
    }

    /// Gap, presolve and cuts: the settings of every solve of a run.
    var solverSettings: SolverOptions {
        SolverOptions(mipGap: mipGap, presolve: presolve, cuts: cuts)
    }

    /// The run's one budget, starting now: the time limit, the stop flag,
    /// the solver's log and progress (docs/model.md, "Time limits").
    func budget() -> SolveBudget {
        var budget = SolveBudget(limit: timeLimit, shouldStop: shouldStop)
        budget.log = log
        budget.progress = progress
        return budget
    }

    /// Sends each level's progress to ``levelProgress`` with the level's goal.
    func levelReporter(_ policy: Policy) -> (@Sendable (Int, SolverOptions.Progress) -> Void)? {
        guard let report = levelProgress else { return nil }
        let goals = policy.objective.map(\.name)
        return { i, p in
            report(
                LevelProgress(
                    level: i, levels: goals.count, goal: goals[i], incumbent: p.incumbent, bound: p.bound,
                    nodes: p.nodes))
        }
    }

    /// The policy's limits, overridden by what is given here when not nil.
    public static func resolved(policy: Policy, timeLimit: Double?, mipGap: Double?) -> EngineOptions {
        EngineOptions(timeLimit: timeLimit ?? policy.limits.timeSeconds, mipGap: mipGap ?? policy.limits.mipGap ?? 0)
    }
}

/// A solved round: the stays chosen and everything the results report.
public struct RoundResult: Sendable {
    public var instance: Instance
    public var policy: Policy
    public var candidates: CandidateSet
    public var status: RoundStatus
    public var levels: [LevelOutcome]
    /// Indices into `candidates.stays` of the stays chosen, by participant.
    public var chosen: [Int]
    /// Size of the model solved: `columns` counts the candidates of model.md,
    /// `rows` and `nonZeros` those of the model the solver saw last.
    public var modelSize: (rows: Int, columns: Int, nonZeros: Int)
    /// Figures of the decomposition, when it was used.
    public var decomposition: DecomposedSolve.Statistics?
    /// Seconds spent building (candidates and model).
    public var buildSeconds: Double
    public var solverName: String
    public var options: EngineOptions
    /// Whether the solve was stopped from outside (the solution is the best so far).
    public var interrupted: Bool
    /// For an infeasible round: the rules that conflict and by how much.
    public var conflicts: ConflictFinder.Explanation? = nil

    /// A result put together again from a results folder (`allvet report`):
    /// the stays chosen and the levels as they were written; no model sizes,
    /// no decomposition figures.
    public init(
        instance: Instance, policy: Policy, candidates: CandidateSet, status: RoundStatus, levels: [LevelOutcome],
        chosen: [Int], buildSeconds: Double, solverName: String, interrupted: Bool
    ) {
        self.init(
            instance: instance, policy: policy, candidates: candidates, status: status, levels: levels, chosen: chosen,
            modelSize: (0, candidates.stays.count, 0), decomposition: nil, buildSeconds: buildSeconds,
            solverName: solverName, options: EngineOptions(), interrupted: interrupted)
    }

    init(
        instance: Instance, policy: Policy, candidates: CandidateSet, status: RoundStatus, levels: [LevelOutcome],
        chosen: [Int], modelSize: (rows: Int, columns: Int, nonZeros: Int), decomposition: DecomposedSolve.Statistics?,
        buildSeconds: Double, solverName: String, options: EngineOptions, interrupted: Bool
    ) {
        self.instance = instance
        self.policy = policy
        self.candidates = candidates
        self.status = status
        self.levels = levels
        self.chosen = chosen
        self.modelSize = modelSize
        self.decomposition = decomposition
        self.buildSeconds = buildSeconds
        self.solverName = solverName
        self.options = options
        self.interrupted = interrupted
    }
}

/// Where a solve is: the level (0-based) of how many, its goal, and the
/// solver's incumbent and bound for that level.
public struct LevelProgress: Sendable {
    public var level: Int
    public var levels: Int
    public var goal: String
    public var incumbent: Double?
    public var bound: Double?
    public var nodes: Int

    public init(level: Int, levels: Int, goal: String, incumbent: Double?, bound: Double?, nodes: Int) {
        self.level = level
        self.levels = levels
        self.goal = goal
        self.incumbent = incumbent
        self.bound = bound
        self.nodes = nodes
    }

    /// `|incumbent − bound| / max(1, |incumbent|)`, when both are known.
    public var gap: Double? {
        guard let i = incumbent, let b = bound else { return nil }
        return abs(i - b) / max(1, abs(i))
    }

    /// One line for a terminal: `level 1/2 placed  incumbent 12.5  bound 13  gap 3.85%  2.1 s`.
    public func line(elapsed: Double) -> String {
        func n(_ d: Double?) -> String {
            guard let d, d.isFinite, abs(d) < 1e15 else { return "-" }
            return NumberText.shortest((d * 1000).rounded() / 1000)
        }
        let gapText = gap.map { NumberText.fixed($0 * 100, digits: 2) + "%" } ?? "-"
        return
            "level \(level + 1)/\(levels) \(goal)  incumbent \(n(incumbent))  bound \(n(bound))  gap \(gapText)  \(NumberText.fixed(elapsed, digits: 1)) s"
    }
}

/// Solves placement rounds: candidates, model, lexicographic levels.
public struct Engine: Sendable {
    public var solver: any LinearSolver

    /// An engine that solves with GLPK.
    public init() { self.solver = GLPKSolver() }
    public init(solver: any LinearSolver) { self.solver = solver }

    /// Solves `instance` under `policy`. Infeasibility is a result
    /// (`status == .infeasible`), not an error; errors are for invalid
    /// models and solver failures.
    /// A lock that no candidate satisfies is an ``/PlacementModel/InputError``
    /// (rounds.md, ruling 15).
    public func solve(_ instance: Instance, policy: Policy, options: EngineOptions) throws -> RoundResult {
        let lockErrors = CandidateSet.lockErrors(instance: instance, policy: policy)
        if !lockErrors.isEmpty { throw InputError(lockErrors) }
        let budget = options.budget()
        let candidates = CandidateSet(instance: instance, policy: policy)
        let settings = options.solverSettings
        let useDirect = options.method == .direct
        let levelProgress = options.levelReporter(policy)

        let levels: [LevelOutcome]
        let values: [Int]?
        let interrupted: Bool
        var size: (rows: Int, columns: Int, nonZeros: Int)
        var statistics: DecomposedSolve.Statistics? = nil
        var buildSeconds: Double
        if useDirect {
            let formulation = DirectFormulation(
                instance: instance, policy: policy, candidates: candidates, budget: budget)
            let objectives =
                formulation.stopped
                ? []
                : policy.objective.enumerated().map { i, goal in
                    formulation.objective(for: goal, level: i, instance: instance, candidates: candidates)
                }
            buildSeconds = budget.elapsed
            var driver = LexicographicDriver(solver: solver, options: settings, budget: budget)
            driver.levelProgress = levelProgress
            let outcome =
                formulation.stopped
                ? LexicographicDriver.stoppedWhileBuilding(policy.objective, budget: budget)
                : try driver.solve(formulation.model, objectives: objectives)
            levels = outcome.levels
            values = outcome.values.map { v in formulation.stayColumns.filter { v[$0] > 0.5 } }
            interrupted = outcome.interrupted
            let m = formulation.model
            size = (m.rowCount, candidates.stays.count, m.nonZeroCount)
        } else {
            buildSeconds = budget.elapsed
            var decomposed = DecomposedSolve(solver: solver, options: settings, budget: budget)
            decomposed.levelProgress = levelProgress
            let outcome = try decomposed.solve(instance: instance, policy: policy, candidates: candidates)
            levels = outcome.levels
            values = outcome.chosen
            interrupted = outcome.interrupted
            statistics = outcome.statistics
            size = (outcome.statistics.masterRows, candidates.stays.count, outcome.statistics.masterNonZeros)
        }

        let status: RoundStatus
        if values == nil {
            status = levels.first?.status == .infeasible ? .infeasible : .timeLimit
        } else {
            status = levels.allSatisfy { $0.status == .optimal } ? .optimal : .feasible
        }
        var result = RoundResult(
            instance: instance, policy: policy, candidates: candidates, status: status, levels: levels,
            chosen: values ?? [], modelSize: size, decomposition: statistics,
            buildSeconds: buildSeconds, solverName: solver.name, options: options, interrupted: interrupted)
        if status == .infeasible && options.explainInfeasible {
            // The elastic re-solve works on the direct model (infeasible rounds are explained, not raced).
            let formulation = DirectFormulation(instance: instance, policy: policy, candidates: candidates)
            result.conflicts = try ConflictFinder.explain(
                instance: instance, policy: policy, candidates: candidates, formulation: formulation,
                solver: solver, budget: budget)
        }
        return result
    }
}

/// A misuse of the engine (not an input error, not infeasibility).
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The engine's version, written into every `summary.json` and report.
public let allvetVersion = "0.1.0"
