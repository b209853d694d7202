import Foundation
import GLPKSolver
import LinearModel
import Testing

/// ``ColumnGeneration`` started from a known solution's slack basis
/// (``Basis/slack(at:of:)``): the first round's simplex begins at that
/// solution's objective instead of at 0 (docs/performance.md, "Large
/// masters": 20,000 × 5,000), and the optimum is the same.
@Suite(.serialized)
struct ColumnGenerationStartTests {
    @Test func aPointAtItsBoundsHasASlackBasis() throws {
        // x ∈ [0, 1] at 1, y ∈ [0, 1] at 0, z ∈ [−2, 5] at −2; two rows.
        var model = LinearModel(name: "slack", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 1)
        let y = model.addColumn(name: "y", upper: 1)
        let z = model.addColumn(name: "z", lower: -2, upper: 5)
        model.addRow(name: "a", upper: 1, terms: [(x, 1), (y, 1)])
        model.addRow(name: "b", lower: -3, terms: [(y, 1), (z, 1)])
        let basis = try #require(Basis.slack(at: [1, 0, -2], of: model))
        #expect(basis.rows == [.basic, .basic])
        #expect(basis.columns == [.atUpper, .atLower, .atLower])
        #expect(basis.mismatch(with: model) == nil)
        // z between its bounds is no nonbasic column; a point of the wrong length is none.
        #expect(Basis.slack(at: [1, 0, 0.5], of: model) == nil)
        #expect(Basis.slack(at: [1, 0], of: model) == nil)
    }

    /// GLPK, recording the start basis of each solve.
    final class Recording: LinearSolver, @unchecked Sendable {
        private let lock = NSLock()
        private var bases: [Basis?] = []
        var name: String { "GLPK, recorded" }
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
            lock.withLock { bases.append(options.basis) }
            return try GLPKSolver().solve(model, options: options)
        }
        var started: [Basis?] { lock.withLock { bases } }
    }

    @Test func theFirstRoundStartsAtTheSolution() throws {
        // gap12-1 (10 agents × 60 jobs, maximised): GLPK's integer optimum, as the point to
        // start from. The first restricted LP gets its slack basis (the solution's columns at
        // their upper bound 1, every row basic), and GLPK's primal simplex begins at the
        // solution's objective; the relaxation's optimum is the full one's, as from 0.
        let problem = try GAPInstances.load(12)[0]
        var model = GAPInstances.model(problem, name: "gap12-1")
        let integer = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60))
        let point = integer.values.map { $0.rounded() }
        try #require(integer.primal != .none, "\(integer.message)")
        let initial = point.indices.filter { point[$0] > 0.5 }.map { ColumnIndex($0) }
        for j in 0..<model.columnCount { model[ColumnIndex(j)].isInteger = false }
        let start = try #require(Basis.slack(at: point, of: model))
        let solver = Recording()
        let glpkLines = ColumnGenerationTests.Lines()
        var budget = SolveBudget()
        budget.log = glpkLines.append
        let generated = try ColumnGeneration.relaxation(
            of: model, initial: initial, startBasis: start, batch: 5, solver: solver, budget: budget)
        let direct = try GLPKSolver().solve(model)
        let r = generated.result
        #expect(r.termination == .optimal)
        #expect(abs(try #require(r.objective) - (try #require(direct.objective))) <= 1e-6)
        #expect(DualsTests.certificateFlaws(model, r).isEmpty)
        let first = try #require(solver.started.first.flatMap { $0 }, "the first round had no start basis")
        #expect(first.rows.allSatisfy { $0 == .basic })
        #expect(first.columns == [Basis.Status](repeating: .atUpper, count: initial.count))
        // GLPK's first simplex line ("*     0: obj =  …") is at the solution's objective.
        let objective = try #require(integer.objective)
        let line = try #require(glpkLines.all.first { $0.contains("obj =") }, "\(glpkLines.all.prefix(5))")
        let value = try #require(Double(line.split(separator: "=")[1].split(separator: " ")[0]))
        #expect(abs(value - objective) <= 1e-6, "\(line) against \(objective)")
    }
}
