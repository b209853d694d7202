import Foundation
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// A solver that never finds anything and takes all the time it is given:
/// it returns when its time limit has passed or its stop flag turns true.
/// It records the limit and the stop flag of every call, so tests can see
/// that each part of a run solves inside the run's one budget.
final class StallingSolver: LinearSolver, @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(limit: Double?, stop: (@Sendable () -> Bool)?)] = []
    /// The longest a call may take when it has neither limit nor stop flag.
    static let safety = 5.0

    var name: String { "stalling" }

    var limits: [Double?] { lock.withLock { calls.map(\.limit) } }
    var stopFlags: [(@Sendable () -> Bool)?] { lock.withLock { calls.map(\.stop) } }

    func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
        lock.withLock { calls.append((options.timeLimit, options.shouldStop)) }
        let clock = Stopwatch()
        while clock.elapsed < (options.timeLimit ?? Self.safety) {
            if options.shouldStop?() == true {
                return SolveResult.noSolution(.interrupted)
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return SolveResult.noSolution(.timeLimit)
    }
}

extension StallingSolver {
    /// The decomposition of a round whose solver finds nothing within
    /// 0.2 s: what a run cut short keeps (the greedy's solution, issue 15).
    static func cutShort(_ instance: Instance, policy: Policy, candidates: CandidateSet) throws
        -> DecomposedSolve.Outcome
    {
        var budget = SolveBudget(limit: 0.2)
        budget.log = nil
        return try DecomposedSolve(solver: StallingSolver(), options: SolverOptions(), budget: budget)
            .solve(instance: instance, policy: policy, candidates: candidates)
    }
}

/// A flag another thread sets; the budget's `shouldStop`.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

@Suite struct BudgetTests {
    @Test func optionsTakeTheTimeLeftAndAPartsOwnCap() throws {
        let budget = SolveBudget(limit: 100)
        let o = budget.options(SolverOptions(mipGap: 0.01, presolve: false), cap: 30)
        #expect(o.timeLimit == 30)
        #expect(o.mipGap == 0.01 && !o.presolve)
        let left = try #require(budget.options().timeLimit)
        #expect(left <= 100 && left > 99)
        #expect(SolveBudget().options().timeLimit == nil)
        #expect(SolveBudget().options(cap: 7).timeLimit == 7)
        let spent = SolveBudget(limit: 0)
        #expect(spent.isExhausted)
        #expect(spent.options().timeLimit == 0.01)  // never zero or negative: GLPK reads 0 as "no limit"
    }

    @Test func theStopFlagExhaustsTheBudgetAndReachesEverySolve() {
        let flag = Flag()
        let budget = SolveBudget(limit: nil, shouldStop: { flag.isSet })
        #expect(!budget.isExhausted)
        let options = budget.options()
        flag.set()
        #expect(budget.isExhausted)
        #expect(options.shouldStop?() == true)
    }

    /// The group scheduler's exact model used to get a fixed 30 s of its
    /// own; now it gets at most what the run has left.
    @Test func theGroupSchedulerSolvesInsideTheRunsBudget() throws {
        let (instance, candidates, pairs, groups) = try Self.congestedGroup()
        let solver = StallingSolver()
        let flag = Flag()
        let scheduler = GroupScheduler(
            group: groups[0], pairs: pairs,
            budget: SolveBudget(limit: 0.2, shouldStop: { flag.isSet }))
        let everyone = groups[0].pairs
        #expect(scheduler.greedy(everyone) == nil, "the greedy must fail, or the exact model is never asked")
        _ = try scheduler.attempt(everyone, solver: solver)
        let limit = try #require(solver.limits.first ?? nil)
        #expect(limit <= 0.2)
        #expect(solver.stopFlags.first??() == false)
        flag.set()
        #expect(solver.stopFlags.first??() == true)
        _ = (instance, candidates)
    }

    /// The elastic re-solve of an infeasible round gets the time left, and
    /// half a second each when the budget is spent: a 5 s limit ends within
    /// about 6 s. Without a limit, a minute each as before.
    @Test func theConflictFinderStaysInsideTheBudget() throws {
        let (instance, policy) = Self.conflictingQuotas()
        let candidates = CandidateSet(instance: instance, policy: policy)
        let formulation = DirectFormulation(instance: instance, policy: policy, candidates: candidates)
        let spent = StallingSolver()
        _ = try ConflictFinder.explain(
            instance: instance, policy: policy, candidates: candidates, formulation: formulation,
            solver: spent, budget: SolveBudget(limit: 0))
        #expect(spent.limits == [0.5, 0.5])
        let stopped = StallingSolver()
        _ = try ConflictFinder.explain(
            instance: instance, policy: policy, candidates: candidates, formulation: formulation,
            solver: stopped, budget: SolveBudget(limit: nil, shouldStop: { true }))
        #expect(stopped.limits.isEmpty, "a stopped run explains nothing more")
    }

    /// Ctrl-C between two levels: the direct driver starts no further solve.
    @Test func aStopEndsTheDirectDriverWithoutAnotherSolve() throws {
        let instance = Rounds.congested()
        let candidates = CandidateSet(instance: instance, policy: .default)
        let f = DirectFormulation(instance: instance, policy: .default, candidates: candidates)
        let objectives = Policy.default.objective.enumerated().map {
            f.objective(for: $1, level: $0, instance: instance, candidates: candidates)
        }
        let flag = Flag()
        let solver = StallingSolver()
        let driver = LexicographicDriver(
            solver: solver, options: SolverOptions(),
            budget: SolveBudget(limit: nil, shouldStop: { flag.isSet }))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { flag.set() }
        let outcome = try driver.solve(f.model, objectives: objectives)
        #expect(outcome.interrupted)
        #expect(solver.limits.count == 1)
        #expect(outcome.levels.map(\.status) == [.timeLimit, .notSolved])
    }

    /// Two participants who both want the only offer, one week long, in the
    /// same single week: no schedule holds both.
    static func congestedGroup() throws -> (Instance, CandidateSet, PairSet, [CapacityGroup]) {
        let instance = Rounds.congested()
        let candidates = CandidateSet(instance: instance, policy: .default)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        try #require(groups.count == 1)
        return (instance, candidates, pairs, groups)
    }

    /// A round whose two hard quotas cannot both hold (instances/quotas-that-conflict.json's shape).
    static func conflictingQuotas() -> (Instance, Policy) {
        let instance = Rounds.congested()
        var policy = Policy.default
        policy.quotas = [
            Quota(name: "all-of-A", who: Selector([("id", .string("A"))]), bounds: [.minCount(1)]),
            Quota(name: "all-of-B", who: Selector([("id", .string("B"))]), bounds: [.minCount(1)]),
        ]
        return (instance, policy)
    }
}

enum Rounds {
    /// Two participants, A and B, who can each only go in the week of
    /// 2026-03-02 to the one offer, of capacity 1.
    static func congested() -> Instance {
        let week = (from: "2026-03-02", to: "2026-03-08")
        return round(
            [participant("A", from: week.from, to: week.to), participant("B", from: week.from, to: week.to)],
            [host("H", offers: [offer("H/o", from: week.from, to: week.to)])])
    }
}
