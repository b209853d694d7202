import LinearModel
import PlacementModel

extension DecomposedSolve {
    /// Rounds of LP separation of the probe at most, rounds without progress
    /// before it stops, and intervals per resource and round. The LP's value
    /// can stay put for many rounds before it drops: at 1,000 × 250 under the
    /// default policy it was 947.0 for eight rounds, then 946 (the optimum);
    /// each round starts from the last basis (0.1–0.2 s there), so twelve
    /// rounds without progress cost little.
    static let probeRounds = 60
    static let probeStall = 12
    static let probeCutsPerResource = 4
    /// With a time limit, the share of the time left the probe may take: it
    /// runs before the hold (whose share, ``holdShare``, is of what the probe
    /// leaves). At 1,000 × 250 it took 0.8–3.3 s (docs/performance.md), but
    /// its rounds have no bound in time of their own on a larger round.
    static let probeShare = 0.25

    /// A bound on an integral level for every schedulable solution, from
    /// the master's LP relaxation strengthened by the energetic intervals
    /// it breaks (``PairMaster/separateFractional(group:values:limit:tolerance:)``),
    /// separated and solved again up to ``probeRounds`` times; rounded to
    /// the integer inside. nil when the LP fails or gives nothing better
    /// than `bound`. Each LP starts from the last one's basis (the rows
    /// added are basic in it; GLPK's dual simplex goes on from there). The
    /// intervals stay in a copy of the master: in the
    /// master they made every branch and bound slower (docs/performance.md,
    /// "What did not help").
    func probedBound(
        _ objective: LevelObjective, beyond bound: Double, master: PairMaster, context c: Context
    ) throws -> Double? {
        guard objective.isIntegral else { return nil }
        let t0 = budget.elapsed
        let deadline = budget.remaining.map { t0 + $0 * Self.probeShare }
        var probe = master
        // The master may hold another level's objective (the hold's search sets its own).
        probe.model.setObjective(sense: objective.sense, constant: objective.constant, terms: objective.terms)
        var best: Double? = nil
        var rounds = 0, stalled = 0
        var last: Double? = nil
        // Each round's LP is the last one with rows added: it starts from the last basis.
        var basis: Basis? = nil
        let scale = objective.terms.reduce(1.0) { max($0, abs($1.1)) }
        func rounded(_ b: Double) -> Double { Self.integralBound(b, objective.sense, scale: scale) }
        while rounds < Self.probeRounds, !budget.isExhausted {
            if let deadline, budget.elapsed >= deadline { break }
            var lp = probe.model
            for j in 0..<lp.columnCount where lp[ColumnIndex(j)].isInteger { lp[ColumnIndex(j)].isInteger = false }
            var opts = budget.options(options, cap: deadline.map { max(0.01, $0 - budget.elapsed) })
            opts.log = nil
            opts.progress = nil
            opts.basis = basis?.extended(rowCount: lp.rowCount, columnCount: lp.columnCount)
            // The probe is optional: a solver failure ends it, not the run (it runs on the main
            // path, before every hold whose first master does not schedule).
            let r: SolveResult
            do { r = try solver.solve(lp, options: opts) } catch {
                note("  probe: the LP failed (\(error)); no bound from it")
                break
            }
            basis = r.basis
            guard r.primal == .optimal, let o = r.objective, r.values.count == lp.columnCount else { break }
            rounds += 1
            // Every round's value is a bound; rows only tighten it, up to the simplex's noise.
            best = best.map { objective.sense == .maximize ? min($0, rounded(o)) : max($0, rounded(o)) } ?? rounded(o)
            let progressed = last.map { objective.sense == .maximize ? o < $0 - 1e-6 : o > $0 + 1e-6 } ?? true
            stalled = progressed ? 0 : stalled + 1
            last = o
            if stalled >= Self.probeStall { break }
            var added = 0
            for g in c.groups.indices where !probe.timeIndexed.contains(g) {
                added += probe.separateFractional(group: g, values: r.values, limit: Self.probeCutsPerResource)
            }
            if added == 0 { break }
        }
        note(
            "  probe: bound \(best ?? .nan) after \(rounds) LP rounds, \(NumberText.fixed(budget.elapsed - t0, digits: 2))s"
        )
        guard let best else { return nil }
        return objective.sense == .maximize ? (best < bound ? best : nil) : (best > bound ? best : nil)
    }

    /// An LP bound `b` on an integral level as the integer inside. The LP's
    /// value is within the simplex's tolerances of the true one, which grow
    /// with the objective's largest coefficient `scale` (a `cost` level's
    /// cents): a value within `1e-4·scale` of an integer counts as that
    /// integer, which only ever gives a weaker bound, never a wrong one
    /// (449.99998 is 450, not 449).
    static func integralBound(_ b: Double, _ sense: ObjectiveSense, scale: Double = 1) -> Double {
        let tol = 1e-4 * max(1, scale) + 1e-9 * abs(b)
        return sense == .maximize ? (b + tol).rounded(.down) : (b - tol).rounded(.up)
    }

    /// A solver's bound `b` on `objective`'s level: the integer inside for
    /// an integral level (GLPK's best node reads 900.9999999999999 where
    /// 901 is meant), else `b`.
    static func levelBound(_ b: Double, _ objective: LevelObjective) -> Double {
        guard objective.isIntegral, b.isFinite else { return b }
        return integralBound(b, objective.sense, scale: objective.terms.reduce(1.0) { max($0, abs($1.1)) })
    }

    /// A master's bound `b` as the level's: under the incumbent's cutoff the
    /// master bounds only the solutions that beat `incumbent`, so the level's
    /// bound is the weaker of `b` and the incumbent's value.
    static func underCutoff(_ b: Double, _ incumbent: Incumbent?, _ objective: LevelObjective) -> Double {
        guard let inc = incumbent else { return b }
        return objective.sense == .maximize ? max(b, inc.value) : min(b, inc.value)
    }

    /// `objective` at most (maximised) or at least (minimised) `bound`:
    /// valid for every schedulable solution when `bound` is a bound on them.
    static func boundRow(_ objective: LevelObjective, _ bound: Double, name: String) -> Row {
        let cols = objective.terms.map(\.0), coefs = objective.terms.map(\.1)
        return objective.sense == .maximize
            ? Row(name: name, upper: bound - objective.constant, columns: cols, coefficients: coefs)
            : Row(name: name, lower: bound - objective.constant, columns: cols, coefficients: coefs)
    }
}

extension DecomposedSolve.LevelSearch {
    /// The one place a search's solution in hand proves its level: when it
    /// meets the level's bound. After a repair or salvage, and when the
    /// search stops (time limit, cap, Ctrl-C): GLPK knows nothing of an
    /// integral objective and searches on under a bound of 946.3 with 946
    /// in hand, and a master stopped at its root may give the bound that
    /// the greedy's solution already meets.
    mutating func closeIfBoundMet(_ objective: LevelObjective) {
        guard !proven, !infeasible, let inc = incumbent, let b = bound,
            DecomposedSolve.meets(objective, inc.value, b)
        else { return }
        proven = true
        bound = inc.value
    }
}

extension DecomposedSolve {
    /// The levels of a run cut short whose kept values meet their bounds,
    /// in order while every level before is proven, reported proven: the
    /// plain greedy kept at the end (or a large master's LP bound) may
    /// close a level that no search closed. A later level's bound holds
    /// only with the levels before it at their optima, hence the order.
    static func closingMetBounds(_ levels: inout [LevelOutcome], _ objectives: [LevelObjective]) {
        for i in 0..<min(levels.count, objectives.count) {
            if levels[i].status == .optimal { continue }
            guard levels[i].status == .feasible, let v = levels[i].value, let b = levels[i].bound,
                meets(objectives[i], v, b)
            else { return }
            levels[i].status = .optimal
            levels[i].bound = v
        }
    }
}
