import Foundation
import GLPKSolver
import LinearModel
import PlacementFormulation
import PlacementModel

extension Engine {
    /// The direct model of level `level` (0-based) of `policy`: the
    /// ``/PlacementFormulation/DirectFormulation`` of the round with that goal's objective and, for
    /// a later level, rows holding the earlier levels at their optimal
    /// values exactly as ``solve(_:policy:options:)`` holds them
    /// (``/PlacementFormulation/LevelObjective/holdRow(_:name:)``).
    ///
    /// The earlier levels' optima are found as `solve` finds them: by the
    /// pair decomposition (levels up to and including `level` are solved,
    /// so that the decomposition can hold a level at its bound), or by the
    /// direct model with ``/PlacementFormulation/LexicographicDriver/levelModel(_:objectives:level:)``
    /// when the method is `direct`.
    public func levelModel(_ instance: Instance, policy: Policy, level: Int, options: EngineOptions) throws
        -> LevelModel
    {
        let budget = options.budget()
        let candidates = CandidateSet(instance: instance, policy: policy)
        let formulation = DirectFormulation(instance: instance, policy: policy, candidates: candidates)
        let objectives = policy.objective.enumerated().map { i, goal in
            formulation.objective(for: goal, level: i, instance: instance, candidates: candidates)
        }
        guard level > 0, options.method != .direct else {
            let driver = LexicographicDriver(solver: solver, options: options.solverSettings, budget: budget)
            return try driver.levelModel(formulation.model, objectives: objectives, level: level)
        }
        var prefix = policy
        prefix.objective = Array(policy.objective[...level])
        let outcome = try DecomposedSolve(solver: solver, options: options.solverSettings, budget: budget)
            .solve(instance: instance, policy: prefix, candidates: candidates)
        let held = Array(outcome.levels[..<level])
        let earlier = LexicographicOutcome(levels: held, values: nil, interrupted: outcome.interrupted)
        guard held.allSatisfy({ $0.status == .optimal && $0.value != nil }), !outcome.interrupted else {
            return LevelModel(model: nil, earlier: earlier)
        }
        var model = formulation.model
        for (k, l) in held.enumerated() { model.addRow(objectives[k].holdRow(l.value!, name: "hold_\(k)")) }
        model.setObjective(
            sense: objectives[level].sense, constant: objectives[level].constant, terms: objectives[level].terms)
        return LevelModel(model: model, earlier: earlier)
    }
}
