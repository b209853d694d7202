import Foundation
import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Large masters (DecomposedLarge.swift): the first level's LP bound by
/// column generation before any master solve, and the greedy's solution.
/// The threshold is set to 0 so that tiny rounds take that path.
@Suite struct LargeMasterTests {
    /// GLPK for LPs, each after `lpDelay` seconds; every model with integer
    /// columns stops at once with no solution (a master that does not
    /// finish, as at 5,000 × 1,200).
    struct MIPStallingSolver: LinearSolver {
        var lpDelay = 0.0
        var name: String { "GLPK, LPs only" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            if model.columns.contains(where: \.isInteger) { return .noSolution(.timeLimit) }
            Thread.sleep(forTimeInterval: lpDelay)
            return try GLPKSolver().solve(model, options: options)
        }
    }

    /// The outcome and log lines of a decomposed solve, with the large-master
    /// path for every master (`large`) or for none.
    func decomposed(
        _ instance: Instance, large: Bool, solver: any LinearSolver = GLPKSolver(), limit: Double = 30,
        largestSearched: Int? = nil
    ) throws -> (DecomposedSolve.Outcome, [String]) {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func add(_ s: String) { lock.withLock { text += s } }
        }
        let lines = Lines()
        var budget = SolveBudget(limit: limit)
        budget.log = { lines.add($0) }
        let candidates = CandidateSet(instance: instance, policy: .default)
        var decomposition = DecomposedSolve(solver: solver, options: SolverOptions(), budget: budget)
        if large { decomposition.largeMasterColumns = 0 }
        if let largestSearched { decomposition.largestSearchedMaster = largestSearched }
        let outcome = try decomposition.solve(instance: instance, policy: .default, candidates: candidates)
        return (outcome, lines.text.split(separator: "\n").map(String.init))
    }

    /// `lexicographicRound()`: the greedy with its move places both (a at
    /// o1, b at o2), which is the LP bound 2, so `placed` is proven before
    /// any master solve; the same optima (a at its second choice: rank 1)
    /// as without the path.
    @Test func theGreedyReachingTheBoundProvesTheFirstLevel() throws {
        let (outcome, log) = try decomposed(lexicographicRound(), large: true)
        let (usual, _) = try decomposed(lexicographicRound(), large: false)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 1] && usual.levels.map(\.value) == [2, 1])
        #expect(outcome.levels[0].bound == 2)
        #expect(log.contains { $0.contains("the greedy's solution reaches the LP bound 2.0: optimal") }, "\(log)")
        #expect(!log.contains { $0.contains("level 0 master") }, "no master solve for level 0: \(log)")
    }

    /// With masters that find nothing, both levels of `lexicographicRound()`
    /// are still proven: the greedy's solution reaches the LP bound of each
    /// (2, then 1 under the first level's hold).
    @Test func bothLevelsProvenWithoutAMaster() throws {
        let (outcome, log) = try decomposed(lexicographicRound(), large: true, solver: MIPStallingSolver())
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 1] && outcome.levels.map(\.bound) == [2, 1])
        #expect(log.contains { $0.contains("level 1: the greedy's solution reaches the LP bound 1.0: optimal") })
    }

    /// Three places at three hosts, one week: a lists o1 then o2, b lists o1,
    /// o3, o2, and c can only go to o3. The greedy serves a first (o1), so b
    /// gets o2, its third choice; a at o2 and b at o1 rank better. All three
    /// are placed (the first level's bound), and with masters that find
    /// nothing the moves (PairGreedy+Improve.swift) give a o2 and b o1: the
    /// second level's LP bound under the hold, so that level is proven too,
    /// at the optimum of the usual path.
    @Test func movesReachTheSecondLevelsBound() throws {
        let hosts = ["1", "2", "3"].map { k in
            host("h\(k)", offers: [offer("o\(k)", sectors: k == "3" ? ["food", "ict"] : ["food"], to: "2026-03-08")])
        }
        let instance = round(
            [
                participant("a", to: "2026-03-08", preferences: ["o1", "o2"]),
                participant("b", to: "2026-03-08", preferences: ["o1", "o3", "o2"]),
                participant("c", sector: "ict", to: "2026-03-08"),
            ], hosts)
        let (outcome, log) = try decomposed(instance, large: true, solver: MIPStallingSolver())
        let (usual, _) = try decomposed(instance, large: false)
        #expect(log.contains { $0.contains("moves improved level 1") }, "\(log)")
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(usual.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == usual.levels.map(\.value))
        #expect(outcome.levels[1].bound == usual.levels[1].value)
    }

    /// Three 3-week stays in a 6-week window, all listing o1 then o2 (one
    /// place each): o1 takes two of them, one after the other, and the third
    /// goes to o2. The master's LP (single weeks only) allows all three at
    /// o1, so under the first level's hold the second's LP bound is below
    /// what any schedule reaches, and no move improves the ranks (whoever
    /// leaves o1 takes o2's rank). With masters that find nothing, the second
    /// level keeps the greedy's ranks, the optimum of the usual path, and
    /// reports the LP bound below them.
    @Test func theSecondLevelReportsItsBound() throws {
        let window = "2026-04-12"
        let hosts = ["1", "2"].map { k in host("h\(k)", offers: [offer("o\(k)", to: window)]) }
        let instance = round(
            ["a", "b", "c"].map { participant($0, to: window, weeks: 3, preferences: ["o1", "o2"]) }, hosts)
        let (outcome, _) = try decomposed(instance, large: true, solver: MIPStallingSolver())
        let (usual, _) = try decomposed(instance, large: false)
        #expect(outcome.levels.map(\.status) == [.optimal, .feasible])
        #expect(usual.levels.map(\.status) == [.optimal, .optimal])
        let (value, bound) = (try #require(outcome.levels[1].value), try #require(outcome.levels[1].bound))
        #expect(value == usual.levels[1].value)
        #expect(bound < value, "the LP bound allows all three at o1")
    }

    /// Three 3-week stays in a 6-week window with one place: the greedy
    /// fits two, the master's LP (single weeks only) allows all three. With
    /// masters that find nothing, the run keeps the greedy's 2, and the
    /// large-master path adds the LP bound 3 to it; without it, no bound.
    /// The path's time is the level's (the rule prices share the time limit
    /// by the levels' seconds): each LP here takes 0.2 s, the masters none.
    @Test(arguments: [false, true])
    func aRunCutShortReportsTheBound(large: Bool) throws {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3) }
        let instance = round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1)])])
        let solver = MIPStallingSolver(lpDelay: 0.2)
        let (outcome, _) = try decomposed(instance, large: large, solver: solver, limit: 5)
        #expect(outcome.levels.first?.status == .feasible)
        #expect(outcome.levels.first?.value == 2)
        #expect(outcome.levels.first?.bound == (large ? 3 : nil))
        if large { #expect(try #require(outcome.levels.first).seconds >= 0.2) }
        // The second level, not solved, counts the time its moves took.
        #expect(outcome.levels.count == 2 && outcome.levels[1].status == .notSolved)
        #expect(try #require(outcome.levels.last).seconds > 0)
    }

    /// The same round with GLPK: the masters prove the greedy's 2 optimal.
    /// A master larger than ``DecomposedSolve/largestSearchedMaster`` is not
    /// searched: the run keeps the greedy's 2 with the LP bound 3, and no
    /// master is solved.
    @Test(arguments: [false, true])
    func aMasterTooLargeToSearchKeepsTheGreedysSolution(tooLarge: Bool) throws {
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3) }
        let instance = round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1)])])
        let (outcome, log) = try decomposed(instance, large: true, largestSearched: tooLarge ? 0 : nil)
        let level = try #require(outcome.levels.first)
        #expect(level.value == 2)
        #expect(level.status == (tooLarge ? .feasible : .optimal))
        #expect(level.bound == (tooLarge ? 3 : 2))
        #expect(log.contains { $0.contains("level 0 master") } == !tooLarge, "\(log)")
        #expect(log.contains { $0.contains("more than 0 to search") } == tooLarge, "\(log)")
        #expect(outcome.chosen?.count == 2)
    }
}
