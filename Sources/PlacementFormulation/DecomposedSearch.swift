import LinearModel
import PlacementModel

/// One level's search of the decomposition: master solves, group
/// scheduling and the cuts on what does not schedule.
extension DecomposedSolve {
    /// Nodes a master may have with no integer point before it starts
    /// again depth first (``SolverOptions/depthFirstAfterNodes``).
    static let diveAfterNodes = 500

    /// One level's loop: solve the master (with `extraRows`, rows that hold
    /// earlier levels for this search only), schedule each group, cut off
    /// what does not schedule, repair; until a master solution schedules,
    /// a repaired solution reaches the master's bound, or time runs out.
    /// With `firstMasterOnly`, returns after the first master solve unless
    /// it schedules. With `cap`, stops after that many seconds (`capped`)
    /// unless it has a solution by then.
    /// `initial`, a checked solution (the greedy's), is the incumbent the
    /// first master must beat. `start` (the earlier levels' solution, or a held
    /// level's first master's) is the first master's start point, if it checks.
    func search(
        level i: Int, _ objective: LevelObjective, extraRows: [Row], firstMasterOnly: Bool,
        initial: Incumbent? = nil, start: Incumbent? = nil, held: LevelObjective? = nil, cap: Double? = nil,
        run: inout Run
    ) throws -> LevelSearch {
        let deadline = cap.map { budget.elapsed + $0 }
        // From the `early` level on, a group schedules only on its pairs' first weeks (DecomposedEarly.swift).
        let strict = i >= run.context.earlyFrom
        // Their masters count the delays that a group's first weeks cannot hold (PairMaster+Early.swift).
        if strict { run.master.addOverflowColumns() }
        var objective = objective
        var offeredStart = false
        var s = LevelSearch()
        s.incumbent = initial
        var salvages = Salvages(objective: objective, extraRows: extraRows, held: held)
        var stall = StallWatch()
        levelProgress?(i, SolverOptions.Progress(incumbent: nil, bound: nil, nodes: 0))
        let levelBudget = levelProgress.map { report in budget.addingProgress { report(i, $0) } } ?? budget
        while true {
            if budget.isExhausted {
                s.termination = budget.stopRequested ? .interrupted : .timeLimit
                if budget.stopRequested { run.interrupted = true }
                break
            }
            // The cap is on finding a first solution: with one, the search goes on in the run's budget.
            let deadline = s.incumbent == nil ? deadline : nil
            if let deadline, budget.elapsed >= deadline {
                s.capped = true
                break
            }
            var opts = levelBudget.options(options, cap: deadline.map { max(0.01, $0 - budget.elapsed) })
            // The first master of a search with no incumbent (no cutoff, none of this search's cuts):
            // when it finds no integer point at its root, the rules (quotas) are what is hard, and
            // the pump finds one (generated 500 × 120 seed 2: 593 nodes and 3.5 s without it, 0.6 s
            // with). Later masters' points are hard because of the cuts and the cutoff, and there it
            // only cost time. A large master's first solve gets it under the incumbent's cutoff too:
            // the shared 1,000 × 250 round's first rich-policy master (17,588 columns) found no
            // point in 59 s under the greedy's cutoff, and with the pump its optimum in 16 s; on
            // 200 × 50 (under 2,000 columns) it made eleven of fourteen seeds 0.3–1.2 s slower.
            if s.termination == nil
                && (s.incumbent == nil || run.master.model.columnCount >= pumpUnderCutoffColumns)
            {
                opts.pumpAfterNodes = Self.pumpAfterNodes
            }
            // From the `early` level on, the masters' bound is at their optimum after the root's
            // cuts and what is hard is finding a point: depth first dives to one (the first
            // `early` master of a generated 200 × 50 round under the rich policy: 3,235 in 1.5 s,
            // where the best-bound search was still at 3,355 after 27,000 nodes). On `rank`
            // masters it was slower (seed 5 of 500 × 120: 14.0 s instead of 10.2 s). Under an
            // incumbent's cutoff the dive found better points one by one (seed 15: 580 nodes to the
            // optimum, 7.8 s, its root's bound already there); best bound then: 15.0 → 11.9 s.
            opts.depthFirst = strict && s.incumbent == nil
            // A master with no point after so many nodes starts again depth first (the `rank`
            // master of the same round under a cutoff: 26,665 nodes and 28 s before its first
            // point, then optimal at once; depth first from the start took 0.9 s).
            opts.depthFirstAfterNodes = Self.diveAfterNodes
            if s.incumbent == nil, !offeredStart, let start {
                // A solution of the earlier levels: GLPK's first incumbent, when it keeps every row.
                // Its soft shortfalls and worst rank are recomputed from its pairs (GLPK's own values
                // are within its tolerance only). Only the first master gets it: with a start GLPK
                // skips its presolver.
                let values = run.master.dropping([], from: start.values) ?? start.values
                opts.start = run.master.point(values: values, starts: start.starts)
                offeredStart = true
            }
            objective = refreshed(objective, level: i, master: run.master)
            run.master.model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
            var model = run.master.model
            for row in extraRows { model.addRow(row) }
            if let inc = s.incumbent { model.addRow(Self.cutoff(objective, beating: inc.value)) }
            let tSolve = budget.elapsed
            let r = try solver.solve(model, options: opts)
            run.stats.masterSolves += 1
            s.nodes += r.nodes
            s.termination = r.termination
            if r.termination == .interrupted { run.interrupted = true }
            note(
                "level \(i) master \(run.stats.masterSolves): \(r.termination) obj \(r.objective ?? .nan) bound \(r.bound ?? .nan) nodes \(r.nodes) rows \(model.rowCount) cols \(model.columnCount) nz \(model.nonZeroCount) \(NumberText.fixed(budget.elapsed - tSolve, digits: 2))s"
            )
            guard r.primal != .none else {
                // Stopped with no point: its bound (GLPK's best node) still bounds the level, as an
                // optimal master's does. The budgeted 1,000 × 250 with groups reported none where
                // its last master had proven 901.
                if r.termination != .infeasible, let b = r.bound.map({ Self.levelBound($0, objective) }), b.isFinite {
                    s.bound = Self.tighter(objective, s.bound, Self.underCutoff(b, s.incumbent, objective))
                }
                if r.termination == .infeasible {
                    // Nothing beats the incumbent: it is optimal. Without one, the level is infeasible.
                    if let inc = s.incumbent { s.proven = true; s.bound = inc.value } else { s.infeasible = true }
                }
                break
            }
            if r.primal == .optimal, let o = r.objective {
                s.bound = o
            } else if let b = r.bound {
                s.bound = Self.levelBound(b, objective)
            }
            // Under the cutoff the master bounds only the solutions that beat the incumbent; the
            // level's bound is the better of that and the incumbent (a bound worse than a solution
            // in hand was reported at a timed-out cost level, found by verify).
            s.bound = s.bound.map { Self.underCutoff($0, s.incumbent, objective) }

            // Schedule the chosen pairs of the groups that are not time-indexed.
            let (byGroup, scheduled, failed) = try scheduleGroups(
                r.values, master: run.master, context: run.context, atFirstWeeks: strict)
            note("  groups that do not schedule: \(failed.count) of \(byGroup.filter { !$0.isEmpty }.count)")
            if failed.isEmpty {
                var values = r.values
                if strict { run.master.settleOverflow(&values) }
                let value = run.master.model.objectiveValue(values)
                s.incumbent = Incumbent(
                    values: values, starts: run.master.starts(values, fixed: scheduled), value: value)
                s.proven = r.primal == .optimal && !run.interrupted
                break
            }
            s.lastUnscheduled = (r.values, byGroup, failed, scheduled)
            if firstMasterOnly { break }
            if strict {
                // Some of these groups' pairs start later than the master counts: their start
                // columns make the master exact for them.
                for g in failed { run.master.timeIndex(group: g) }
                if stall.observe(r) {
                    // Stalled: the master's value is its last one's and only its solution moved
                    // (seed 1 of the generated 200 x 50 under the rich policy, without travel groups:
                    // six masters at 3,316, each failing in other groups). Every group this solution
                    // uses is time-indexed, so the next master is exact wherever it was.
                    let used = byGroup.indices.filter { !byGroup[$0].isEmpty && !run.master.timeIndexed.contains($0) }
                    for g in used { run.master.timeIndex(group: g) }
                    note("  stalled: \(used.count) more groups time-indexed")
                }
                run.stats.timeIndexedGroups = run.master.timeIndexed.count
                if r.primal != .optimal || run.interrupted { break }
                // Keep what scheduled and choose again in the failed groups, now exact: an
                // incumbent for the next masters to beat, and the level's optimum when it reaches
                // this master's bound.
                let repairCap = max(Self.minimumRepairSeconds, 2 * (budget.elapsed - tSolve))
                if let repaired = try earlyRepairs(
                    r.values, failed: failed, level: i, objective: objective, extraRows: extraRows,
                    incumbent: s.incumbent, cap: repairCap, masterBound: r.objective, run: &run)
                {
                    note("  early repair: \(repaired.value)")
                    s.incumbent = repaired
                    s.closeIfBoundMet(objective)
                    if s.proven { break }
                }
                continue
            }
            // What schedules of this solution is an incumbent when it beats the one in hand: the
            // next masters must beat it (at 1,000 × 250 a time limit kept 859 of a master's 947,
            // where the repairs' solutions held 946; docs/performance.md).
            if let kept = checkedSalvage(
                r.values, byGroup: byGroup, failed: failed, scheduled: scheduled, from: run.master,
                master: run.master, context: run.context)
            {
                salvages.offer(kept)
                if let more = refilled(kept, objective, level: i, master: run.master, context: run.context) {
                    salvages.offer(more)
                }
            }
            let stalled = stall.observe(r)
            try cutOff(
                failed, byGroup: byGroup, pinned: run.master.pinnedStarts(r.values), master: &run.master,
                failures: &run.failures, context: run.context, stats: &run.stats,
                cutsPerResource: stalled ? PairMaster.cutsPerResourceWhenStalled : PairMaster.cutsPerResource)
            run.stats.timeIndexedGroups = run.master.timeIndexed.count
            // Repair: keep the groups that scheduled and re-solve the rest, a much smaller
            // model; when it reaches the master's bound, the level is proven.
            if r.primal == .optimal && !run.interrupted && s.bound != nil {
                // The repair is a heuristic: it may spend at most twice the master solve's time.
                let repairCap = max(Self.minimumRepairSeconds, 2 * (budget.elapsed - tSolve))
                let tRepair = budget.elapsed
                defer { note("  repair took \(NumberText.fixed(budget.elapsed - tRepair, digits: 2))s") }
                if let repaired = try repairs(
                    r.values, byGroup: byGroup, failed: failed, master: run.master, extraRows: extraRows,
                    objective: objective, incumbent: s.incumbent, cap: repairCap, stalled: stalled,
                    context: run.context, stats: &run.stats, salvages: &salvages)
                {
                    note("  repair: \(repaired.value)")
                    let inc =
                        polished(
                            repaired, level: i, extraRows: extraRows, master: run.master,
                            context: run.context) ?? repaired
                    s.incumbent = inc
                    s.closeIfBoundMet(objective)
                    if s.proven { break }
                }
            }
            if var kept = salvages.best, Self.better(objective, kept.values, than: s.incumbent?.values) {
                note("  salvaged: \(kept.value)")
                kept =
                    polished(kept, level: i, extraRows: extraRows, master: run.master, context: run.context)
                    ?? kept
                s.incumbent = kept
                s.closeIfBoundMet(objective)
                if s.proven { break }
            }
            if r.primal != .optimal || run.interrupted { break }
        }
        if let deadline, s.incumbent == nil, s.termination == .timeLimit, !budget.isExhausted,
            budget.elapsed >= deadline - 0.05
        {
            s.capped = true
        }
        s.closeIfBoundMet(objective)
        s.heldSalvage = salvages.bestForHeld
        return s
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
        /// In an optimistic hold, the best salvaged solution by the held level (see `Salvages`).
        var heldSalvage: Incumbent? = nil
        /// Stopped by its own `cap`, not by the run's budget.
        var capped = false
    }

    /// The outcome of a level from its search.
    func outcome(
        _ objective: LevelObjective, _ s: LevelSearch, kept: Incumbent?, seconds: Double, master: PairMaster
    ) -> LevelOutcome {
        let status: LevelOutcome.Status =
            s.infeasible
            ? .infeasible
            : (s.incumbent == nil ? (kept == nil ? .timeLimit : .feasible) : (s.proven ? .optimal : .feasible))
        var outcome = notSolved(objective, kept, master: master)
        outcome.status = status
        outcome.value = s.incumbent?.value ?? outcome.value
        outcome.bound = s.proven ? s.incumbent?.value : s.bound
        outcome.termination = s.termination
        outcome.seconds = seconds
        outcome.nodes = s.nodes
        return outcome
    }

    /// What the loop's helpers need to know of the round.
    struct Context {
        let pairs: PairSet
        let groups: [CapacityGroup]
        let groupOfPair: [Int?]
        /// The level of the `early` goal (the level count without one).
        let earlyFrom: Int
        /// The round and every level's objective, for the moves that improve
        /// a solution in hand (``DecomposedSolve/polished(_:level:extraRows:master:context:until:)``);
        /// without it there are none.
        var round: Round? = nil
    }

    /// What the moves that improve a solution need to know of the round.
    struct Round {
        let instance: Instance
        let candidates: CandidateSet
        let policy: Policy
        let objectives: [LevelObjective]
        /// Each level as a cost per pair column, to minimise (what the moves
        /// see of it); nil for a level with terms on other columns (soft
        /// rules, worst rank, `early`'s start columns).
        let costs: [[Double]?]

        init(instance: Instance, candidates: CandidateSet, policy: Policy, objectives: [LevelObjective], pairs: Int) {
            (self.instance, self.candidates, self.policy, self.objectives) = (instance, candidates, policy, objectives)
            costs = objectives.map { o in
                var c = [Double](repeating: 0, count: pairs)
                for (column, a) in o.terms {
                    guard column.rawValue < pairs else { return nil }
                    c[column.rawValue] += o.sense == .minimize ? a : -a
                }
                return c
            }
        }
    }

    /// The chosen pairs of each group that is not time-indexed, the starts
    /// found for the groups that schedule, and the groups that do not.
    /// With `atFirstWeeks` (the `early` levels) a group schedules only with
    /// every pair on its first week (``GroupScheduler/atFirstWeeks(_:)``).
    func scheduleGroups(_ values: [Double], master: PairMaster, context c: Context, atFirstWeeks: Bool = false) throws
        -> (byGroup: [[Int]], scheduled: [Int: Int], failed: [Int])
    {
        var byGroup = [[Int]](repeating: [], count: c.groups.count)
        for q in c.pairs.pairs.indices where values[q] > 0.5 {
            if let g = c.groupOfPair[q], !master.timeIndexed.contains(g) { byGroup[g].append(q) }
        }
        var scheduled: [Int: Int] = [:]
        var failed: [Int] = []
        let pinned = master.pinnedStarts(values)
        for (g, list) in byGroup.enumerated() where !list.isEmpty {
            var scheduler = GroupScheduler(group: c.groups[g], pairs: c.pairs, budget: budget)
            scheduler.pinned = pinned.filter { byGroup[g].contains($0.key) }
            if let s = try atFirstWeeks ? scheduler.atFirstWeeks(list) : scheduler.schedule(list, solver: solver) {
                scheduled.merge(s) { a, _ in a }
            } else {
                failed.append(g)
            }
        }
        if !failed.isEmpty && !pinned.isEmpty && !atFirstWeeks {
            let joint = try scheduleClusters(
                values, failed: failed, byGroup: byGroup, pinned: pinned, master: master, context: c)
            scheduled.merge(joint.starts) { _, b in b }
            failed = joint.failed
        }
        return (byGroup, scheduled, failed)
    }

    /// Cuts a solution off: for each group that does not schedule, an
    /// energetic interval the chosen pairs break, else a no-good on the
    /// smallest set of them that cannot be scheduled; a group that keeps
    /// failing is time-indexed instead, so the loop ends. A group that would
    /// schedule but for the starts the master gave its group members (in
    /// `pinned`) gets an energetic interval that counts those members' weeks
    /// through their start columns and that their starts overfill; when
    /// there is none, it is time-indexed at once: only then can the master
    /// see both. Time-indexing every such group at once made the master of
    /// a 1,000 × 250 round slow (docs/performance.md, "Groups").
    /// `cutsPerResource` intervals at most are added per resource
    /// (``PairMaster/cutsPerResourceWhenStalled`` after a stalled master).
    func cutOff(
        _ failed: [Int], byGroup: [[Int]], pinned: [Int: Int], master: inout PairMaster, failures: inout [Int: Int],
        context c: Context, stats: inout Statistics, cutsPerResource: Int = PairMaster.cutsPerResource
    ) throws {
        for g in failed {
            if byGroup[g].contains(where: master.groupedPairs.contains),
                try GroupScheduler(group: c.groups[g], pairs: c.pairs, budget: budget).schedule(
                    byGroup[g], solver: solver) != nil
            {
                // An interval the members' starts overfill cuts those starts off; else the master
                // needs the group's weeks.
                failures[g, default: 0] += 1
                if failures[g]! <= Self.cutRoundsBeforeTimeIndexing,
                    master.separateIntervals(group: g, chosen: byGroup[g], pinned: pinned, limit: cutsPerResource) > 0
                {
                    stats.intervalCuts += 1
                    continue
                }
                master.timeIndex(group: g)
                continue
            }
            failures[g, default: 0] += 1
            if failures[g]! > Self.cutRoundsBeforeTimeIndexing { master.timeIndex(group: g); continue }
            if master.separateIntervals(group: g, chosen: byGroup[g], limit: cutsPerResource) > 0 {
                stats.intervalCuts += 1; continue
            }
            // A no-good needs a proof that the set cannot be scheduled; without one (the exact
            // model stopped undecided), the group gets start-week columns, which is always valid.
            guard
                let core = try GroupScheduler(group: c.groups[g], pairs: c.pairs, budget: budget).minimalConflict(
                    byGroup[g], solver: solver)
            else {
                master.timeIndex(group: g)
                continue
            }
            master.addNoGood(core)
            stats.noGoodCuts += 1
        }
    }
}
