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
/// each round time-indexes at least one more group. Salvage and repair,
/// whose schedules move starts, are not used in these levels' searches;
/// a solution kept when a first level is cut short is valued by its own
/// starts (``levelValue(_:_:master:)``). The earlier levels' solution is
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
}
