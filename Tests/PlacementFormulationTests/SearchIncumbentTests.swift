import Foundation
import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The incumbents a level's search starts from and picks up on the way
/// (issue 15): the plain greedy's solution, what schedules of each master
/// or repair solution that does not (``DecomposedSolve/Salvages``), and an
/// optimistic hold that gives up at its share of a time limit.
@Suite struct SearchIncumbentTests {
    /// a, b, c want 3 weeks in a 6-week window at one offer of capacity 1:
    /// the master's bound is 3, two fit (weeks 0–2 and 3–5).
    static let round: Instance = {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3) }
        return PlacementFormulationTests.round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1)])])
    }()

    static func run(_ policy: Policy, solver: any LinearSolver, limit: Double) throws
        -> (DecomposedSolve.Outcome, [String])
    {
        try OptimisticHoldTests().decomposed(round, policy, solver: solver, limit: limit)
    }

    @Test func theGreedysSolutionIsTheFirstIncumbent() throws {
        let placedOnly = Policy(objective: [.placed(weights: [])], quotas: [])
        let (solved, log) = try Self.run(placedOnly, solver: GLPKSolver(), limit: 30)
        #expect(log.contains("level 0: the greedy's solution, 2.0, is the incumbent to beat"))
        #expect(solved.levels.map(\.status) == [.optimal])
        #expect(solved.levels.map(\.value) == [2])
        // Nothing solves: the search itself keeps the greedy's solution, so the floor applied
        // at the end of a run cut short (which logs "kept the greedy's solution") has nothing to add.
        let (stopped, stoppedLog) = try Self.run(
            placedOnly, solver: OptimisticHoldTests.StoppingSolver(stopAt: 1), limit: 30)
        #expect(stopped.levels.map(\.status) == [.feasible])
        #expect(stopped.levels.map(\.value) == [2])
        #expect(stopped.chosen?.count == 2)
        #expect(!stoppedLog.contains { $0.contains("kept the greedy's solution") })
    }

    /// A solver that never finishes a model holding level 0 at its bound
    /// (a row named `hold_0`): it takes the time it is given, as the rank
    /// search of an unreachable hold did at 1,000 × 250. Its LPs fail, so the
    /// probe leaves the hold at the master's bound, 3, which no schedulable
    /// solution reaches (the probe would lower it to 2: `OptimisticHoldTests`).
    final class HoldStallingSolver: LinearSolver, @unchecked Sendable {
        let stalling = StallingSolver()
        var name: String { "GLPK, stalling under a hold" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if model.rows.contains(where: { $0.name == "hold_0" }) {
                return try stalling.solve(model, options: options)
            }
            return try OptimisticHoldTests.NoLPSolver().solve(model, options: options)
        }
    }

    @Test func aHoldCutShortByItsShareSolvesTheLevelOnItsOwn() throws {
        // Within 4 s, the hold may take half; then `placed` is proven on its own (2). Level 1 is
        // solved under `hold_0` too, which stalls to the end: it stays unproven.
        let solver = HoldStallingSolver()
        let (outcome, log) = try Self.run(.default, solver: solver, limit: 4)
        #expect(log.contains { $0.contains("held at its bound 3") })
        #expect(log.contains { $0.contains("the hold was not reached in its share of the time limit") })
        #expect(outcome.levels[0].status == .optimal)
        #expect(outcome.levels[0].value == 2)
        #expect(outcome.levels[1].status != .optimal)
        let holdLimit = try #require(solver.stalling.limits.first ?? nil)
        #expect(holdLimit <= 2.01, "the hold's master had at most half of the time")
    }

    /// GLPK, but stalling on a master under the hold that must beat an
    /// incumbent (rows `hold_0` and `cutoff`).
    final class CutoffStallingSolver: LinearSolver, @unchecked Sendable {
        let stalling = StallingSolver()
        var name: String { "GLPK, stalling under a hold with an incumbent" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            let names = Set(model.rows.map(\.name))
            if names.contains("hold_0") && names.contains("cutoff") {
                return try stalling.solve(model, options: options)
            }
            return try GLPKSolver().solve(model, options: options)
        }
    }

    @Test func aHoldWithASolutionKeepsTheRestOfTheTime() throws {
        // Offers o and o2 (capacity 1, weeks 0–5), a, b, c want 3 weeks, o first: placed 3 is
        // reachable. The hold's first master puts all three at o, which does not schedule; the
        // repair finds two at o and one at o2 (rank 1), so `placed` is proven. The next master
        // (rank 0 wanted) stalls: it must get all the time left, not the hold's share (1.5 s of 3).
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3, preferences: ["o", "o2"]) }
        let r = PlacementFormulationTests.round(
            ps,
            [
                host(
                    "h",
                    offers: [offer("o", to: "2026-04-12", capacity: 1), offer("o2", to: "2026-04-12", capacity: 1)])
            ])
        let solver = CutoffStallingSolver()
        var budget = SolveBudget(limit: 3)
        budget.log = nil
        let outcome = try DecomposedSolve(solver: solver, options: SolverOptions(), budget: budget)
            .solve(instance: r, policy: .default, candidates: CandidateSet(instance: r, policy: .default))
        #expect(outcome.levels.map(\.status) == [.optimal, .feasible])
        #expect(outcome.levels.map(\.value) == [3, 1])
        let limit = try #require(solver.stalling.limits.first ?? nil)
        #expect(limit > 2, "the master after the hold's solution had the run's time left, not the hold's share")
    }

    /// GLPK, recording of each MIP whether it may restart with the pump and
    /// whether it has a cutoff (a row asking to beat an incumbent). Its LPs
    /// fail, so the probe leaves the hold at the master's bound, 3, which no
    /// schedulable solution reaches.
    final class PumpRecordingSolver: LinearSolver, @unchecked Sendable {
        var name: String { "GLPK, recording" }
        private let lock = NSLock()
        private(set) var solves: [(pumpAfterNodes: Int?, cutoff: Bool)] = []
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if model.hasIntegerColumns {
                let cutoff = model.rows.contains { $0.name == "cutoff" }
                lock.withLock { solves.append((options.pumpAfterNodes, cutoff)) }
            }
            return try OptimisticHoldTests.NoLPSolver().solve(model, options: options)
        }
    }

    @Test func onlyAFirstMasterWithoutIncumbentMayRestartWithThePump() throws {
        // placed first: its hold fails, and its own search starts from the greedy's solution
        // (a cutoff). The hold's first master may restart with the pump (the first MIP of the
        // run); no master with a cutoff may.
        let solver = PumpRecordingSolver()
        let (outcome, _) = try Self.run(.default, solver: solver, limit: 30)
        #expect(outcome.levels.map(\.value) == [2, 0])
        #expect(solver.solves.first?.pumpAfterNodes == DecomposedSolve.pumpAfterNodes, "\(solver.solves)")
        #expect(solver.solves.contains { $0.cutoff }, "the own search has a cutoff")
        #expect(!solver.solves.contains { $0.cutoff && $0.pumpAfterNodes != nil }, "\(solver.solves)")
    }

    @Test func salvagesKeepTheBestOfEachKind() {
        // Two pairs; level 0 is `placed` (both columns), held at 2 in this search; the level
        // searched is "rank" with the second pair's column at cost 1.
        let placed = LevelObjective(
            goal: .placed(weights: []), sense: .maximize, terms: [(ColumnIndex(0), 1), (ColumnIndex(1), 1)],
            isIntegral: true)
        let rank = LevelObjective(
            goal: .rank(cost: .linear), sense: .minimize, terms: [(ColumnIndex(1), 1)], isIntegral: true)
        var salvages = DecomposedSolve.Salvages(
            objective: rank, extraRows: [placed.holdRow(2, name: "hold_0")], held: placed)
        func solution(_ v: [Double]) -> DecomposedSolve.Incumbent { .init(values: v, starts: [:], value: .nan) }
        salvages.offer(solution([1, 0]))
        #expect(salvages.best == nil, "it breaks the hold")
        #expect(salvages.bestForHeld?.value == 1)
        salvages.offer(solution([1, 1]))
        #expect(salvages.best?.value == 1, "valued by the searched level")
        #expect(salvages.bestForHeld?.value == 2, "valued by the held level")
        salvages.offer(solution([0, 1]))
        #expect(
            salvages.best?.values == [1, 1] && salvages.bestForHeld?.values == [1, 1], "a worse one changes nothing")
    }
}
