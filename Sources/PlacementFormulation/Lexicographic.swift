import LinearModel
import PlacementModel

/// What one level of a lexicographic solve reached.
public struct LevelOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Proven optimal (within the requested gap, which is 0 by default).
        case optimal
        /// A solution, not proven optimal (time limit, gap limit or interruption).
        case feasible
        /// No solution satisfies the constraints and the levels held before.
        case infeasible
        /// Stopped before any solution was found.
        case timeLimit = "time_limit"
        /// Not attempted (an earlier level stopped the solve).
        case notSolved = "not_solved"
    }

    public var goal: Goal
    public var status: Status
    /// The level's value for the solution kept (recomputed from the values).
    public var value: Double?
    /// Best proven bound.
    public var bound: Double?
    public var termination: TerminationReason?
    public var seconds: Double
    public var nodes: Int

    public init(
        goal: Goal, status: Status, value: Double?, bound: Double?, termination: TerminationReason?, seconds: Double,
        nodes: Int
    ) {
        self.goal = goal
        self.status = status
        self.value = value
        self.bound = bound
        self.termination = termination
        self.seconds = seconds
        self.nodes = nodes
    }

    /// `|value − bound| / max(1, |value|)`; 0 when proven optimal.
    public var gap: Double? {
        guard let v = value, let b = bound else { return nil }
        return abs(v - b) / max(1, abs(v))
    }
}

/// The result of solving every level of a policy's objective.
public struct LexicographicOutcome: Sendable {
    public var levels: [LevelOutcome]
    /// Column values of the last solution kept; nil when there is none.
    public var values: [Double]?
    /// Whether the solve was stopped from outside.
    public var interrupted: Bool

    public init(levels: [LevelOutcome], values: [Double]?, interrupted: Bool) {
        self.levels = levels
        self.values = values
        self.interrupted = interrupted
    }
}

/// A level's model with the earlier levels held (``LexicographicDriver/levelModel(_:objectives:level:)``).
public struct LevelModel: Sendable {
    /// The model with the level's objective and a `hold_i` row for each
    /// earlier level; nil when an earlier level was not proven optimal.
    public var model: LinearModel?
    /// How the earlier levels were solved (empty for the first level).
    public var earlier: LexicographicOutcome

    public init(model: LinearModel?, earlier: LexicographicOutcome) {
        self.model = model
        self.earlier = earlier
    }
}

/// Solves the levels one after another, holding each level's value for the
/// next (MultiObjectiveAlgorithms' lexicographic method): integral levels
/// exactly, others with a tolerance of `1e-6·max(1, |value|)` (ruling 6).
/// The run's ``/LinearModel/SolveBudget`` covers all levels together.
public struct LexicographicDriver: Sendable {
    public var solver: any LinearSolver
    /// Settings of every solve (gap, presolve, cuts); time, stop flag, log
    /// and progress come from `budget`.
    public var options: SolverOptions
    public var budget: SolveBudget
    /// Receives each level's progress with the level's index (0-based): once
    /// when the level starts (no incumbent yet), then from the solver.
    public var levelProgress: (@Sendable (Int, SolverOptions.Progress) -> Void)?

    public init(solver: any LinearSolver, options: SolverOptions, budget: SolveBudget) {
        self.solver = solver
        self.options = options
        self.budget = budget
    }

    /// Solves `model` for the given objectives in order.
    public func solve(_ base: LinearModel, objectives: [LevelObjective]) throws -> LexicographicOutcome {
        try run(base, objectives: objectives, holdLast: false).outcome
    }

    /// The model of level `level` (0-based) as the driver solves it: `base`
    /// with the objective of `objectives[level]` and, for each earlier level,
    /// the row that holds its optimal value — found by solving those levels
    /// first, exactly as ``solve(_:objectives:)`` does. This is what
    /// an exported model of a later level must be, so that another solver
    /// given the file reaches the same optimum.
    ///
    /// `model` is nil when an earlier level was not proven optimal (its
    /// status is in `earlier.levels`): there is then no value to hold.
    public func levelModel(_ base: LinearModel, objectives: [LevelObjective], level: Int) throws -> LevelModel {
        precondition(
            objectives.indices.contains(level), "level \(level) is not among the \(objectives.count) objectives")
        let (outcome, held) = try run(base, objectives: Array(objectives[..<level]), holdLast: true)
        guard outcome.levels.allSatisfy({ $0.status == .optimal }), !outcome.interrupted else {
            return LevelModel(model: nil, earlier: outcome)
        }
        var model = held
        let objective = objectives[level]
        model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
        return LevelModel(model: model, earlier: outcome)
    }

    /// Solves the levels in order; holds each proven level for the next, and
    /// the last one too when `holdLast`. Returns the model with its holds.
    private func run(
        _ base: LinearModel, objectives: [LevelObjective],
        holdLast: Bool
    ) throws -> (outcome: LexicographicOutcome, model: LinearModel) {
        var model = base
        var levels: [LevelOutcome] = []
        var values: [Double]? = nil
        var interrupted = false
        for (i, objective) in objectives.enumerated() {
            if budget.isExhausted {
                interrupted = budget.stopRequested
                levels.append(contentsOf: objectives[i...].map { Self.notSolved($0, values: values) })
                break
            }
            model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
            let t0 = budget.elapsed
            // The start point is optional: a failure of its LP only leaves the level without one. The
            // level's options are taken after it, so that its time limit counts the LP's time.
            let start = values.flatMap { try? consistentStart($0, model) }
            var opts = budget.options(options, level: i, levelProgress)
            opts.start = start
            let result = try solver.solve(model, options: opts)
            let seconds = budget.elapsed - t0
            if result.termination == .interrupted { interrupted = true }
            guard result.primal != .none, result.values.count == model.columnCount else {
                let status: LevelOutcome.Status =
                    result.termination == .infeasible ? .infeasible : (values == nil ? .timeLimit : .feasible)
                if values != nil {
                    // Keep the previous level's solution; this level is not improved on it.
                    var kept = Self.notSolved(objective, values: values)
                    kept.status = status == .infeasible ? .infeasible : .feasible
                    kept.termination = result.termination
                    kept.seconds = seconds
                    kept.bound = result.bound
                    levels.append(kept)
                } else {
                    levels.append(
                        LevelOutcome(
                            goal: objective.goal, status: status, value: nil, bound: result.bound,
                            termination: result.termination, seconds: seconds, nodes: result.nodes))
                }
                levels.append(contentsOf: objectives[(i + 1)...].map { Self.notSolved($0, values: values) })
                break
            }
            values = result.values
            let value = model.objectiveValue(result.values)
            let proven = result.primal == .optimal
            levels.append(
                LevelOutcome(
                    goal: objective.goal, status: proven ? .optimal : .feasible, value: value,
                    bound: proven ? value : result.bound, termination: result.termination,
                    seconds: seconds, nodes: result.nodes))
            if !proven || interrupted {
                levels.append(contentsOf: objectives[(i + 1)...].map { Self.notSolved($0, values: values) })
                break
            }
            // Hold this level for the next ones.
            if i + 1 < objectives.count || holdLast {
                model.addRow(objective.holdRow(value, name: "hold_\(i)"))
            }
        }
        return (LexicographicOutcome(levels: levels, values: values, interrupted: interrupted), model)
    }

    /// The outcome of a run whose budget was spent while its model was
    /// built (``BuildCheck``): no solve started, the first level stopped
    /// before any solution, the rest not solved.
    public static func stoppedWhileBuilding(_ goals: [Goal], budget: SolveBudget) -> LexicographicOutcome {
        let interrupted = budget.stopRequested
        let levels = goals.enumerated().map { i, goal in
            LevelOutcome(
                goal: goal, status: i == 0 ? .timeLimit : .notSolved, value: nil, bound: nil,
                termination: i == 0 ? (interrupted ? .interrupted : .timeLimit) : nil, seconds: 0, nodes: 0)
        }
        return LexicographicOutcome(levels: levels, values: nil, interrupted: interrupted)
    }

    static func notSolved(_ objective: LevelObjective, values: [Double]?) -> LevelOutcome {
        LevelOutcome(
            goal: objective.goal, status: .notSolved, value: values.map(objective.value), bound: nil, termination: nil,
            seconds: 0, nodes: 0)
    }
}

extension SolveBudget {
    /// The options of one solve of level `level` (0-based): the budget's,
    /// with progress also sent to `levelProgress` for that level, which is
    /// told first that the level starts (no incumbent yet). Both drivers
    /// build every solve's options here.
    func options(
        _ base: SolverOptions, level: Int, _ levelProgress: (@Sendable (Int, SolverOptions.Progress) -> Void)?,
        cap: Double? = nil
    ) -> SolverOptions {
        guard let levelProgress else { return options(base, cap: cap) }
        levelProgress(level, SolverOptions.Progress(incumbent: nil, bound: nil, nodes: 0))
        return addingProgress { levelProgress(level, $0) }.options(base, cap: cap)
    }
}
