import Foundation
import GLPKSolver
import LinearModel
import Testing

/// ``ColumnGeneration``: the relaxation solved on a few columns reaches the
/// full relaxation's optimum, with duals that certify it for every column.
@Suite(.serialized)
struct ColumnGenerationTests {
    /// The relaxation of each gap1 and gap12 instance from the columns of
    /// an integer solution (GLPK's optimum, so the restriction is feasible;
    /// one agent per job alone breaks the capacities): the same optimum as
    /// the full relaxation, after more than one round and without every
    /// column, certified by its own duals (``DualsTests``).
    @Test(arguments: [1, 12], [1, 25])
    func gapRelaxationsFromAnIntegerSolution(file: Int, batch: Int) throws {
        for (k, problem) in try GAPInstances.load(file).enumerated() {
            var model = GAPInstances.model(problem, name: "gap\(file)-\(k + 1)")
            let integer = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60))
            try #require(integer.primal != .none, "\(model.name): \(integer.message)")
            let initial = integer.values.indices.filter { integer.values[$0] > 0.5 }.map { ColumnIndex($0) }
            for j in 0..<model.columnCount { model[ColumnIndex(j)].isInteger = false }
            let direct = try GLPKSolver().solve(model)
            let generated = try ColumnGeneration.relaxation(
                of: model, initial: initial, batch: batch, solver: GLPKSolver())
            let r = generated.result
            #expect(r.termination == .optimal, "\(model.name): \(r.message)")
            #expect(
                abs(r.objective! - direct.objective!) <= 1e-6, "\(model.name): \(r.objective!) \(direct.objective!)")
            #expect(generated.rounds > 1, "\(model.name): the first restricted model is not already optimal")
            #expect(generated.columns.count < model.columnCount, "\(model.name): not every column was needed")
            let flaws = DualsTests.certificateFlaws(model, r)
            #expect(flaws.isEmpty, "\(model.name): \(flaws.prefix(5))")
        }
    }

    /// Lines of a log, kept for the test.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func atMostPerFamilyColumnsJoinARound() throws {
        // gap12-1 (10 agents × 60 jobs), each agent a family: at most one of its
        // columns joins per round, and the optimum is the full relaxation's.
        let problem = try GAPInstances.load(12)[0]
        var model = GAPInstances.model(problem, name: "gap12-1")
        let integer = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60))
        try #require(integer.primal != .none, "\(integer.message)")
        let initial = integer.values.indices.filter { integer.values[$0] > 0.5 }.map { ColumnIndex($0) }
        for j in 0..<model.columnCount { model[ColumnIndex(j)].isInteger = false }
        let jobs = problem.jobs
        let lines = Lines()
        let generated = try ColumnGeneration.relaxation(
            of: model, initial: initial, batch: 10_000, family: { $0.rawValue / jobs }, perFamily: 1,
            solver: GLPKSolver(), log: lines.append)
        let direct = try GLPKSolver().solve(model)
        #expect(abs(try #require(generated.result.objective) - (try #require(direct.objective))) <= 1e-6)
        // "column generation round k: N columns, …": N grows by at most one per agent a round.
        let counts = lines.all.map { Int($0.split(separator: " ")[4])! }
        #expect(counts.count == generated.rounds && counts.first == initial.count, "\(lines.all)")
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 <= problem.agents }, "\(counts)")
        #expect(generated.rounds > 2, "\(counts)")
    }

    @Test func rowsTheColumnsCannotBreakAreLeftOut() throws {
        // max x + y + 2z, x and y in [0, 1], z in [0, 2]; a: x + y ≤ 1.5, b: y + z ≤ 1,
        // c: x ≤ 0.5, d: x + z ≤ 5. Round 1 (x alone): only c can break (x up to 1 > 0.5); a (at
        // most 1), b (nothing) and d are left out with dual 0. x = 0.5; c's dual 1 prices y (1)
        // and z (2) in. Round 2: a and b can break now, d never can (x + z ≤ 3). Optimum z = 1,
        // y = 0, x = 0.5: 2.5, b and c binding (duals 2 and 1; z is basic, below its bound), a
        // and d slack (0); the certificate holds for all four rows.
        var model = LinearModel(name: "rows-left-out", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 1, objective: 1)
        let y = model.addColumn(name: "y", upper: 1, objective: 1)
        let z = model.addColumn(name: "z", upper: 2, objective: 2)
        model.addRow(name: "a", upper: 1.5, terms: [(x, 1), (y, 1)])
        model.addRow(name: "b", upper: 1, terms: [(y, 1), (z, 1)])
        model.addRow(name: "c", upper: 0.5, terms: [(x, 1)])
        model.addRow(name: "d", upper: 5, terms: [(x, 1), (z, 1)])
        let lines = Lines(), solverLines = Lines()
        var options = SolverOptions()
        options.log = solverLines.append
        let generated = try ColumnGeneration.relaxation(
            of: model, initial: [x], solver: GLPKSolver(), options: options, log: lines.append)
        let r = generated.result
        #expect(r.termination == .optimal && r.objective == 2.5 && r.values == [0.5, 0, 1])
        #expect(r.rowDuals == [0, 2, 1, 0])
        #expect(DualsTests.certificateFlaws(model, r).isEmpty)
        // "column generation round k: N columns, M rows, …"
        let rows = lines.all.map { Int($0.split(separator: " ")[6])! }
        #expect(rows == [1, 3], "\(lines.all)")
        // Round 2's basis is round 1's with the rows that joined basic: GLPK takes it.
        #expect(!solverLines.all.contains { $0.contains("start basis") }, "\(solverLines.all)")
    }

    @Test func anInfeasibleRestrictionSolvesTheFullRelaxation() throws {
        // Without y and z, `tie` (y − z = 0.5) has no columns: the restriction is infeasible,
        // the full model is not (optimum 7, ConformanceModels.lpWithEquality).
        let model = ConformanceModels.lpWithEquality()
        let generated = try ColumnGeneration.relaxation(of: model, initial: [ColumnIndex(0)], solver: GLPKSolver())
        #expect(generated.result.termination == .optimal)
        #expect(generated.result.objective == 7)
        #expect(generated.rounds == 2 && generated.columns.count == 3)
        #expect(DualsTests.certificateFlaws(model, generated.result).isEmpty)
    }

    @Test func aColumnThatCannotBeZeroIsAlwaysIn() throws {
        // x ≥ 1 cannot be left out at 0; y is priced in (max x + 2y, x + y ≤ 4, x ≤ 3: 1 + 6 = 7).
        var model = LinearModel(name: "forced", sense: .maximize)
        let x = model.addColumn(name: "x", lower: 1, upper: 3, objective: 1)
        let y = model.addColumn(name: "y", objective: 2)
        model.addRow(name: "sum", upper: 4, terms: [(x, 1), (y, 1)])
        let generated = try ColumnGeneration.relaxation(of: model, initial: [], solver: GLPKSolver())
        #expect(generated.result.objective == 7)
        #expect(generated.result.values == [1, 3])
        #expect(generated.rounds == 2)
    }

    @Test func aColumnPricedInMayShowTheModelUnbounded() throws {
        // min −x − y, x − y ≤ 1: with x alone the optimum is −1 (row dual −1); y's reduced cost
        // −1 − (−1)(−1) = −2 brings it in, and the ray (1, 1) is unbounded.
        let model = ConformanceModels.unbounded(integer: false)
        let generated = try ColumnGeneration.relaxation(of: model, initial: [ColumnIndex(0)], solver: GLPKSolver())
        #expect(generated.result.termination == .unbounded)
        #expect(generated.rounds == 2)
    }

    @Test func aColumnMayJoinToGoBelowZero() throws {
        // min x + 2y; x + y ≥ −3, x ∈ [−5, 5], y ∈ [0, 10]; y alone gives 0 (duals 0), and x's
        // reduced cost 1 brings it in downwards: x = −3, optimum −3.
        var model = LinearModel(name: "below-zero", sense: .minimize)
        let x = model.addColumn(name: "x", lower: -5, upper: 5, objective: 1)
        let y = model.addColumn(name: "y", upper: 10, objective: 2)
        model.addRow(name: "floor", lower: -3, terms: [(x, 1), (y, 1)])
        let generated = try ColumnGeneration.relaxation(of: model, initial: [y], solver: GLPKSolver())
        #expect(generated.result.termination == .optimal)
        #expect(generated.result.values == [-3, 0])
        #expect(generated.rounds == 2)
        #expect(DualsTests.certificateFlaws(model, generated.result).isEmpty)
    }

    @Test func anEmptyRestrictionHasAValueForEveryColumn() throws {
        // min x + y, x + y ≤ 4: nothing prices in, and the optimum 0 has both values.
        var model = LinearModel(name: "empty-start", sense: .minimize)
        let x = model.addColumn(name: "x", objective: 1)
        let y = model.addColumn(name: "y", objective: 1)
        model.addRow(name: "cap", upper: 4, terms: [(x, 1), (y, 1)])
        let generated = try ColumnGeneration.relaxation(of: model, initial: [], solver: GLPKSolver())
        #expect(generated.result.termination == .optimal)
        #expect(generated.result.values == [0, 0])
        #expect(generated.result.reducedCosts == [1, 1])
    }

    /// GLPK, without the duals.
    struct DualFreeSolver: LinearSolver {
        var name: String { "GLPK without duals" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            var r = try GLPKSolver().solve(model, options: options)
            (r.rowDuals, r.reducedCosts) = ([], [])
            return r
        }
    }

    @Test func withoutDualsNothingIsProvenOptimal() throws {
        // lpWithSlack with x ≤ 5: x alone can break sum (x + y ≤ 4), so the first restricted
        // model keeps that row and needs its dual to price y. Optimum x = 4, y = 0: 12.
        var model = ConformanceModels.lpWithSlack()
        model[ColumnIndex(0)].upper = 5
        let partial = try ColumnGeneration.relaxation(of: model, initial: [ColumnIndex(0)], solver: DualFreeSolver())
        #expect(partial.result.termination == .other && partial.result.primal == .feasible)
        #expect(partial.result.bound == nil)
        let whole = try ColumnGeneration.relaxation(
            of: model, initial: [ColumnIndex(0), ColumnIndex(1)], solver: DualFreeSolver())
        #expect(whole.result.termination == .optimal && whole.result.objective == 12, "nothing was left out")
    }

    @Test func withNoRowLeftNoDualIsNeeded() throws {
        // lpWithSlack: x ≤ 3 alone cannot break sum (≤ 4) or mix (≤ 9), so the first restricted
        // model has no rows and y is priced by its objective (2); then nothing is left out.
        let model = ConformanceModels.lpWithSlack()
        let lines = Lines()
        let generated = try ColumnGeneration.relaxation(
            of: model, initial: [ColumnIndex(0)], solver: DualFreeSolver(), log: lines.append)
        #expect(generated.result.termination == .optimal && generated.result.objective == 11)
        #expect(lines.all.map { $0.split(separator: " ")[6] } == ["0"], "\(lines.all)")
    }

    @Test func aStopKeepsTheLastRoundsPoint() throws {
        // No time at all: no round, no point.
        let model = ConformanceModels.lpWithSlack()
        let none = try ColumnGeneration.relaxation(
            of: model, initial: [ColumnIndex(0)], solver: GLPKSolver(), budget: SolveBudget(limit: 0))
        #expect(none.result.termination == .timeLimit && none.result.primal == .none && none.rounds == 0)
        // A stop after the first round (x alone: (3, 0) = 9): that point, feasible, not proven.
        let polls = Counter()
        let stopped = try ColumnGeneration.relaxation(
            of: model, initial: [ColumnIndex(0)], solver: GLPKSolver(),
            budget: SolveBudget(shouldStop: { polls.next() >= 1 }))
        #expect(stopped.result.termination == .interrupted && stopped.result.primal == .feasible)
        #expect(stopped.result.values == [3, 0] && stopped.result.objective == 9 && stopped.result.bound == nil)
        #expect(stopped.rounds == 1)
    }

    /// Counts calls, from 0.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.withLock {
                defer { count += 1 }; return count
            }
        }
    }
}
