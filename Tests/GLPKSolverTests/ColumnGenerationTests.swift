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
            #expect(generated.columns < model.columnCount, "\(model.name): not every column was needed")
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
        let initial = integer.values.indices.filter { integer.values[$0] > 0.5 }.map { ColumnIndex($0) }
        for j in 0..<model.columnCount { model[ColumnIndex(j)].isInteger = false }
        let jobs = problem.jobs
        let lines = Lines()
        let generated = try ColumnGeneration.relaxation(
            of: model, initial: initial, batch: 10_000, family: { $0.rawValue / jobs }, perFamily: 1,
            solver: GLPKSolver(), log: lines.append)
        let direct = try GLPKSolver().solve(model)
        #expect(abs(generated.result.objective! - direct.objective!) <= 1e-6)
        // "column generation round k: N columns, …": N grows by at most one per agent a round.
        let counts = lines.all.map { Int($0.split(separator: " ")[4])! }
        #expect(counts.count == generated.rounds && counts.first == initial.count, "\(lines.all)")
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 <= problem.agents }, "\(counts)")
        #expect(generated.rounds > 2, "\(counts)")
    }

    @Test func anInfeasibleRestrictionSolvesTheFullRelaxation() throws {
        // Without y and z, `tie` (y − z = 0.5) has no columns: the restriction is infeasible,
        // the full model is not (optimum 7, ConformanceModels.lpWithEquality).
        let model = ConformanceModels.lpWithEquality()
        let generated = try ColumnGeneration.relaxation(of: model, initial: [ColumnIndex(0)], solver: GLPKSolver())
        #expect(generated.result.termination == .optimal)
        #expect(generated.result.objective == 7)
        #expect(generated.rounds == 2 && generated.columns == 3)
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
}
