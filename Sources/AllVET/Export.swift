import PlacementCSV
import RoundGenerator

/// Instances as files: generated rounds and the two forms of formats.md,
/// for `allvet generate` and `allvet export --to json|csv`.
public enum InstanceFiles {
    /// A realistic synthetic round (docs/generator.md); the same arguments
    /// give the same instance on every machine.
    public static func generated(participants: Int, hosts: Int, seed: UInt64) -> Instance {
        RoundGenerator(participants: participants, hosts: hosts, seed: seed).generate()
    }

    /// The canonical JSON form (``InstanceJSONWriter``).
    public static func json(_ instance: Instance) -> [UInt8] {
        Array(InstanceJSONWriter.write(instance).utf8)
    }

    /// The CSV folder form (``InstanceCSVWriter``): file names and bytes.
    /// Throws a `CSVWriteError` naming what the CSV form cannot hold.
    public static func csv(_ instance: Instance) throws -> [(name: String, bytes: [UInt8])] {
        try InstanceCSVWriter.encode(instance)
    }
}

/// The text formats other solvers read.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX-LP: keeps the objective sense (what glpsol should be given).
    case lp
    /// Free MPS: a maximisation is written as the minimisation of the
    /// negated objective (``LinearModel/freeMPS()``).
    case mps
}

extension Engine {
    /// The direct model of level `level` (0-based) of `policy`: the
    /// ``DirectFormulation`` of the round with that goal's objective and, for
    /// a later level, rows holding the earlier levels at their optimal
    /// values exactly as ``solve(_:policy:options:)`` holds them
    /// (``LevelObjective/holdRow(_:name:)``).
    ///
    /// The earlier levels' optima are found as `solve` finds them: by the
    /// pair decomposition (levels up to and including `level` are solved,
    /// so that the decomposition can hold a level at its bound), or by the
    /// direct model with ``LexicographicDriver/levelModel(_:objectives:level:clock:)``
    /// when the method is `direct` or the policy has the `early` goal.
    public func levelModel(_ instance: Instance, policy: Policy, level: Int, options: EngineOptions) throws -> LevelModel {
        let clock = Stopwatch()
        let candidates = CandidateSet(instance: instance, policy: policy)
        let formulation = DirectFormulation(instance: instance, policy: policy, candidates: candidates)
        let objectives = policy.objective.enumerated().map { i, goal in
            formulation.objective(for: goal, level: i, instance: instance, candidates: candidates)
        }
        var solverOptions = SolverOptions(timeLimit: options.timeLimit, mipGap: options.mipGap, presolve: options.presolve, cuts: options.cuts)
        solverOptions.log = options.log
        solverOptions.shouldStop = options.shouldStop
        guard level > 0, options.method != .direct, DecomposedSolve.supports(policy) else {
            let driver = LexicographicDriver(solver: solver, options: solverOptions)
            return try driver.levelModel(formulation.model, objectives: objectives, level: level, clock: { clock.elapsed })
        }
        var prefix = policy
        prefix.objective = Array(policy.objective[...level])
        let outcome = try DecomposedSolve(solver: solver, options: solverOptions)
            .solve(instance: instance, policy: prefix, candidates: candidates, clock: { clock.elapsed })
        let held = Array(outcome.levels[..<level])
        let earlier = LexicographicOutcome(levels: held, values: nil, interrupted: outcome.interrupted)
        guard held.allSatisfy({ $0.status == .optimal && $0.value != nil }), !outcome.interrupted else {
            return LevelModel(model: nil, earlier: earlier)
        }
        var model = formulation.model
        for (k, l) in held.enumerated() { model.addRow(objectives[k].holdRow(l.value!, name: "hold_\(k)")) }
        model.setObjective(sense: objectives[level].sense, terms: objectives[level].terms)
        return LevelModel(model: model, earlier: earlier)
    }
}

extension LinearModel {
    /// The model as a file of `format`, with `header` as comment lines
    /// before the writer's own (line breaks and control characters in the
    /// header become `_`).
    public func fileText(_ format: ModelFileFormat, header: [String]) -> String {
        let mark = format == .lp ? "\\" : "*"
        let lines = header.map { line in
            mark + " " + String(line.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "_" : Character($0) })
        }
        let body = format == .lp ? cplexLP() : freeMPS()
        return lines.map { $0 + "\n" }.joined() + body
    }
}
