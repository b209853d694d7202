import LinearModel
import PlacementModel

/// Salvage: a schedulable solution from a master (or repair) solution
/// whose groups do not all schedule, by dropping what does not.
extension DecomposedSolve {
    /// A schedulable solution from a master solution whose groups do not
    /// all schedule: each failing group keeps the pairs a greedy can place
    /// and drops the rest, with the whole travel group of a member it drops
    /// (all or none); nil when that breaks a hard quota or a lock.
    func salvage(
        _ values: [Double], byGroup: [[Int]], failed: [Int], scheduled: [Int: Int], master: PairMaster,
        pairs: PairSet, groups: [CapacityGroup]
    ) -> Incumbent? {
        var starts = scheduled
        var dropped = Set<Int>()
        let pinned = master.pinnedStarts(values)
        for g in failed {
            var scheduler = GroupScheduler(group: groups[g], pairs: pairs, budget: budget)
            scheduler.pinned = pinned.filter { byGroup[g].contains($0.key) }
            let (s, _) = scheduler.greedy(byGroup[g], skipping: true)
            starts.merge(s) { a, _ in a }
            for q in byGroup[g] where s[q] == nil { dropped.insert(q) }
        }
        dropped = master.withTheirGroups(dropped, values)
        guard let v = master.dropping(dropped, from: values) else { return nil }
        return Incumbent(values: v, starts: master.starts(v, fixed: starts), value: master.model.objectiveValue(v))
    }

    /// `salvage` of a solution of `from` (the master, or a repair's copy of
    /// it), kept only when it keeps every row of `master`.
    func checkedSalvage(
        _ values: [Double], byGroup: [[Int]], failed: [Int], scheduled: [Int: Int], from: PairMaster,
        master: PairMaster, context c: Context
    ) -> Incumbent? {
        guard
            var kept = salvage(
                values, byGroup: byGroup, failed: failed, scheduled: scheduled, master: from, pairs: c.pairs,
                groups: c.groups)
        else { return nil }
        // A repair's copy may have start columns of its own after the master's: the master's
        // rows do not see them.
        let v = Array(kept.values.prefix(master.model.columnCount))
        guard v.count == master.model.columnCount, master.model.maxViolation(v) <= 1e-6 else { return nil }
        kept.values = v
        return kept
    }

    /// The best solutions salvaged in one level's search (issue 15), each
    /// already checked against every row of the master.
    struct Salvages {
        let objective: LevelObjective
        /// The rows that hold earlier levels in this search only.
        let extraRows: [Row]
        /// In an optimistic hold, the level `extraRows` holds at its bound.
        let held: LevelObjective?
        /// The best that keeps `extraRows`, by `objective`: an incumbent.
        var best: Incumbent? = nil
        /// The best by `held`, whether or not it keeps `extraRows`: what
        /// the held level keeps when the hold is not reached in time.
        var bestForHeld: Incumbent? = nil

        mutating func offer(_ solution: Incumbent) {
            let v = solution.values
            if let held, DecomposedSolve.better(held, v, than: bestForHeld?.values) {
                bestForHeld = solution
                bestForHeld!.value = held.value(v)
            }
            if extraRows.allSatisfy({ $0.violation(v) <= 1e-6 }),
                DecomposedSolve.better(objective, v, than: best?.values)
            {
                best = solution
                best!.value = objective.value(v)
            }
        }
    }
}
