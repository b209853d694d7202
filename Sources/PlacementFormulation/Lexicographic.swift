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
}

/// Solves the levels one after another, holding each level's value for the
/// next (MultiObjectiveAlgorithms' lexicographic method): integral levels
/// exactly, others with a tolerance of `1e-6·max(1, |value|)` (ruling 6).
/// The time limit covers all levels together.
public struct LexicographicDriver: Sendable {
    public var solver: any LinearSolver
    public var options: SolverOptions
    /// Receives each level's progress with the level's index (0-based): once
    /// when the level starts (no incumbent yet), then from the solver.
    public var levelProgress: (@Sendable (Int, SolverOptions.Progress) -> Void)?

    public init(solver: any LinearSolver, options: SolverOptions) {
        self.solver = solver
        self.options = options
    }

    /// Solves `model` for the given objectives in order. `clock` returns
    /// seconds elapsed since an arbitrary origin.
    public func solve(_ base: LinearModel, objectives: [LevelObjective], clock: @Sendable () -> Double) throws -> LexicographicOutcome {
        var model = base
        var levels: [LevelOutcome] = []
        var values: [Double]? = nil
        var interrupted = false
        let started = clock()
        for (i, objective) in objectives.enumerated() {
            var opts = options
            if let limit = options.timeLimit {
                let left = limit - (clock() - started)
                if left <= 0.001 {
                    levels.append(contentsOf: objectives[i...].map { Self.notSolved($0, model: model, values: values) })
                    break
                }
                opts.timeLimit = left
            }
            opts.start = values
            if let levelProgress {
                let inner = options.progress
                opts.progress = { p in inner?(p); levelProgress(i, p) }
                levelProgress(i, SolverOptions.Progress(incumbent: nil, bound: nil, nodes: 0))
            }
            model.setObjective(sense: objective.sense, terms: objective.terms)
            let t0 = clock()
            let result = try solver.solve(model, options: opts)
            let seconds = clock() - t0
            if result.termination == .interrupted { interrupted = true }
            guard result.primal != .none, result.values.count == model.columnCount else {
                let status: LevelOutcome.Status = result.termination == .infeasible ? .infeasible : (values == nil ? .timeLimit : .feasible)
                if values != nil {
                    // Keep the previous level's solution; this level is not improved on it.
                    var kept = Self.notSolved(objective, model: model, values: values)
                    kept.status = status == .infeasible ? .infeasible : .feasible
                    kept.termination = result.termination
                    kept.seconds = seconds
                    kept.bound = result.bound
                    levels.append(kept)
                } else {
                    levels.append(LevelOutcome(goal: objective.goal, status: status, value: nil, bound: result.bound,
                                               termination: result.termination, seconds: seconds, nodes: result.nodes))
                }
                levels.append(contentsOf: objectives[(i + 1)...].map { Self.notSolved($0, model: model, values: values) })
                break
            }
            values = result.values
            let value = model.objectiveValue(result.values)
            let proven = result.primal == .optimal
            levels.append(LevelOutcome(goal: objective.goal, status: proven ? .optimal : .feasible, value: value,
                                       bound: proven ? value : result.bound, termination: result.termination,
                                       seconds: seconds, nodes: result.nodes))
            if !proven || interrupted {
                levels.append(contentsOf: objectives[(i + 1)...].map { Self.notSolved($0, model: model, values: values) })
                break
            }
            // Hold this level for the next ones.
            if i + 1 < objectives.count {
                let held = objective.isIntegral ? value.rounded() : value
                let tol = objective.isIntegral ? 0 : 1e-6 * max(1, abs(value))
                let cols = objective.terms.map(\.0), coefs = objective.terms.map(\.1)
                let row = objective.sense == .maximize
                    ? Row(name: "hold_\(i)", lower: held - tol, columns: cols, coefficients: coefs)
                    : Row(name: "hold_\(i)", upper: held + tol, columns: cols, coefficients: coefs)
                model.addRow(row)
            }
        }
        return LexicographicOutcome(levels: levels, values: values, interrupted: interrupted)
    }

    static func notSolved(_ objective: LevelObjective, model: LinearModel, values: [Double]?) -> LevelOutcome {
        var value: Double? = nil
        if let v = values {
            var sum = 0.0
            for (c, k) in objective.terms { sum += k * v[c.rawValue] }
            value = sum
        }
        return LevelOutcome(goal: objective.goal, status: .notSolved, value: value, bound: nil, termination: nil, seconds: 0, nodes: 0)
    }
}
