import LinearModel
import PlacementModel

/// The decomposition's repair and salvage of master solutions that do not
/// schedule, and the small rules its loops share.
extension DecomposedSolve {
    /// What a repair may change of a master solution. Both keep the chosen
    /// pairs of the groups that scheduled.
    enum RepairScope {
        /// The groups that scheduled are kept whole (their other pairs
        /// unchosen): only the failing groups' participants choose again, a
        /// small model, often infeasible under the incumbent's cutoff.
        case failedGroups
        /// Their other pairs stay free, so a failing group's participant may
        /// move to a host whose group scheduled (whose schedule is then
        /// checked again). Larger, and tried only when the master's value
        /// has not moved since its last solve (see ``repairs``).
        case widened
    }

    /// Whether a level's master has stalled: its optimum is the same as its
    /// last solve's (within 1e-6, relative), so the cuts only moved the
    /// solution. Only optimal solves count, and they are the ones remembered:
    /// a solve stopped short neither stalls nor resets the watch (nor does an
    /// optimal result without an objective, which `GLPKSolver` never gives).
    struct StallWatch {
        private(set) var lastOptimum: Double? = nil

        /// Records `result` and says whether its optimum repeats the last one.
        mutating func observe(_ result: SolveResult) -> Bool {
            guard result.primal == .optimal, let o = result.objective else { return false }
            defer { lastOptimum = o }
            guard let last = lastOptimum else { return false }
            return abs(o - last) <= 1e-6 * max(1, abs(last))
        }
    }

    /// The cheap repair, then, when it finds nothing and the master's value
    /// is `stalled` (the same as its last solve's: the cuts only moved the
    /// solution), the widened one in what is left of `cap`. On seed 5 of
    /// the generated 500 × 120 rounds (benchmark policy) the `rank` master
    /// gave 474, the optimum, seven times while the cheap repair found
    /// nothing better than 475; the widened repair cut the run from 32–37 s
    /// to 13–18 s. Run after every failed cheap repair, it cost 1,000 × 250
    /// 2.6 s after its first master for nothing (docs/performance.md).
    func repairs(
        _ values: [Double], byGroup: [[Int]], failed: [Int], master: PairMaster, extraRows: [Row],
        objective: LevelObjective, incumbent: Incumbent?, cap: Double, stalled: Bool, context c: Context,
        stats: inout Statistics, salvages: inout Salvages
    ) throws -> Incumbent? {
        let t0 = budget.elapsed
        for scope in stalled ? [RepairScope.failedGroups, .widened] : [.failedGroups] {
            if let repaired = try repair(
                values, byGroup: byGroup, failed: failed, master: master, extraRows: extraRows,
                objective: objective, incumbent: incumbent, cap: cap - (budget.elapsed - t0), scope: scope,
                context: c, stats: &stats, salvages: &salvages)
            {
                return repaired
            }
        }
        return nil
    }

    /// The best schedulable solution that keeps the chosen pairs of the
    /// groups that scheduled and chooses again within `scope`, by the same
    /// loop of cuts on this smaller model. It must beat `incumbent` when
    /// there is one. nil when it finds none in its rounds.
    func repair(
        _ values: [Double], byGroup: [[Int]], failed: [Int], master: PairMaster, extraRows: [Row],
        objective: LevelObjective,
        incumbent: Incumbent?, cap: Double, scope: RepairScope = .failedGroups, context c: Context,
        stats: inout Statistics, salvages: inout Salvages
    ) throws -> Incumbent? {
        let failedSet = Set(failed)
        var restricted = Self.keeping(
            values, inGroups: byGroup.indices.filter { !byGroup[$0].isEmpty && !failedSet.contains($0) },
            of: master, scope: scope, context: c)
        restricted.model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
        for row in extraRows { restricted.model.addRow(row) }
        if let inc = incumbent { restricted.model.addRow(Self.cutoff(objective, beating: inc.value)) }
        var failures: [Int: Int] = [:]
        // The repair is a heuristic with a cap of its own, inside the run's budget.
        let deadline = budget.elapsed + cap
        for _ in 0..<Self.repairRounds {
            let left = deadline - budget.elapsed
            if left <= 0.01 || budget.isExhausted { return nil }
            let opts = budget.options(options, cap: left)
            let r = try solver.solve(restricted.model, options: opts)
            stats.repairSolves += 1
            note("    repair solve: \(r.termination) obj \(r.objective ?? .nan) nodes \(r.nodes)")
            guard r.primal != .none else { return nil }
            let (inner, scheduled, stillFailing) = try scheduleGroups(r.values, master: restricted, context: c)
            if stillFailing.isEmpty {
                return Incumbent(
                    values: r.values, starts: restricted.starts(r.values, fixed: scheduled),
                    value: restricted.model.objectiveValue(r.values))
            }
            // What schedules of it is a solution too (often a better one than the master's).
            if let kept = checkedSalvage(
                r.values, byGroup: inner, failed: stillFailing, scheduled: scheduled, from: restricted,
                master: master, context: c)
            {
                salvages.offer(kept)
            }
            if r.primal != .optimal { return nil }
            try cutOff(
                stillFailing, byGroup: inner, pinned: restricted.pinnedStarts(r.values), master: &restricted,
                failures: &failures, context: c, stats: &stats)
        }
        return nil
    }

    /// `master` with the pairs of `groups` fixed as in `values`, what a
    /// repair keeps of a master solution: every pair (chosen at 1, the rest
    /// at 0), or with `.widened` only the chosen ones, the rest left free.
    static func keeping(
        _ values: [Double], inGroups groups: some Sequence<Int>, of master: PairMaster, scope: RepairScope,
        context c: Context
    ) -> PairMaster {
        var restricted = master
        for g in groups {
            for q in c.groups[g].pairs where scope == .failedGroups || values[q] > 0.5 {
                var col = restricted.model[ColumnIndex(q)]
                col.lower = values[q] > 0.5 ? 1 : 0
                col.upper = col.lower
                restricted.model[ColumnIndex(q)] = col
            }
        }
        return restricted
    }

    /// Sends a line of the decomposition's own log to the solver log sink.
    func note(_ line: String) { budget.log?(line + "\n") }

    /// A schedulable solution: column values (of the master at the time) and a start per chosen pair.
    struct Incumbent {
        var values: [Double]
        var starts: [Int: Int]
        var value: Double
    }

    /// A row asking for a value strictly better than `value`: by 1 for
    /// integral levels, by the holding tolerance otherwise.
    static func cutoff(_ objective: LevelObjective, beating value: Double) -> Row {
        let step = objective.isIntegral ? 1 : 1e-6 * max(1, abs(value))
        let cols = objective.terms.map(\.0), coefs = objective.terms.map(\.1)
        let held = (objective.isIntegral ? value.rounded() : value) - objective.constant
        return objective.sense == .maximize
            ? Row(name: "cutoff", lower: held + step, columns: cols, coefficients: coefs)
            : Row(name: "cutoff", upper: held - step, columns: cols, coefficients: coefs)
    }

    /// Whether an incumbent's value reaches the bound (so it is optimal).
    static func meets(_ objective: LevelObjective, _ value: Double, _ bound: Double) -> Bool {
        let tol = objective.isIntegral ? 0.5 : 1e-6 * max(1, abs(value))
        return objective.sense == .maximize ? value >= bound - tol : value <= bound + tol
    }

    /// The objective of a goal over the master's pair columns; soft-quota
    /// penalties in the level of ruling 20, as in the direct model.
    func objective(_ goal: Goal, level: Int, instance: Instance, master: PairMaster) -> LevelObjective {
        if goal == .early { return earlyObjective(level: level, master: master) }
        let pairs = master.pairs.pairs
        return .make(
            goal: goal, level: level, instance: instance, participantOf: pairs.map(\.participant),
            rankOf: pairs.map(\.rank), startOf: nil,
            matchOf: pairs.map(\.match),
            previousCount: master.previousCount, costOf: master.pairs.hasCosts ? pairs.map(\.cost) : [],
            worstRankColumn: master.worstRankColumn,
            penalties: master.penalties, penaltyLevel: master.penaltyLevel)
    }
}
