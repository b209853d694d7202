import LinearModel
import PlacementModel

/// The `early` goal in the decomposition (issue 15, part 2).
///
/// The master has no start week for most pairs, so it counts each pair's
/// stay from the pair's first week (``PairMaster/earlyTerms()``): a lower
/// bound on the sum of start weeks, exact where a pair has start columns.
/// From the `early` level on, a capacity group schedules only when its
/// chosen pairs all fit on their first weeks (``GroupScheduler/atFirstWeeks(_:)``);
/// a group that does not is time-indexed, so that the master sees what
/// its later starts cost. A master optimum whose groups all schedule so
/// has exactly the master's value and is optimal; the loop ends because
/// each round time-indexes at least one more group. Salvage and the
/// other levels' repair, whose schedules move starts, are not used here;
/// a solution kept when a first level is cut short is valued by its own
/// starts (``levelValue(_:_:master:)``). What these levels repair instead
/// keeps every start exact (``earlyRepairs(_:failed:level:objective:extraRows:incumbent:cap:run:)``).
/// The earlier levels' solution is
/// the first master's start point (not under an optimistic hold, whose row
/// it does not keep).
extension DecomposedSolve {
    /// The `early` level's objective over the master as it is now (start
    /// columns are added as groups are time-indexed), with the soft-quota
    /// penalties when it carries them (rounds.md, ruling 20).
    func earlyObjective(level: Int, master: PairMaster) -> LevelObjective {
        var o = LevelObjective(goal: .early, sense: .minimize, terms: master.earlyTerms(), isIntegral: true)
        if level == master.penaltyLevel && !master.penalties.isEmpty {
            o.terms += master.penalties.map { ($0.column, $0.cost) }
            o.isIntegral = false
        }
        return o
    }

    /// `objective` with the master's current terms (only `early` changes).
    func refreshed(_ objective: LevelObjective, level: Int, master: PairMaster) -> LevelObjective {
        objective.goal == .early ? earlyObjective(level: level, master: master) : objective
    }

    /// Holds level `level` at `value` in the master for the levels after
    /// it; an `early` hold gains the terms of start columns added later.
    func hold(_ objective: LevelObjective, level: Int, at value: Double, master: inout PairMaster) {
        if objective.goal == .early {
            master.addEarlyRow(earlyObjective(level: level, master: master).holdRow(value, name: "hold_\(level)"))
        } else {
            master.model.addRow(objective.holdRow(value, name: "hold_\(level)"))
        }
    }

    /// A level's value for a solution. `early` is the sum of the starts the
    /// solution has: a solution kept from an earlier level may start a pair
    /// after its first week, where the master's terms count the first.
    func levelValue(_ objective: LevelObjective, _ solution: Incumbent, master: PairMaster) -> Double {
        guard objective.goal == .early else { return objective.value(solution.values) }
        var v = Double(solution.starts.values.reduce(0, +))
        if !objective.isIntegral {
            for (c, cost) in master.penalties { v += cost * solution.values[c.rawValue] }
        }
        return v
    }

    /// A level not solved, with its value for `solution` when there is one.
    func notSolved(_ objective: LevelObjective, _ solution: Incumbent?, master: PairMaster) -> LevelOutcome {
        var outcome = LexicographicDriver.notSolved(objective, values: nil)
        outcome.value = solution.map { levelValue(objective, $0, master: master) }
        return outcome
    }

    /// The cheap early repair (``earlyRepair(_:failed:level:objective:extraRows:incumbent:cap:scope:run:)``),
    /// then, when it finds nothing or a solution short of `masterBound` (the
    /// master's optimum, when given), the widened one in what is left of
    /// `cap`, which must beat what the cheap one found (the groups that
    /// scheduled keep their chosen pairs and may take more). After a solution
    /// short of the bound it took fourteen generated 200 × 50 rounds under the
    /// rich policy from 71.2 to 66.9 s in all, seed 15 from 11.7 to 10.6 s
    /// (docs/performance.md). Unlike the other levels' repairs
    /// (``repairs(_:byGroup:failed:master:extraRows:objective:incumbent:cap:stalled:context:stats:salvages:)``),
    /// the widened one runs after every master, not only a stalled one: on
    /// fifteen generated 200 × 50 rounds under the rich policy it took seed 1
    /// from 8.3 to 4.7 s, seed 5 from 10.7 to 7.1 s and seed 13 from 14.2 to
    /// 10.9 s, and no seed more than 0.2 s longer (docs/performance.md).
    func earlyRepairs(
        _ values: [Double], failed: [Int], level i: Int, objective: LevelObjective, extraRows: [Row],
        incumbent: Incumbent?, cap: Double, masterBound: Double? = nil, run: inout Run
    ) throws -> Incumbent? {
        let t0 = budget.elapsed
        var best: Incumbent? = nil
        for scope in [RepairScope.failedGroups, .widened] {
            if let repaired = try earlyRepair(
                values, failed: failed, level: i, objective: objective, extraRows: extraRows,
                incumbent: best ?? incumbent,
                cap: cap - (budget.elapsed - t0), scope: scope, run: &run)
            {
                best = repaired
                guard let masterBound, !Self.meets(objective, repaired.value, masterBound) else { break }
            }
        }
        return best
    }

    /// The `early` levels' repair of a master solution whose `failed` groups
    /// did not schedule at their first weeks, once the loop has time-indexed
    /// them: the pairs chosen in every other group that has any are kept (the
    /// rest of those groups unchosen; with `.widened`, free) and the master
    /// is solved again, a much smaller model that is exact for the groups it
    /// may change. A group that still fails is time-indexed in `run.master`
    /// too (the repair's model is the master with bounds fixed, so its
    /// solutions are the master's points), for a few rounds. The best
    /// schedulable solution found that beats `incumbent`, or nil. On seed 15 of the generated 200 × 50 under
    /// the rich policy the second `early` master failed in 2 of 33 groups and
    /// the third then found no point in 48 s (docs/performance.md).
    func earlyRepair(
        _ values: [Double], failed: [Int], level i: Int, objective: LevelObjective, extraRows: [Row],
        incumbent: Incumbent?, cap: Double, scope: RepairScope = .failedGroups, run: inout Run
    ) throws -> Incumbent? {
        let c = run.context
        let deadline = budget.elapsed + cap
        var free = Set(failed)
        var used = Set<Int>()
        for q in c.pairs.pairs.indices where values[q] > 0.5 { if let g = c.groupOfPair[q] { used.insert(g) } }
        for _ in 0..<Self.repairRounds {
            let left = deadline - budget.elapsed
            if left <= 0.01 || budget.isExhausted { return nil }
            var restricted = Self.keeping(
                values, inGroups: used.subtracting(free), of: run.master, scope: scope, context: c)
            let objective = refreshed(objective, level: i, master: restricted)
            restricted.model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
            for row in extraRows { restricted.model.addRow(row) }
            if let inc = incumbent { restricted.model.addRow(Self.cutoff(objective, beating: inc.value)) }
            var opts = budget.options(options, cap: left)
            opts.depthFirst = true
            let r = try solver.solve(restricted.model, options: opts)
            run.stats.repairSolves += 1
            note("    early repair solve: \(r.termination) obj \(r.objective ?? .nan) nodes \(r.nodes)")
            guard r.primal != .none else { return nil }
            let (_, scheduled, stillFailing) = try scheduleGroups(
                r.values, master: restricted, context: c, atFirstWeeks: true)
            if stillFailing.isEmpty {
                var values = r.values
                restricted.settleOverflow(&values)
                return Incumbent(
                    values: values, starts: restricted.starts(values, fixed: scheduled),
                    value: restricted.model.objectiveValue(values))
            }
            if r.primal != .optimal { return nil }
            for g in stillFailing {
                run.master.timeIndex(group: g)
                free.insert(g)
            }
            run.stats.timeIndexedGroups = run.master.timeIndexed.count
        }
        return nil
    }
}
