import LinearModel
import PlacementModel

/// Large masters (issue 15, part 4): at 5,000 × 1,200 the first master's
/// LP (482,179 pair columns, 68,063 rows) does not finish in 300 s of
/// GLPK's simplex, so a run there ended with the greedy's solution and no
/// bound. Before any master solve, the first level's LP relaxation is
/// solved by column generation instead (``ColumnGeneration``: the greedy's
/// pairs and each participant's three best-ranked pairs to start, the rows
/// those pairs cannot break left out; the first round starts from the
/// greedy's solution), which takes about 1 s there (docs/performance.md).
/// It bounds every schedulable solution, as the probe's LP does. When
/// the greedy's solution reaches that bound, the level is proven without
/// a master solve; otherwise the bound is reported with whatever the
/// level reaches.
extension DecomposedSolve {
    /// Pairs a participant that a large master's column generation starts
    /// from, besides the greedy's.
    static let largeMasterFirstPairs = 3
    /// Columns at most one participant adds in a round of it.
    static let largeMasterPerParticipant = 5

    /// What column generation gave the first level of a large master: the
    /// greedy's solution (checked against the master) and the LP bound.
    struct LargeMasterStart {
        var greedy: Incumbent?
        var bound: Double?
        /// What it took: part of the first level's time (a caller sharing the
        /// time limit, such as the rule prices, counts it).
        var seconds: Double
    }

    /// The greedy's solution and the LP bound of the first level, for a
    /// master of at least ``largeMasterColumns`` columns; nil for a smaller
    /// master, under `early` first (the greedy's starts are not what the
    /// master counts), or when building stopped.
    func largeMasterStart(
        _ objective: LevelObjective, master: PairMaster, context: Context, instance: Instance,
        candidates: CandidateSet, policy: Policy
    ) throws -> LargeMasterStart? {
        guard master.model.columnCount >= largeMasterColumns, context.earlyFrom > 0, !master.stopped else {
            return nil
        }
        let t0 = budget.elapsed
        var greedy = greedyIncumbent(
            master: master, candidates: candidates, instance: instance, policy: policy, objective: objective)
        if let v = greedy?.values { greedy?.value = objective.value(v) }
        note("large master (\(master.model.columnCount) columns): the greedy's solution: \(greedy?.value ?? .nan)")
        let bound = try relaxationBound(objective, level: 0, master: master, seed: greedy)
        return LargeMasterStart(greedy: greedy, bound: bound, seconds: budget.elapsed - t0)
    }

    /// What a large master's bounds proved before any master solve: the
    /// first level when the greedy's solution reaches its LP bound; then,
    /// the second level's LP bound under the hold, which proves it too when
    /// the greedy's solution (improved on it by moves) reaches it. nil when
    /// the first level is not proven.
    func provenByBounds(_ large: LargeMasterStart, objectives: [LevelObjective], run: inout Run) throws
        -> (levels: [LevelOutcome], kept: Incumbent, next: (bound: Double?, seconds: Double)?)?
    {
        guard let g = large.greedy, let b = large.bound, Self.meets(objectives[0], g.value, b) else { return nil }
        var levels = [proven(objectives, level: 0, g, bound: b, seconds: budget.elapsed, run: &run)]
        guard objectives.count > 1 else { return (levels, g, nil) }
        // The second level's master is as large: its LP bound too, under the hold.
        let t1 = budget.elapsed
        // The moves first: at 20,000 × 5,000 this level's column generation ran out the time
        // limit (821 s), and the moves after it had none left (`rank` 33,998 where they reach
        // 31,644 in 108 s). They also give it a better first point.
        var g1 = g
        g1.value = objectives[1].value(g.values)
        g1 = polished(g1, level: 1, extraRows: [], master: run.master, context: run.context) ?? g1
        let b1 = try relaxationBound(objectives[1], level: 1, master: run.master, seed: g1)
        guard let b1, Self.meets(objectives[1], g1.value, b1) else { return (levels, g1, (b1, budget.elapsed - t1)) }
        levels.append(proven(objectives, level: 1, g1, bound: b1, seconds: budget.elapsed - t1, run: &run))
        return (levels, g1, nil)
    }

    /// The outcome of a level whose solution reaches its LP bound, with the
    /// hold for the levels after it.
    private func proven(
        _ objectives: [LevelObjective], level: Int, _ solution: Incumbent, bound: Double, seconds: Double,
        run: inout Run
    ) -> LevelOutcome {
        note("level \(level): the greedy's solution reaches the LP bound \(bound): optimal")
        var s = LevelSearch()
        (s.incumbent, s.bound, s.proven, s.termination) = (solution, bound, true, .optimal)
        let reached = outcome(objectives[level], s, kept: solution, seconds: seconds, master: run.master)
        if level + 1 < objectives.count {
            hold(objectives[level], level: level, at: solution.value, master: &run.master)
        }
        return reached
    }

    /// A level's bound from the master's LP relaxation (with the rows that
    /// hold earlier levels), by column generation from `seed`'s columns
    /// and each participant's ``largeMasterFirstPairs`` best-ranked pairs;
    /// rounded for an integral level. nil when it stopped first.
    func relaxationBound(_ objective: LevelObjective, level: Int, master: PairMaster, seed: Incumbent?) throws
        -> Double?
    {
        let t0 = budget.elapsed
        var lp = master.model
        lp.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
        for j in 0..<lp.columnCount where lp[ColumnIndex(j)].isInteger { lp[ColumnIndex(j)].isInteger = false }
        let pairs = master.pairs
        var initial = Set<Int>()
        for p in 0..<(pairs.pairStart.count - 1) {
            let own = pairs.pairStart[p]..<pairs.pairStart[p + 1]
            let best = own.sorted { (pairs.pairs[$0].rank, $0) < (pairs.pairs[$1].rank, $1) }
            initial.formUnion(best.prefix(Self.largeMasterFirstPairs))
        }
        if let seed { initial.formUnion(seed.values.indices.filter { seed.values[$0] > 0.5 }) }
        // The quota counts: one left out would hold every pair it counts at 0.
        initial.formUnion(master.quotaCounts.map(\.column.rawValue))
        // A pair's start columns (travel groups' members) count as its participant's; any other
        // column (worst rank, shortfalls) is a family of its own. With them all in one family,
        // 5,000 × 1,200 with travel groups took 276 rounds.
        var family = [Int](repeating: 0, count: lp.columnCount)
        for j in family.indices { family[j] = j < pairs.pairs.count ? pairs.pairs[j].participant : -1 - j }
        for (q, starts) in master.startColumns {
            for start in starts { family[start.column.rawValue] = pairs.pairs[q].participant }
        }
        let participantOf: @Sendable (ColumnIndex) -> Int = { [family] c in family[c.rawValue] }
        var opts = options
        opts.log = nil
        opts.progress = nil
        // The first round starts from the seed (a feasible point: its slack basis is primal
        // feasible), not from 0: at 20,000 × 5,000 GLPK's primal simplex from 0 had reached
        // 7,700 of the greedy's 19,997 after 5 minutes; from the greedy, the bound took 18.6 s.
        let start = seed.flatMap { Basis.slack(at: $0.values, of: lp) }
        let out = try ColumnGeneration.relaxation(
            of: lp, initial: initial.sorted().map(ColumnIndex.init), startBasis: start, batch: lp.columnCount,
            family: participantOf,
            perFamily: Self.largeMasterPerParticipant, solver: solver, options: opts, budget: budget,
            log: { [budget] line in budget.log?("  " + line + "\n") })
        var bound: Double? = nil
        if out.result.termination == .optimal, let v = out.result.objective { bound = Self.levelBound(v, objective) }
        note(
            "large master: level \(level)'s LP bound \(bound.map { "\($0)" } ?? "none") (\(out.result.termination), "
                + "\(out.rounds) rounds, \(out.columns.count) columns) in \(NumberText.fixed(budget.elapsed - t0, digits: 2))s"
        )
        return bound
    }

    /// The outcomes of levels `from…` of a master too large to search
    /// (``largestSearchedMaster``): the first of them `feasible` with
    /// `kept`'s value (`time_limit` without one; the caller adds the
    /// bounds), the others not solved.
    func unsearched(_ objectives: [LevelObjective], from first: Int, kept: Incumbent?, master: PairMaster)
        -> [LevelOutcome]
    {
        note(
            "large master: \(master.model.columnCount) columns, more than \(largestSearchedMaster) to search; "
                + "the levels not proven keep the greedy's solution")
        var levels = objectives[first...].map { notSolved($0, kept, master: master) }
        levels[0].status = kept == nil ? .timeLimit : .feasible
        return levels
    }

    /// `a` or `b`, whichever bounds `objective` more tightly (either may be nil).
    static func tighter(_ objective: LevelObjective, _ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return a ?? b }
        return objective.sense == .maximize ? min(a, b) : max(a, b)
    }
}
