import LinearModel
import PlacementModel
import Foundation

/// Solves a round exactly through the pair master (see `PairMaster`)
/// instead of the direct time-indexed model.
///
/// Each level: solve the master; schedule the chosen pairs of every capacity
/// group (a greedy, then an exact small model); time-index the groups that
/// do not schedule and solve again. The master is a relaxation of the direct
/// model, exact on its time-indexed groups, so a master optimum whose groups
/// all schedule is an optimum of the direct model. Levels are held as in
/// ``LexicographicDriver``. The `early` goal depends on start weeks, which
/// the master does not see: rounds with it go to the direct model.
public struct DecomposedSolve: Sendable {
    public var solver: any LinearSolver
    /// Settings of every solve (gap, presolve, cuts); time, stop flag, log
    /// and progress come from `budget`, the run's one budget.
    public var options: SolverOptions
    public var budget: SolveBudget
    /// Receives progress with the index of the level it belongs to.
    public var levelProgress: (@Sendable (Int, SolverOptions.Progress) -> Void)?

    public init(solver: any LinearSolver, options: SolverOptions, budget: SolveBudget) {
        self.solver = solver
        self.budget = budget
        var options = options
        // Masters and repairs are many small solves: the pump costs more than it finds
        // (0.2–0.8 s of a 0.2 s master at 500 × 120).
        options.feasibilityPump = false
        self.options = options
    }

    /// Figures of one decomposed solve, for reports and benchmarks.
    public struct Statistics: Sendable {
        public var pairs = 0
        public var groups = 0
        public var timeIndexedGroups = 0
        public var masterSolves = 0
        public var masterRows = 0
        public var masterColumns = 0
        public var masterNonZeros = 0
        public var nodes = 0
        public var intervalCuts = 0
        public var noGoodCuts = 0
        public var repairSolves = 0
    }

    /// Rounds of cuts the repair may take before it gives up.
    static let repairRounds = 6
    /// The repair's time budget is twice the master solve's, but at least this.
    static let minimumRepairSeconds = 1.0

    /// Rounds of cuts a group may get before it is time-indexed instead.
    static let cutRoundsBeforeTimeIndexing = 8

    public struct Outcome: Sendable {
        public var levels: [LevelOutcome]
        /// Indices into `CandidateSet.stays` of the stays chosen; nil without a solution.
        public var chosen: [Int]?
        public var interrupted: Bool
        public var statistics: Statistics
    }

    /// Whether the policy can be solved this way (no `early` goal).
    public static func supports(_ policy: Policy) -> Bool { !policy.objective.contains(.early) }

    public func solve(instance: Instance, policy: Policy, candidates: CandidateSet) throws -> Outcome {
        precondition(Self.supports(policy), "the early goal needs the direct model")
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
        let groupOfPair: [Int?] = {
            var g = [Int?](repeating: nil, count: pairs.pairs.count)
            for (i, group) in groups.enumerated() { for q in group.pairs { g[q] = i } }
            return g
        }()

        var levels: [LevelOutcome] = []
        var kept: Incumbent? = nil
        let context = Context(pairs: pairs, groups: groups, groupOfPair: groupOfPair)
        var run = Run(master: master, context: context)
        let objectives = policy.objective.enumerated().map { i, goal in objective(goal, level: i, instance: instance, master: master) }

        var i = 0
        levelLoop: while i < objectives.count {
            let objective = objectives[i]
            let t0 = budget.elapsed
            var search: LevelSearch? = nil
            if i + 1 < objectives.count && objective.isIntegral {
                // Optimistic hold: solve the next level as if this one reached its first master
                // bound. When a schedulable solution does, this level is proven by it, and its own
                // search — whose optimal solutions are many and mostly unschedulable — is skipped.
                let first = try self.search(level: i, objective, extraRows: [], firstMasterOnly: true, run: &run)
                if first.incumbent == nil, !first.infeasible, first.termination == .optimal, !run.interrupted, let u = first.bound {
                    let hold = objective.holdRow(u, name: "hold_\(i)")
                    let t1 = budget.elapsed
                    note("level \(i): solving level \(i + 1) with level \(i) held at its bound \(u)")
                    let next = try self.search(level: i + 1, objectives[i + 1], extraRows: [hold], firstMasterOnly: false, run: &run)
                    if let inc = next.incumbent {
                        kept = inc
                        var reached = notSolved(objective, inc.values)
                        reached.status = .optimal
                        reached.bound = u
                        reached.termination = first.termination
                        reached.seconds = t1 - t0
                        reached.nodes = first.nodes
                        levels.append(reached)
                        levels.append(outcome(objectives[i + 1], next, kept: kept, seconds: budget.elapsed - t1))
                        guard next.proven else {
                            levels.append(contentsOf: objectives[(i + 2)...].map { notSolved($0, kept?.values) })
                            break levelLoop
                        }
                        if i + 2 < objectives.count {
                            run.master.model.addRow(hold)
                            run.master.model.addRow(objectives[i + 1].holdRow(inc.value, name: "hold_\(i + 1)"))
                        }
                        i += 2
                        continue levelLoop
                    }
                    if !next.infeasible {
                        // Stopped before the next level found a solution: this level is not proven.
                        // Keep what schedules of the last master solution, as below.
                        if kept == nil, let last = next.lastUnscheduled ?? first.lastUnscheduled,
                           let salvaged = salvage(last.values, byGroup: last.byGroup, failed: last.failed, scheduled: last.scheduled,
                                                  master: run.master, pairs: pairs, groups: groups) {
                            kept = salvaged
                            note("  kept the scheduled part of the last master solution")
                        }
                        var stopped = outcome(objective, next, kept: kept, seconds: budget.elapsed - t0)
                        stopped.status = kept == nil ? .timeLimit : .feasible
                        stopped.value = kept.map { objective.value($0.values) }
                        stopped.bound = u
                        levels.append(stopped)
                        levels.append(contentsOf: objectives[(i + 1)...].map { notSolved($0, kept?.values) })
                        break levelLoop
                    }
                    note("level \(i) cannot reach its bound \(u) with a schedulable solution; solving it on its own")
                } else {
                    search = first
                }
            }
            var s = try search ?? self.search(level: i, objective, extraRows: [], firstMasterOnly: false, run: &run)
            // Stopped before a solution of this level scheduled: keep what schedules of the last
            // master solution, when it breaks no hard quota.
            if s.incumbent == nil, !s.infeasible, let last = s.lastUnscheduled,
               let salvaged = salvage(last.values, byGroup: last.byGroup, failed: last.failed, scheduled: last.scheduled,
                                      master: run.master, pairs: pairs, groups: groups) {
                s.incumbent = salvaged
                s.proven = false
                note("  kept the scheduled part of the last master solution (value \(salvaged.value))")
            }
            if let inc = s.incumbent { kept = inc }
            levels.append(outcome(objective, s, kept: kept, seconds: budget.elapsed - t0))
            guard s.proven, let inc = s.incumbent else {
                levels.append(contentsOf: objectives[(i + 1)...].map { notSolved($0, kept?.values) })
                break
            }
            if i + 1 < objectives.count {
                run.master.model.addRow(objective.holdRow(inc.value, name: "hold_\(i)"))
            }
            i += 1
        }
        var stats = run.stats
        stats.pairs = pairs.pairs.count
        stats.groups = groups.count
        stats.nodes = levels.reduce(0) { $0 + $1.nodes }
        stats.masterRows = run.master.model.rowCount
        stats.masterColumns = run.master.model.columnCount
        stats.masterNonZeros = run.master.model.nonZeroCount
        let chosen: [Int]? = kept.map { kept in
            pairs.pairs.indices.filter { kept.values[$0] > 0.5 }.map { q in
                let pair = pairs.pairs[q]
                return pair.firstStay + (kept.starts[q]! - pair.first)
            }.sorted()
        }
        return Outcome(levels: levels, chosen: chosen, interrupted: run.interrupted, statistics: stats)
    }

    /// The state the levels share: the master with its cuts, the cut
    /// rounds per group and statistics.
    struct Run {
        var master: PairMaster
        let context: Context
        var failures: [Int: Int] = [:]
        var stats = Statistics()
        var interrupted = false
    }

    /// What one level's loop of master solves, cuts and repairs reached.
    struct LevelSearch {
        var incumbent: Incumbent? = nil
        /// The master's bound on the level (valid for every schedulable solution).
        var bound: Double? = nil
        var proven = false
        var infeasible = false
        var termination: TerminationReason? = nil
        var nodes = 0
        var lastUnscheduled: (values: [Double], byGroup: [[Int]], failed: [Int], scheduled: [Int: Int])? = nil
    }

    /// The outcome of a level from its search.
    func outcome(_ objective: LevelObjective, _ s: LevelSearch, kept: Incumbent?, seconds: Double) -> LevelOutcome {
        let status: LevelOutcome.Status = s.infeasible ? .infeasible : (s.incumbent == nil ? (kept == nil ? .timeLimit : .feasible) : (s.proven ? .optimal : .feasible))
        var outcome = notSolved(objective, kept?.values)
        outcome.status = status
        outcome.value = s.incumbent?.value ?? outcome.value
        outcome.bound = s.proven ? s.incumbent?.value : s.bound
        outcome.termination = s.termination
        outcome.seconds = seconds
        outcome.nodes = s.nodes
        return outcome
    }

    /// One level's loop: solve the master (with `extraRows`, rows that hold
    /// earlier levels for this search only), schedule each group, cut off
    /// what does not schedule, repair; until a master solution schedules,
    /// a repaired solution reaches the master's bound, or time runs out.
    /// With `firstMasterOnly`, returns after the first master solve unless
    /// it schedules.
    func search(level i: Int, _ objective: LevelObjective, extraRows: [Row], firstMasterOnly: Bool,
                run: inout Run) throws -> LevelSearch {
        var s = LevelSearch()
        levelProgress?(i, SolverOptions.Progress(incumbent: nil, bound: nil, nodes: 0))
        let levelBudget = levelProgress.map { report in budget.addingProgress { report(i, $0) } } ?? budget
        while true {
            if budget.isExhausted {
                s.termination = budget.stopRequested ? .interrupted : .timeLimit
                if budget.stopRequested { run.interrupted = true }
                break
            }
            let opts = levelBudget.options(options)
            run.master.model.setObjective(sense: objective.sense, terms: objective.terms)
            var model = run.master.model
            for row in extraRows { model.addRow(row) }
            if let inc = s.incumbent { model.addRow(Self.cutoff(objective, beating: inc.value)) }
            let tSolve = budget.elapsed
            let r = try solver.solve(model, options: opts)
            run.stats.masterSolves += 1
            s.nodes += r.nodes
            s.termination = r.termination
            if r.termination == .interrupted { run.interrupted = true }
            note("level \(i) master \(run.stats.masterSolves): \(r.termination) obj \(r.objective ?? .nan) bound \(r.bound ?? .nan) nodes \(r.nodes) rows \(model.rowCount) cols \(model.columnCount) nz \(model.nonZeroCount) \(NumberText.fixed(budget.elapsed - tSolve, digits: 2))s")
            guard r.primal != .none else {
                if r.termination == .infeasible {
                    // Nothing beats the incumbent: it is optimal. Without one, the level is infeasible.
                    if let inc = s.incumbent { s.proven = true; s.bound = inc.value } else { s.infeasible = true }
                }
                break
            }
            if r.primal == .optimal, let o = r.objective { s.bound = o } else if let b = r.bound { s.bound = b }

            // Schedule the chosen pairs of the groups that are not time-indexed.
            let (byGroup, scheduled, failed) = try scheduleGroups(r.values, master: run.master, context: run.context)
            note("  groups that do not schedule: \(failed.count) of \(byGroup.filter { !$0.isEmpty }.count)")
            if failed.isEmpty {
                let value = run.master.model.objectiveValue(r.values)
                s.incumbent = Incumbent(values: r.values, starts: run.master.starts(r.values, fixed: scheduled), value: value)
                s.proven = r.primal == .optimal && !run.interrupted
                break
            }
            s.lastUnscheduled = (r.values, byGroup, failed, scheduled)
            if firstMasterOnly { break }
            try cutOff(failed, byGroup: byGroup, master: &run.master, failures: &run.failures, context: run.context, stats: &run.stats)
            run.stats.timeIndexedGroups = run.master.timeIndexed.count
            // Repair: keep the groups that scheduled and re-solve the rest, a much smaller
            // model; when it reaches the master's bound, the level is proven.
            if r.primal == .optimal && !run.interrupted, let b = s.bound {
                // The repair is a heuristic: it may spend at most twice the master solve's time.
                let repairCap = max(Self.minimumRepairSeconds, 2 * (budget.elapsed - tSolve))
                let tRepair = budget.elapsed
                defer { note("  repair took \(NumberText.fixed(budget.elapsed - tRepair, digits: 2))s") }
                if let repaired = try repair(r.values, byGroup: byGroup, failed: failed, master: run.master, extraRows: extraRows,
                                             objective: objective, incumbent: s.incumbent, cap: repairCap, context: run.context,
                                             stats: &run.stats) {
                    note("  repair: \(repaired.value)")
                    s.incumbent = repaired
                    if Self.meets(objective, repaired.value, b) {
                        s.proven = true
                        s.bound = repaired.value
                        break
                    }
                }
            }
            if r.primal != .optimal || run.interrupted { break }
        }
        return s
    }

    /// What the loop's helpers need to know of the round.
    struct Context {
        let pairs: PairSet
        let groups: [CapacityGroup]
        let groupOfPair: [Int?]
    }

    /// The chosen pairs of each group that is not time-indexed, the starts
    /// found for the groups that schedule, and the groups that do not.
    func scheduleGroups(_ values: [Double], master: PairMaster, context c: Context) throws
        -> (byGroup: [[Int]], scheduled: [Int: Int], failed: [Int]) {
        var byGroup = [[Int]](repeating: [], count: c.groups.count)
        for q in c.pairs.pairs.indices where values[q] > 0.5 {
            if let g = c.groupOfPair[q], !master.timeIndexed.contains(g) { byGroup[g].append(q) }
        }
        var scheduled: [Int: Int] = [:]
        var failed: [Int] = []
        for (g, list) in byGroup.enumerated() where !list.isEmpty {
            if let s = try GroupScheduler(group: c.groups[g], pairs: c.pairs, budget: budget).schedule(list, solver: solver) {
                scheduled.merge(s) { a, _ in a }
            } else {
                failed.append(g)
            }
        }
        return (byGroup, scheduled, failed)
    }

    /// Cuts a solution off: for each group that does not schedule, an
    /// energetic interval the chosen pairs break, else a no-good on the
    /// smallest set of them that cannot be scheduled; a group that keeps
    /// failing is time-indexed instead, so the loop ends.
    func cutOff(_ failed: [Int], byGroup: [[Int]], master: inout PairMaster, failures: inout [Int: Int], context c: Context,
                stats: inout Statistics) throws {
        for g in failed {
            failures[g, default: 0] += 1
            if failures[g]! > Self.cutRoundsBeforeTimeIndexing { master.timeIndex(group: g); continue }
            if master.separateIntervals(group: g, chosen: byGroup[g]) > 0 { stats.intervalCuts += 1; continue }
            // A no-good needs a proof that the set cannot be scheduled; without one (the exact
            // model stopped undecided), the group gets start-week columns, which is always valid.
            guard let core = try GroupScheduler(group: c.groups[g], pairs: c.pairs, budget: budget).minimalConflict(byGroup[g], solver: solver) else {
                master.timeIndex(group: g)
                continue
            }
            master.addNoGood(core)
            stats.noGoodCuts += 1
        }
    }

    /// The best schedulable solution that keeps the groups that scheduled as
    /// they are (their pairs fixed) and chooses again for everybody else,
    /// by the same loop of cuts on this much smaller model. It must beat
    /// `incumbent` when there is one. nil when it finds none in its rounds.
    func repair(_ values: [Double], byGroup: [[Int]], failed: [Int], master: PairMaster, extraRows: [Row], objective: LevelObjective,
                incumbent: Incumbent?, cap: Double, context c: Context, stats: inout Statistics) throws -> Incumbent? {
        var restricted = master
        let failedSet = Set(failed)
        for (g, list) in byGroup.enumerated() where !list.isEmpty && !failedSet.contains(g) {
            let chosen = Set(list)
            for q in c.groups[g].pairs {
                var col = restricted.model[ColumnIndex(q)]
                col.lower = chosen.contains(q) ? 1 : 0
                col.upper = col.lower
                restricted.model[ColumnIndex(q)] = col
            }
        }
        restricted.model.setObjective(sense: objective.sense, terms: objective.terms)
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
                return Incumbent(values: r.values, starts: restricted.starts(r.values, fixed: scheduled),
                                 value: restricted.model.objectiveValue(r.values))
            }
            if r.primal != .optimal { return nil }
            try cutOff(stillFailing, byGroup: inner, master: &restricted, failures: &failures, context: c, stats: &stats)
        }
        return nil
    }

    /// Sends a line of the decomposition's own log to the solver log sink.
    func note(_ line: String) { budget.log?(line + "\n") }

    /// A schedulable solution from a master solution whose groups do not
    /// all schedule: each failing group keeps the pairs a greedy can place
    /// and drops the rest; nil when that breaks a hard quota.
    func salvage(_ values: [Double], byGroup: [[Int]], failed: [Int], scheduled: [Int: Int], master: PairMaster,
                 pairs: PairSet, groups: [CapacityGroup]) -> Incumbent? {
        var starts = scheduled
        var dropped = Set<Int>()
        for g in failed {
            let (s, _) = GroupScheduler(group: groups[g], pairs: pairs, budget: budget).greedy(byGroup[g], skipping: true)
            starts.merge(s) { a, _ in a }
            for q in byGroup[g] where s[q] == nil { dropped.insert(q) }
        }
        guard let v = master.dropping(dropped, from: values) else { return nil }
        return Incumbent(values: v, starts: master.starts(v, fixed: starts), value: master.model.objectiveValue(v))
    }

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
        return objective.sense == .maximize
            ? Row(name: "cutoff", lower: (objective.isIntegral ? value.rounded() : value) + step, columns: cols, coefficients: coefs)
            : Row(name: "cutoff", upper: (objective.isIntegral ? value.rounded() : value) - step, columns: cols, coefficients: coefs)
    }

    /// Whether an incumbent's value reaches the bound (so it is optimal).
    static func meets(_ objective: LevelObjective, _ value: Double, _ bound: Double) -> Bool {
        let tol = objective.isIntegral ? 0.5 : 1e-6 * max(1, abs(value))
        return objective.sense == .maximize ? value >= bound - tol : value <= bound + tol
    }

    /// The objective of a goal over the master's pair columns; soft-quota
    /// penalties in level 0, as in the direct model.
    func objective(_ goal: Goal, level: Int, instance: Instance, master: PairMaster) -> LevelObjective {
        let pairs = master.pairs.pairs
        return .make(goal: goal, level: level, instance: instance, participantOf: pairs.map(\.participant),
                     rankOf: pairs.map(\.rank), startOf: nil, worstRankColumn: master.worstRankColumn, penalties: master.penalties)
    }

    func notSolved(_ objective: LevelObjective, _ values: [Double]?) -> LevelOutcome {
        LexicographicDriver.notSolved(objective, values: values)
    }
}
