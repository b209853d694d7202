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
/// the master sees only where a group is time-indexed: see `DecomposedEarly.swift`.
public struct DecomposedSolve: Sendable {
    public var solver: any LinearSolver
    /// Settings of every solve (gap, presolve, cuts); time, stop flag, log
    /// and progress come from `budget`, the run's one budget.
    public var options: SolverOptions
    public var budget: SolveBudget
    /// Receives progress with the index of the level it belongs to.
    public var levelProgress: (@Sendable (Int, SolverOptions.Progress) -> Void)?
    /// Masters with at least this many columns get the first level's LP
    /// bound by column generation before any master solve
    /// (DecomposedLarge.swift). The shared 1,000 × 250 round's has 17,497
    /// under the benchmark policy; generated 5,000 × 1,200's 482,179, whose
    /// LP GLPK's simplex does not finish in 300 s.
    public var largeMasterColumns = 250_000
    /// Masters with more columns are not handed to GLPK (DecomposedLarge.swift): their LPs never finished
    /// (5,000 × 1,200's 482,179 and 787,834 in 300 s; 20,000 × 5,000's 8,089,374 took 9.4 GB).
    public var largestSearchedMaster = 400_000
    /// Masters with at least this many columns get the feasibility pump on
    /// their first solve even under an incumbent's cutoff (DecomposedSearch.swift).
    public var pumpUnderCutoffColumns = 10_000
    /// A level whose values are not integers (weighted `placed`, soft
    /// rules) is held optimistically only on a master of fewer columns:
    /// on generated 200 × 50 rounds under the rich policy the hold took
    /// the median from 5.4 s to 4.7 s and proved the shared 500 × 120
    /// round's first three levels in 60 s (none before), but on the shared
    /// 1,000 × 250 round (17,552 columns) the held `rank` master ran out
    /// the hold's share and the run kept the greedy's 941 instead of
    /// 950.5 (docs/performance.md).
    public var largestFractionalHold = 10_000

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

    /// With a time limit, the share of the time left that an optimistic hold
    /// may take before its level is solved on its own: at 1,000 × 250 under
    /// the default policy the hold is unreachable (947 where 946 is optimal)
    /// and its search kept nothing in 60 s (docs/performance.md).
    static let holdShare = 0.5

    /// Nodes the first master of a search without an incumbent may have
    /// with no integer point before it starts again with the feasibility
    /// pump (``SolverOptions/pumpAfterNodes``).
    static let pumpAfterNodes = 30

    /// Seconds the moves that improve the levels a run did not solve may
    /// take past its time limit (DecomposedPolish.swift).
    static let lastMovesSeconds = 1.0

    /// Rounds of cuts a group may get before it is time-indexed instead.
    static let cutRoundsBeforeTimeIndexing = 8

    public struct Outcome: Sendable {
        public var levels: [LevelOutcome]
        /// Indices into `CandidateSet.stays` of the stays chosen; nil without a solution.
        public var chosen: [Int]?
        public var interrupted: Bool
        public var statistics: Statistics
    }

    public func solve(instance: Instance, policy: Policy, candidates: CandidateSet) throws -> Outcome {
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups, budget: budget)
        let groupOfPair: [Int?] = {
            var g = [Int?](repeating: nil, count: pairs.pairs.count)
            for (i, group) in groups.enumerated() { for q in group.pairs { g[q] = i } }
            return g
        }()

        var levels: [LevelOutcome] = []
        var kept: Incumbent? = nil
        // The best salvaged solution of a hold cut short by its share of the time limit.
        var heldSalvage: Incumbent? = nil
        var context = Context(
            pairs: pairs, groups: groups, groupOfPair: groupOfPair,
            earlyFrom: policy.objective.firstIndex(of: .early) ?? policy.objective.count)
        let objectives = policy.objective.enumerated().map { i, goal in
            objective(goal, level: i, instance: instance, master: master)
        }
        context.round = Round(
            instance: instance, candidates: candidates, policy: policy, objectives: objectives, pairs: pairs.pairs.count
        )
        var run = Run(master: master, context: context)

        if master.stopped {
            // The budget was spent while the master was built: no solve starts (BuildCheck).
            let stopped = LexicographicDriver.stoppedWhileBuilding(policy.objective, budget: budget)
            run.interrupted = stopped.interrupted
            levels = stopped.levels
            note("stopped while building the master model: \(run.interrupted ? "interrupted" : "time limit")")
        }
        var i = master.stopped ? objectives.count : 0
        // A large master: the first level's LP bound by column generation, and the greedy's
        // solution; when they meet, the level is proven before any master solve (DecomposedLarge.swift).
        let large =
            try objectives.first.flatMap {
                try largeMasterStart(
                    $0, master: run.master, context: context, instance: instance, candidates: candidates,
                    policy: policy)
            }
        // The plain greedy's solution (the large master's if any), worked out once for both its uses.
        var floorSolution: Incumbent?? = large.map(\.greedy)
        func floor() -> Incumbent? {
            if floorSolution == nil {
                floorSolution = greedyIncumbent(
                    master: run.master, candidates: candidates, instance: instance, policy: policy,
                    objective: objectives[0])
            }
            return floorSolution ?? nil
        }
        // The levels the large master's bounds proved, and the second level's bound and time when
        // the first was proven that way but not the second.
        var provenByLarge = false
        var next: (bound: Double?, seconds: Double)? = nil
        if i == 0, let large, let proof = try provenByBounds(large, objectives: objectives, run: &run) {
            (levels, kept, next) = (proof.levels, proof.kept, proof.next)
            provenByLarge = true
            i = levels.count
        }
        if let large, i < objectives.count, run.master.model.columnCount > largestSearchedMaster {
            kept = kept ?? large.greedy
            levels += unsearched(objectives, from: i, kept: kept, master: run.master)
            i = objectives.count
        }
        levelLoop: while i < objectives.count {
            let objective = objectives[i]
            let t0 = budget.elapsed
            var search: LevelSearch? = nil
            // A later level's search starts from the solution of the levels before (the rows hold
            // them there), improved by moves when they can (DecomposedPolish.swift): every master
            // must beat it, and one that cannot proves it.
            var fromBefore: Incumbent? = nil
            if i > 0, i < context.earlyFrom, var k = kept {
                k.value = objective.value(k.values)
                fromBefore = polished(k, level: i, extraRows: [], master: run.master, context: run.context) ?? k
            }
            // Not for `early`: its hold row would miss the start columns its search adds.
            if i + 1 < objectives.count && objective.goal != .early
                && (objective.isIntegral || run.master.model.columnCount < largestFractionalHold)
            {
                // Optimistic hold: solve the next level as if this one reached its first master
                // bound (or the probe's, when tighter). When a schedulable solution does, this level
                // is proven by it, and its own search — whose optimal solutions are many and mostly
                // unschedulable — is skipped. The first master must beat the solution in hand: seed
                // 12 of the generated 200 × 50 under the rich policy had the `worst_rank` master's
                // bound at that solution's 6, and without it as the incumbent the master searched
                // 31 s for a point and the run ended there. A level whose values are not integers
                // is held within the tolerance of ruling 6 (``largestFractionalHold``).
                let first = try self.search(
                    level: i, objective, extraRows: [], firstMasterOnly: true, initial: fromBefore, run: &run)
                if !first.proven, !first.infeasible, first.termination == .optimal, !run.interrupted,
                    var u = first.bound
                {
                    var probedRow: Row? = nil
                    // The master's bound is often one above what schedules (452 where 450 is optimal at
                    // 500 × 120 under the default policy; 947 where 946 is at 1,000 × 250): held there,
                    // the next level's search can only fail, after many masters (8.3–15.3 s at 500 × 120
                    // when the probe came after the failed hold, 3.6–4.9 s with it first).
                    if let probed = try probedBound(objective, beyond: u, master: run.master, context: context) {
                        note("level \(i): the probe bounds it by \(probed) before the hold")
                        probedRow = Self.boundRow(objective, probed, name: "bound_\(i)")
                        u = probed
                    }
                    let hold = objective.holdRow(u, name: "hold_\(i)")
                    let t1 = budget.elapsed
                    note("level \(i): solving level \(i + 1) with level \(i) held at its bound \(u)")
                    // A held `worst_rank` search starts from the first master's solution (it keeps
                    // the hold): its masters' LPs are flat, and seed 12 of the generated 200 × 50
                    // under the rich policy searched 26.8 s (1,221 nodes) for a point under `rank`
                    // held at 468, where with the start the hold failed in 1.2 s. Other levels
                    // find their points at once and lose GLPK's presolver with a start (a held
                    // `rank` master: 115 nodes instead of 13).
                    let heldStart =
                        objectives[i + 1].goal != .worstRank
                        ? nil
                        : first.lastUnscheduled.map {
                            Incumbent(
                                values: $0.values, starts: run.master.starts($0.values, fixed: $0.scheduled), value: 0)
                        }
                    let next = try self.search(
                        level: i + 1, objectives[i + 1], extraRows: [hold], firstMasterOnly: false,
                        start: heldStart, held: objective,
                        cap: budget.remaining.map { $0 * Self.holdShare }, run: &run)
                    if let inc = next.incumbent {
                        kept = inc
                        var reached = notSolved(objective, inc, master: run.master)
                        reached.status = .optimal
                        reached.bound = u
                        reached.termination = first.termination
                        reached.seconds = t1 - t0
                        reached.nodes = first.nodes
                        levels.append(reached)
                        levels.append(
                            outcome(
                                objectives[i + 1], next, kept: kept, seconds: budget.elapsed - t1, master: run.master))
                        guard next.proven else {
                            levels.append(
                                contentsOf: objectives[(i + 2)...].map { notSolved($0, kept, master: run.master) })
                            break levelLoop
                        }
                        if i + 2 < objectives.count {
                            run.master.model.addRow(hold)
                            self.hold(objectives[i + 1], level: i + 1, at: inc.value, master: &run.master)
                        }
                        i += 2
                        continue levelLoop
                    }
                    if !next.infeasible && !next.capped {
                        // Stopped before the next level found a solution: this level is not proven.
                        // Keep what schedules of the last master solution, as below.
                        if kept == nil, let last = next.lastUnscheduled ?? first.lastUnscheduled,
                            let salvaged = salvage(
                                last.values, byGroup: last.byGroup, failed: last.failed, scheduled: last.scheduled,
                                master: run.master, pairs: pairs, groups: groups)
                        {
                            kept = salvaged
                            note("  kept the scheduled part of the last master solution")
                        }
                        // A repair under the hold may have salvaged more of this level.
                        if let best = next.heldSalvage, Self.better(objective, best.values, than: kept?.values) {
                            kept = best
                            note("  kept the best salvaged solution: level \(i) \(best.value)")
                        }
                        var stopped = outcome(
                            objective, next, kept: kept, seconds: budget.elapsed - t0, master: run.master)
                        stopped.status = kept == nil ? .timeLimit : .feasible
                        stopped.value = kept.map { objective.value($0.values) }
                        stopped.bound = u
                        levels.append(stopped)
                        levels.append(
                            contentsOf: objectives[(i + 1)...].map { notSolved($0, kept, master: run.master) })
                        break levelLoop
                    }
                    // The level's own search stops at the first schedulable solution that reaches it.
                    if let probedRow { run.master.model.addRow(probedRow) }
                    if next.capped {
                        heldSalvage = next.heldSalvage
                        note(
                            "level \(i): the hold was not reached in its share of the time limit; solving it on its own"
                        )
                    } else {
                        note(
                            "level \(i) cannot reach its bound \(u) with a schedulable solution; solving it on its own")
                    }
                } else {
                    search = first
                }
            }
            // The first level's search starts from the greedy's solution: every master must beat it.
            // (Not under `early`: the greedy's starts are not the first weeks the master counts.)
            var initial = search == nil && i == 0 && i < context.earlyFrom ? floor() : nil
            // The master's objective may still be the next level's (after an optimistic hold).
            if let v = initial?.values { initial?.value = objective.value(v) }
            if let initial { note("level 0: the greedy's solution, \(initial.value), is the incumbent to beat") }
            if search == nil, let fromBefore { initial = fromBefore }
            if i == 0, let h = heldSalvage, Self.better(objective, h.values, than: initial?.values) {
                initial = h
                note("level 0: a solution salvaged under the hold, \(h.value), is the incumbent to beat")
            }
            var s =
                try search
                ?? self.search(
                    level: i, objective, extraRows: [], firstMasterOnly: false, initial: initial,
                    start: i >= context.earlyFrom ? kept : nil, run: &run)
            // Stopped before a solution of this level scheduled: keep what schedules of the last
            // master solution, when it breaks no hard quota. Only on the first level: dropping
            // pairs breaks the rows that hold earlier levels (a salvaged cost level placed 945
            // where the held `placed` level had reached 976), and an earlier level's solution
            // (`kept`) is then the one to keep.
            if kept == nil, s.incumbent == nil, !s.infeasible, let last = s.lastUnscheduled,
                var salvaged = salvage(
                    last.values, byGroup: last.byGroup, failed: last.failed, scheduled: last.scheduled,
                    master: run.master, pairs: pairs, groups: groups)
            {
                salvaged.value = levelValue(objective, salvaged, master: run.master)
                s.incumbent = salvaged
                s.proven = false
                note("  kept the scheduled part of the last master solution (value \(salvaged.value))")
            }
            if let inc = s.incumbent { kept = inc }
            levels.append(outcome(objective, s, kept: kept, seconds: budget.elapsed - t0, master: run.master))
            guard s.proven, let inc = s.incumbent else {
                levels.append(contentsOf: objectives[(i + 1)...].map { notSolved($0, kept, master: run.master) })
                break
            }
            if i + 1 < objectives.count { hold(objective, level: i, at: inc.value, master: &run.master) }
            i += 1
        }
        // A run cut short never keeps less than the plain greedy (issue 15).
        if context.earlyFrom > 0, let first = levels.first, first.status == .feasible || first.status == .timeLimit,
            let greedy = floor(),
            Self.better(objectives[0], greedy.values, than: kept?.values)
        {
            note("kept the greedy's solution: level 0 \(objectives[0].value(greedy.values))")
            kept = greedy
            for i in levels.indices {
                levels[i].value = levelValue(objectives[i], greedy, master: run.master)
                if levels[i].status == .timeLimit { levels[i].status = .feasible }
            }
        }
        // Levels not solved report the kept solution's values: improved by moves first, each
        // keeping the levels before it (DecomposedPolish.swift).
        if var k = kept, let first = levels.firstIndex(where: { $0.status == .notSolved }), first > 0 {
            // Past a time limit they get a second more, all together.
            let deadline = max(budget.limit ?? 0, budget.elapsed + Self.lastMovesSeconds)
            for j in first..<levels.count {
                // Their time is the level's (the rule prices share the time limit by it).
                let t = budget.elapsed
                if let better = polished(
                    k, level: j, extraRows: [], master: run.master, context: run.context, until: deadline)
                {
                    k = better
                }
                levels[j].seconds += budget.elapsed - t
            }
            kept = k
            for j in first..<levels.count { levels[j].value = levelValue(objectives[j], k, master: run.master) }
        }
        // The large master's LP bound holds for the first level whatever it reached, and its time
        // is the level's (a level proven by it counted it already).
        if let large, !provenByLarge, !levels.isEmpty { levels[0].seconds += large.seconds }
        if let next, levels.count > 1 {
            levels[1].seconds += next.seconds
            if levels[1].status == .feasible || levels[1].status == .timeLimit {
                levels[1].bound = Self.tighter(objectives[1], levels[1].bound, next.bound)
            }
        }
        if let b = large?.bound, !levels.isEmpty, levels[0].status == .feasible || levels[0].status == .timeLimit {
            levels[0].bound = Self.tighter(objectives[0], levels[0].bound, b)
        }
        Self.closingMetBounds(&levels, objectives)
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
}
