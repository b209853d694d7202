import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The `early` master's overflow columns (PairMaster+Early.swift): the
/// delay a group's first weeks cannot hold, counted as a lower bound.
@Suite struct OverflowBoundTests {
    /// a and b want 3 weeks in a 6-week window at one offer of capacity 1,
    /// with `placed` held at 2. Both stays start in week 0 at the earliest;
    /// only one fits there, and the other starts in week 3: `early` is 3.
    func master() throws -> (PairMaster, DecomposedSolve, LevelObjective) {
        let instance = EarlyDecompositionTests.round(offers: ["o"], preferences: ["o"])
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let c = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: c)
        let groups = CapacityGroup.groups(instance: instance, candidates: c, pairs: pairs)
        try #require(groups.count == 1 && pairs.pairs.count == 2)
        var master = PairMaster(
            instance: instance, policy: policy, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let solve = DecomposedSolve(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget())
        let placed = solve.objective(.placed(weights: []), level: 0, instance: instance, master: master)
        solve.hold(placed, level: 0, at: 2, master: &master)
        return (master, solve, solve.objective(.early, level: 1, instance: instance, master: master))
    }

    /// The master's optimum of its `early` terms (those of now, as the search refreshes them).
    func earlyOptimum(_ master: PairMaster, _ solve: DecomposedSolve, relaxed: Bool = false) throws -> Double? {
        let early = solve.earlyObjective(level: 1, master: master)
        var model = master.model
        model.setObjective(sense: .minimize, constant: early.constant, terms: early.terms)
        if relaxed {
            for i in 0..<model.columnCount { model[ColumnIndex(i)].isInteger = false }
        }
        let r = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 30))
        #expect(r.termination == .optimal)
        return r.objective
    }

    @Test func theFirstWeeksHideADelayTheOverflowCounts() throws {
        var (master, solve, _) = try master()
        // Without the columns the master counts both stays from week 0.
        #expect(try earlyOptimum(master, solve) == 0)
        master.addOverflowColumns()
        // Weeks 0, 1 and 2 each hold one stay too many: three weeks of delay at least, the optimum.
        #expect(master.overflow.values.flatMap { $0 }.map(\.week).sorted() == [0, 1, 2])
        #expect(try earlyOptimum(master, solve) == 3)
        #expect(try earlyOptimum(master, solve, relaxed: true) == 3)
        // Added once: a second call adds nothing.
        let columns = master.model.columnCount
        master.addOverflowColumns()
        #expect(master.model.columnCount == columns)
    }

    @Test func aTimeIndexedGroupCountsItsStartsOnly() throws {
        var (master, solve, _) = try master()
        master.addOverflowColumns()
        master.timeIndex(group: 0)
        // The start columns count the second stay's three weeks; the overflow columns, fixed at 0
        // and their rows freed, must not count them again (6), nor keep both stays in week 0.
        #expect(try earlyOptimum(master, solve) == 3)
        for o in master.overflow[0] ?? [] {
            #expect(master.model[o.column].upper == 0)
            #expect(o.rows.allSatisfy { master.model[$0].lower == -.infinity })
        }
    }

    @Test func aPointSettlesItsOverflowAtTheLeastItsRowsAllow() throws {
        var (master, _, _) = try master()
        master.addOverflowColumns()
        // Both stays chosen, each on its first week: one too many on weeks 0, 1 and 2.
        var values = [Double](repeating: 0, count: master.model.columnCount)
        values[0] = 1
        values[1] = 1
        for o in master.overflow[0] ?? [] { values[o.column.rawValue] = 5 }
        master.settleOverflow(&values)
        #expect((master.overflow[0] ?? []).map { values[$0.column.rawValue] } == [1, 1, 1])
        #expect(master.model.maxViolation(values) <= 1e-9)
        // One stay: nothing to delay.
        values[1] = 0
        master.settleOverflow(&values)
        #expect((master.overflow[0] ?? []).map { values[$0.column.rawValue] } == [0, 0, 0])
    }

    @Test func theLevelIsProvenWithTheBoundItsFirstMasterGives() throws {
        let r = EarlyDecompositionTests.round(offers: ["o"], preferences: ["o"])
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (outcome, log) = try OptimisticHoldTests().decomposed(r, policy)
        #expect(outcome.levels.map(\.value) == [2, 3])
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        // The first `early` master's optimum is already the level's.
        // (GLPK's own log may run into the line.)
        let line = try #require(log.first { $0.contains("level 1 master") })
        let first = line[line.range(of: "level 1 master")!.lowerBound...]
        #expect(first.contains("optimal obj 3.0"), "\(first)")
        // Its group does not fit on the first weeks; the repair's solution (3) meets that bound, so
        // no second master is needed (without the overflow: 0, then 3 from a second master).
        #expect(log.filter { $0.contains("level 1 master") }.count == 1)
    }
}
