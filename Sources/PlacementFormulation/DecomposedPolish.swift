import LinearModel
import PlacementModel

/// A solution in hand improved on a later level by moves
/// (PairGreedy+Improve.swift): the repairs' and salvages' solutions of a
/// level's search, the solution of the levels before as the first one a
/// level's master must beat, and the greedy's when a run keeps it.
extension DecomposedSolve {
    /// A salvaged solution with those left out placed where stays still fit
    /// (``PairGreedy/refill()``), then improved on `objective` when it is a
    /// later level; nil when nobody more is placed or the result breaks a
    /// row of the master. Rows that hold earlier levels in this search only
    /// are the caller's to check (``Salvages/offer(_:)``): a refill that
    /// reaches an optimistic hold is that hold's solution.
    func refilled(
        _ salvaged: Incumbent, _ objective: LevelObjective, level: Int, master: PairMaster, context: Context
    ) -> Incumbent? {
        let t0 = budget.elapsed
        defer { note("  refill took \(NumberText.fixed(budget.elapsed - t0, digits: 2))s") }
        guard var greedy = loadedGreedy(salvaged, master: master, context: context, until: nil), greedy.refill() > 0,
            let v = Self.checkedPoint(greedy.starts, master: master)
        else { return nil }
        var refilled = Incumbent(values: v, starts: greedy.starts, value: objective.value(v))
        note("  refilled the salvage: \(salvaged.starts.count) placed, now \(greedy.starts.count)")
        if let better = polished(refilled, level: level, extraRows: [], master: master, context: context) {
            refilled = better
        }
        return refilled
    }

    /// When moves stop: on Ctrl-C, or past `deadline` (seconds into the
    /// run; the time limit when nil). With the default tries they took
    /// seconds at 5,000 × 1,200; with ten times as many, over nine minutes.
    func movesStop(until deadline: Double?) -> () -> Bool {
        let end = deadline ?? budget.limit
        return { [budget] in budget.stopRequested || end.map { budget.elapsed > $0 } ?? false }
    }

    /// A greedy holding `solution` (with the master's hard quotas guarded,
    /// its moves stopping at `deadline`), ready for moves; nil without the
    /// round, or when the solution lacks a start for a chosen pair or does
    /// not fit (``PairGreedy/load(_:)``).
    private func loadedGreedy(_ solution: Incumbent, master: PairMaster, context: Context, until deadline: Double?)
        -> PairGreedy?
    {
        guard let round = context.round,
            solution.starts.count == (0..<master.pairs.pairs.count).count(where: { solution.values[$0] > 0.5 })
        else { return nil }
        var greedy = PairGreedy(
            instance: round.instance, candidates: round.candidates, pairs: master.pairs,
            budget: round.policy.budgetCents)
        greedy.quotas = QuotaGuard(master: master)
        greedy.shouldStop = movesStop(until: deadline)
        return greedy.load(solution.starts) ? greedy : nil
    }

    /// `incumbent` improved on level `level` (one whose terms are all on
    /// pair columns: `rank`, its squared form, `cost`; ``Round/costs``) by
    /// moves that leave nobody out and make no earlier level worse; nil when
    /// nothing improves, the level is not one moves can improve (the first,
    /// `early` and after, worst rank, soft rules in it), or the result
    /// breaks a row of the master or `extraRows` (the rows holding earlier
    /// levels in this search). The moves stop at `deadline`
    /// (``movesStop(until:)``).
    func polished(
        _ incumbent: Incumbent, level: Int, extraRows: [Row], master: PairMaster, context: Context,
        until deadline: Double? = nil
    ) -> Incumbent? {
        let t0 = budget.elapsed
        guard let round = context.round, level > 0, level < context.earlyFrom, let cost = round.costs[level],
            var greedy = loadedGreedy(incumbent, master: master, context: context, until: deadline)
        else { return nil }
        let objective = round.objectives[level]
        // Earlier levels over pairs are kept by each move; the others (worst rank, soft rules)
        // by the checks below.
        let keeping = round.costs.prefix(level).compactMap { $0 }
        guard greedy.improve(cost: cost, keeping: keeping) > PairGreedy.saving,
            let v = Self.checkedPoint(greedy.starts, master: master, extraRows: extraRows),
            Self.better(objective, v, than: incumbent.values),
            // No earlier level gets worse, whether or not a row holds it (a level not proven has none).
            round.objectives.prefix(level).allSatisfy({ !Self.better($0, incumbent.values, than: v) })
        else { return nil }
        note(
            "  moves improved level \(level) from \(objective.value(incumbent.values)) to \(objective.value(v)) "
                + "in \(NumberText.fixed(budget.elapsed - t0, digits: 2))s")
        return Incumbent(values: v, starts: greedy.starts, value: objective.value(v))
    }
}
