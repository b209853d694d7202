import Foundation
import GLPKSolver
import LinearModel
@testable import PlacementFormulation
import PlacementModel
import Testing

/// The decomposition solves the second level with the first held at the
/// first master's bound; when no schedulable solution reaches that bound it
/// must fall back to solving the first level on its own.
@Suite struct OptimisticHoldTests {
    /// Lines the decomposition logs, and its outcome.
    func decomposed(
        _ instance: Instance, _ policy: Policy = .default, solver: any LinearSolver = GLPKSolver(), limit: Double = 30,
        largestFractionalHold: Int? = nil
    ) throws -> (DecomposedSolve.Outcome, [String]) {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func add(_ s: String) { lock.lock(); text += s; lock.unlock() }
        }
        let lines = Lines()
        var budget = SolveBudget(limit: limit)
        budget.log = { lines.add($0) }
        let c = CandidateSet(instance: instance, policy: policy)
        var solve = DecomposedSolve(solver: solver, options: SolverOptions(), budget: budget)
        if let largestFractionalHold { solve.largestFractionalHold = largestFractionalHold }
        let outcome = try solve.solve(instance: instance, policy: policy, candidates: c)
        return (outcome, lines.text.split(separator: "\n").map(String.init))
    }

    /// Offer window of 6 weeks (2026-03-02…04-12), capacity 1; a, b, c want 3 weeks each.
    func threeInSixWeeks() -> Instance {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3) }
        return round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1)])])
    }

    /// The candidates, pairs and capacity groups of a round under the default policy.
    func decomposition(of r: Instance) -> (CandidateSet, PairSet, [CapacityGroup]) {
        let c = CandidateSet(instance: r, policy: .default)
        let pairs = PairSet(candidates: c)
        return (c, pairs, CapacityGroup.groups(instance: r, candidates: c, pairs: pairs))
    }

    @Test func boundNotReachedIsProbed() throws {
        // Offer window of 6 weeks (2026-03-02…04-12), capacity 1; a, b, c want 3 weeks each.
        // No single week is occupied whatever the start, so the master's bound is placed = 3;
        // only two stays fit one after the other (weeks 0–2 and 3–5): placed = 2, rank 0.
        // The first master's solution does not schedule; the probe separates the interval of
        // weeks 0–5 from the LP's point and bounds placed by 2 before the hold, so the hold is
        // at 2, where a schedulable solution proves both levels.
        let r = threeInSixWeeks()
        let (outcome, log) = try decomposed(r)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 0])
        #expect(outcome.levels[0].bound == 2)
        let probed = try #require(log.firstIndex { $0.contains("the probe bounds it by 2.0 before the hold") })
        let held = try #require(log.firstIndex { $0.contains("held at its bound 2.0") }, "the hold is at 2")
        #expect(probed < held)
        #expect(!log.contains { $0.contains("held at its bound 3") }, "never at the master's bound")
        #expect(!log.contains { $0.contains("cannot reach its bound") }, "the hold is reached")
        #expect(try solve(r).values == [2, 0], "the direct model agrees")
    }

    /// GLPK, recording the row names of each MIP, except that a model
    /// holding level 0 (a row `hold_0`) before the probed bound is a row of
    /// the master (`bound_0`) is infeasible: the optimistic hold fails, and
    /// the next level, held at the proven level 0 later, is not touched.
    final class FailingHoldSolver: LinearSolver, @unchecked Sendable {
        var name: String { "GLPK, failing holds" }
        private let lock = NSLock()
        private(set) var models: [Set<String>] = []
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            let names = Set(model.rows.map(\.name))
            if model.hasIntegerColumns { lock.withLock { models.append(names) } }
            if names.contains("hold_0") && !names.contains("bound_0") {
                return SolveResult.noSolution(.infeasible, message: "the hold fails in this test")
            }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    @Test func aProbedBoundJoinsTheMasterWhenTheHoldFails() throws {
        // The probe bounds placed by 2 before the hold; the hold at 2 fails (stubbed), so the
        // first level is solved on its own with the row `placed ≤ 2`, which the held masters
        // did not have; the greedy's 2 is then proven at once, with bound 2.
        let solver = FailingHoldSolver()
        let (outcome, log) = try decomposed(threeInSixWeeks(), solver: solver)
        #expect(log.contains { $0.contains("held at its bound 2.0") })
        #expect(log.contains { $0.contains("cannot reach its bound 2.0") })
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 0])
        #expect(outcome.levels[0].bound == 2)
        let held = try #require(solver.models.firstIndex { $0.contains("hold_0") }, "the optimistic hold's master")
        #expect(!solver.models[held].contains("bound_0"), "no bound row under the optimistic hold")
        let own = try #require(
            solver.models[held...].firstIndex { $0.contains("cutoff") && !$0.contains("hold_0") },
            "the own search's first master")
        #expect(solver.models[own].contains("bound_0"), "the probed bound is a row of the own search")
    }

    @Test func boundNotReachedNorProbedFallsBackToTheFirstLevel() throws {
        // The round above, with every LP (the probe's) failing: the first level is solved on
        // its own from the master's bound, 3, and the cuts prove 2.
        let r = threeInSixWeeks()
        let (outcome, log) = try decomposed(r, solver: NoLPSolver())
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 0])
        #expect(log.contains { $0.contains("cannot reach its bound 3") })
        #expect(!log.contains { $0.contains("the probe bounds it") })
    }

    /// GLPK, except that an LP throws, as GLPK's simplex failing would.
    struct ThrowingLPSolver: LinearSolver {
        struct Failure: Error {}
        var name: String { "GLPK, failing LPs" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if !model.hasIntegerColumns { throw Failure() }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    /// GLPK, except that a model without integer columns (an LP) gets no solution.
    struct NoLPSolver: LinearSolver {
        var name: String { "GLPK, no LPs" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if !(0..<model.columnCount).contains(where: { model[ColumnIndex($0)].isInteger }) {
                return SolveResult.noSolution(.timeLimit, message: "no LPs in this test")
            }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    /// Records the time limit of every LP it is given, and solves none.
    final class LPLimitRecorder: LinearSolver, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [Double?] = []
        var name: String { "LP time limits" }
        var limits: [Double?] { lock.withLock { recorded } }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            lock.withLock { recorded.append(options.timeLimit) }
            return SolveResult.noSolution(.timeLimit)
        }
    }

    /// With a time limit the probe takes at most its share of the time
    /// left (it runs before the hold, whose share it must not eat); without
    /// one, its LPs have no limit.
    @Test func theProbeKeepsToItsShareOfTheTimeLeft() throws {
        let r = threeInSixWeeks()
        let (c, pairs, groups) = decomposition(of: r)
        let master = PairMaster(
            instance: r, policy: .default, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let context = DecomposedSolve.Context(
            pairs: pairs, groups: groups, groupOfPair: pairs.pairs.indices.map { _ -> Int? in 0 }, earlyFrom: 2)
        // A budget of 1 s of which 0.4 s is spent: a quarter of the 0.6 s left, not of the second.
        for (limit, spent) in [(1.0, 0.4), (nil, 0)] as [(Double?, Double)] {
            let recorder = LPLimitRecorder()
            let budget = SolveBudget(limit: limit)
            Thread.sleep(forTimeInterval: spent)
            let solve = DecomposedSolve(solver: recorder, options: SolverOptions(), budget: budget)
            let placed = solve.objective(.placed(weights: []), level: 0, instance: r, master: master)
            #expect(try solve.probedBound(placed, beyond: 3, master: master, context: context) == nil)
            #expect(recorder.limits.count == 1)
            if limit != nil {
                let given = try #require(recorder.limits.first ?? nil)
                #expect(given <= 0.6 * DecomposedSolve.probeShare + 0.001 && given > 0, "\(given)")
            } else {
                #expect(recorder.limits.first! == nil)
            }
        }
    }

    @Test func probedBoundsAreRoundedTowardsTheWeakerSide() {
        // An LP value a hair below an integer is that integer, never one less (a wrong bound).
        #expect(DecomposedSolve.integralBound(449.99998, .maximize) == 450)
        #expect(DecomposedSolve.integralBound(450.8611, .maximize) == 450)
        #expect(DecomposedSolve.integralBound(503.00002, .minimize) == 503)
        #expect(DecomposedSolve.integralBound(502.1, .minimize) == 503)
        // A cost level's LP (coefficients in cents) is that much less exact.
        #expect(DecomposedSolve.integralBound(250_000.02, .minimize, scale: 1_000) == 250_000)
        #expect(DecomposedSolve.integralBound(250_000.02, .minimize) == 250_001)
    }

    @Test func probeSeparatesWhatTheMastersLPBreaks() throws {
        // A fresh master of the round: its LP places all three (no single week binds), so the
        // first LP gives 3; the interval of weeks 0–5 it breaks (9 weeks of stays in 6) gives 2.
        let r = threeInSixWeeks()
        let (c, pairs, groups) = decomposition(of: r)
        let master = PairMaster(
            instance: r, policy: .default, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let solve = DecomposedSolve(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget())
        let placed = solve.objective(.placed(weights: []), level: 0, instance: r, master: master)
        let context = DecomposedSolve.Context(
            pairs: pairs, groups: groups, groupOfPair: pairs.pairs.indices.map { _ -> Int? in 0 }, earlyFrom: 2)
        #expect(try solve.probedBound(placed, beyond: 3, master: master, context: context) == 2)
        #expect(try solve.probedBound(placed, beyond: 2, master: master, context: context) == nil, "not below 2")
        let none = DecomposedSolve(solver: NoLPSolver(), options: SolverOptions(), budget: SolveBudget())
        #expect(try none.probedBound(placed, beyond: 3, master: master, context: context) == nil)
        // A solver that fails (throws) on the probe's LP ends the probe, not the run.
        let failing = DecomposedSolve(solver: ThrowingLPSolver(), options: SolverOptions(), budget: SolveBudget())
        #expect(try failing.probedBound(placed, beyond: 3, master: master, context: context) == nil)
    }

    @Test func fractionalSeparationFindsTheIntervalThePointBreaks() throws {
        // The round above: all three pairs at 1 break weeks 0–5 (9 weeks of stays in 6 of
        // capacity); at 2/3 each (6 weeks) nothing is broken.
        let r = threeInSixWeeks()
        let (c, pairs, groups) = decomposition(of: r)
        var master = PairMaster(
            instance: r, policy: .default, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let rows = master.model.rowCount
        var point = [Double](repeating: 0, count: master.model.columnCount)
        for q in pairs.pairs.indices { point[q] = 2.0 / 3 }
        #expect(master.separateFractional(group: 0, values: point, limit: 4) == 0)
        for q in pairs.pairs.indices { point[q] = 1 }
        #expect(master.separateFractional(group: 0, values: point, limit: 4) == 1)
        #expect(master.model.rowCount == rows + 1)
        #expect(master.model.maxViolation(point) > 0.5, "the new row cuts the point off")
    }

    /// Offers o and o2 of capacity 1 over the same 6 weeks; a, b, c want 3 weeks each, o first.
    func twoOffers() -> Instance {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3, preferences: ["o", "o2"]) }
        let offers = [offer("o", to: "2026-04-12", capacity: 1), offer("o2", to: "2026-04-12", capacity: 1)]
        return round(ps, [host("h", offers: offers)])
    }

    @Test func boundReachedProvesBothLevels() throws {
        // As above with a second offer of capacity 1 over the same weeks, ranked second by all:
        // three are placed (two at o, one at o2); rank = 1 (one second choice).
        let r = twoOffers()
        let (outcome, log) = try decomposed(r)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [3, 1])
        #expect(outcome.levels[0].bound == 3)
        #expect(!log.contains { $0.contains("cannot reach its bound") })
        #expect(try solve(r).values == [3, 1], "the direct model agrees")
    }

    @Test func aWeightedLevelIsHeldToo() throws {
        // The round above with a weighted `placed` (a counts 1.5): its values are not integers,
        // and it is held all the same, within the tolerance of ruling 6. The first master's bound,
        // 3.5, is reached: both levels are proven by the held search, as without the hold.
        var r = twoOffers()
        r.participants[0].attributes = [("fewer_opportunities", .bool(true))]
        let fewer = Selector([("fewer_opportunities", .bool(true))])
        let policy = Policy(
            objective: [.placed(weights: [PlacedWeight(who: fewer, weight: 1.5)]), .rank(cost: .linear)], quotas: [])
        let (held, log) = try decomposed(r, policy)
        #expect(held.levels.map(\.status) == [.optimal, .optimal])
        #expect(held.levels.map(\.value) == [3.5, 1])
        #expect(log.contains { $0.contains("held at its bound 3.5") })
        #expect(!log.contains { $0.contains("cannot reach its bound") })
        // On a master of more columns than `largestFractionalHold`, the level is searched on its own.
        let (own, ownLog) = try decomposed(r, policy, largestFractionalHold: 0)
        #expect(own.levels.map(\.value) == [3.5, 1])
        #expect(!ownLog.contains { $0.contains("held at its bound") })
        #expect(try solve(r, policy).values == [3.5, 1], "the direct model agrees")
    }

    /// GLPK, except that solves from the `stopAt`-th on (counting the
    /// masters and the small scheduling models) stop at once without a
    /// solution, as a time limit would.
    final class StoppingSolver: LinearSolver, @unchecked Sendable {
        let stopAt: Int
        var calls = 0
        init(stopAt: Int) { self.stopAt = stopAt }
        var name: String { "GLPK, stopping" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            calls += 1
            if calls >= stopAt {
                return SolveResult.noSolution(.timeLimit, message: "stopped by the test")
            }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    @Test func stoppedInTheHeldSearchKeepsWhatSchedules() throws {
        // The first round above; every solve after the first master stops (the group's greedy
        // fails, its exact scheduling model is the second solve). The first master chose all three
        // at o: the greedy keeps two of them, so placed 2 is kept, not proven (bound 3).
        let r = threeInSixWeeks()
        let (outcome, log) = try decomposed(r, solver: StoppingSolver(stopAt: 2))
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
        #expect(outcome.levels[0].value == 2)
        #expect(outcome.levels[0].bound == 3)
        #expect(outcome.chosen?.count == 2)
        #expect(log.contains { $0.contains("kept the scheduled part") })
    }

    @Test func noGoodOnlyOnAProvenConflict() throws {
        // Three 3-week stays in a 6-week window of capacity 1 cannot be scheduled; the greedy
        // fails, so the exact model decides. When it stops undecided there is no no-good.
        let r = threeInSixWeeks()
        let (_, pairs, groups) = decomposition(of: r)
        let scheduler = GroupScheduler(group: try #require(groups.first), pairs: pairs)
        let all = Array(pairs.pairs.indices)
        #expect(try scheduler.minimalConflict(all, solver: GLPKSolver())?.count == 3)
        #expect(try scheduler.minimalConflict(all, solver: StoppingSolver(stopAt: 1)) == nil)
        #expect(
            try scheduler.schedule(Array(all.prefix(2)), solver: StoppingSolver(stopAt: 1))?.count == 2,
            "two fit by the greedy")
    }
}

/// A held `worst_rank` search starts from the held level's first master
/// solution, which keeps the hold (DecomposedSolve.swift): seed 12 of the
/// generated 200 × 50 under the rich policy searched 26.8 s for a point of
/// its own there.
@Suite struct HeldStartTests {
    /// Three want 3 weeks of o (capacity 1, 6 weeks): the first master
    /// places all three, which does not schedule; the probe bounds `placed`
    /// by 2, and the held search's first master gets the three as its start
    /// (placed 3 keeps `placed ≥ 2`) when the next level is `worst_rank`,
    /// not when it is `rank`.
    @Test func aHeldWorstRankSearchStartsFromTheFirstMaster() throws {
        let hold = OptimisticHoldTests()
        // Both placed at their first choice: worst rank 1, rank 0 (ranks count from 0).
        for (next, started, value) in [(Goal.worstRank, true, 1.0), (.rank(cost: .linear), false, 0)] {
            let policy = Policy(objective: [.placed(weights: []), next], quotas: [])
            let solver = MasterRecorder()
            let (outcome, _) = try hold.decomposed(hold.threeInSixWeeks(), policy, solver: solver)
            #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
            #expect(outcome.levels.map(\.value) == [2, value])
            let held = solver.masters.first { $0.rows.contains("hold_0") }
            #expect(held.map { $0.options.start != nil } == started, "\(next)")
        }
        let policy = Policy(objective: [.placed(weights: []), .worstRank], quotas: [])
        #expect(try solve(hold.threeInSixWeeks(), policy).values == [2, 1], "the direct model agrees")
    }
}
