import Foundation
import GLPKSolver
import LinearModel
import Synchronization
import Testing

/// Warm starts of the simplex (``SolverOptions/basis``): an LP that grew by
/// rows or columns starts from the last one's final basis (issue 15: the
/// probe's and column generation's rounds of LPs). Each case is checked for
/// the same optimum as a cold solve, certified by its own duals, and for the
/// start having been used: GLPK's log gives the simplex's iteration count.
@Suite(.serialized)
struct BasisTests {
    /// Collects a solve's log lines.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
        var all: [String] { lines.withLock { $0 } }
        /// The largest simplex iteration count the log shows: the primal
        /// simplex's lines read "*   897: obj = …" (" " before phase 2), the
        /// dual simplex's "#   897: obj = …"; -1 when there is none.
        var iterations: Int {
            all.compactMap { line -> Int? in
                guard let colon = line.firstIndex(of: ":"), line[colon...].hasPrefix(": obj") else { return nil }
                return Int(line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " *#")))
            }.max() ?? -1
        }
    }

    static func relaxed(_ model: LinearModel) -> LinearModel {
        var m = model
        for j in 0..<m.columnCount { m[ColumnIndex(j)].isInteger = false }
        return m
    }

    static func gap(_ k: Int) throws -> LinearModel {
        let problem = try GAPInstances.load(1)[k]
        return relaxed(GAPInstances.model(problem, name: "gap1-\(k + 1)"))
    }

    static func jobs(_ gap: LinearModel) -> Int { gap.rows.count(where: { $0.name.hasPrefix("assign_") }) }

    static func solve(_ model: LinearModel, basis: Basis? = nil, presolve: Bool = false) throws -> (SolveResult, Lines)
    {
        let lines = Lines()
        var options = SolverOptions(presolve: presolve)
        options.basis = basis
        options.log = lines.sink
        return (try GLPKSolver().solve(model, options: options), lines)
    }

    /// Solves `first`, then `full` (grown from it by rows or columns) from
    /// its basis and from scratch: the same optimum, certified by its duals,
    /// the start used and fewer simplex iterations. Returns the warm log.
    static func expectWarmStartPays(from first: LinearModel, to full: LinearModel) throws -> Lines {
        let (a, _) = try solve(first)
        #expect(a.termination == .optimal)
        let start = try #require(a.basis).extended(rowCount: full.rowCount, columnCount: full.columnCount)
        let (warm, log) = try solve(full, basis: start)
        let (cold, coldLog) = try solve(full)
        #expect(warm.termination == .optimal && cold.termination == .optimal)
        #expect(abs(warm.objective! - cold.objective!) < 1e-6, "\(warm.objective!) \(cold.objective!)")
        #expect(DualsTests.certificateFlaws(full, warm).isEmpty)
        #expect(!log.all.contains { $0.contains("start basis") }, "\(log.all)")
        #expect(
            log.iterations >= 0 && log.iterations < coldLog.iterations,
            "\(log.iterations) against \(coldLog.iterations)")
        return log
    }

    @Test(arguments: [true, false])
    func anOptimalBasisRestartsWithoutIterations(presolve: Bool) throws {
        let model = try Self.gap(0)
        let (cold, coldLog) = try Self.solve(model, presolve: presolve)
        #expect(cold.termination == .optimal)
        let basis = try #require(cold.basis)
        #expect(basis.mismatch(with: model) == nil, "one basic entry per row")
        let (warm, warmLog) = try Self.solve(model, basis: basis)
        #expect(warm.termination == .optimal)
        #expect(abs(warm.objective! - cold.objective!) < 1e-9)
        #expect(warmLog.iterations == 0, "\(warmLog.all)")
        if !presolve { #expect(coldLog.iterations > 0) }
        #expect(warm.basis == basis)
    }

    /// Rows appended (cuts): the last basis with the new rows basic is dual
    /// feasible, and the dual simplex finishes from it.
    @Test func rowsAddedStartFromTheLastBasis() throws {
        let full = try Self.gap(1)
        // The rows are one assignment per job, then one capacity per agent: the first model has no capacities.
        var first = full
        first.truncateRows(to: Self.jobs(full))
        let log = try Self.expectWarmStartPays(from: first, to: full)
        #expect(log.all.contains { $0.hasPrefix("#") }, "the dual simplex ran: \(log.all)")
    }

    /// Columns appended (pricing): the last basis with the new columns at 0
    /// is primal feasible, and the primal simplex goes on from it.
    @Test func columnsAddedStartFromTheLastBasis() throws {
        let full = try Self.gap(2)
        // The first model lacks the last agent's columns (gap1's columns are agent by agent).
        let kept = full.columnCount - Self.jobs(full)
        var first = LinearModel(name: "first", sense: full.sense)
        for j in 0..<kept { first.addColumn(full.columns[j]) }
        for row in full.rows {
            let entries = zip(row.columns, row.coefficients).filter { $0.0.rawValue < kept }
            first.addRow(name: row.name, lower: row.lower, upper: row.upper, terms: entries.map { ($0.0, $0.1) })
        }
        _ = try Self.expectWarmStartPays(from: first, to: full)
    }

    @Test func aBasisThatDoesNotFitIsIgnored() throws {
        let model = try Self.gap(0)
        let wrong = Basis(rows: [.basic], columns: [])
        let (r, log) = try Self.solve(model, basis: wrong)
        #expect(r.termination == .optimal)
        #expect(log.all.contains { $0.contains("start basis ignored") }, "\(log.all)")
        let tooFewBasic = Basis(
            rows: [Basis.Status](repeating: .atLower, count: model.rowCount),
            columns: [Basis.Status](repeating: .atLower, count: model.columnCount))
        #expect(tooFewBasic.mismatch(with: model) == "it has 0 basic entries for \(model.rowCount) rows")
    }

    /// Two equal columns both basic: the basis matrix is singular, so GLPK
    /// cannot start from it; the solve drops it and still finds the optimum.
    @Test func aSingularBasisIsDropped() throws {
        var model = LinearModel(name: "singular", sense: .maximize)
        let x = model.addColumn(name: "x", lower: 0, upper: 4, objective: 1)
        let y = model.addColumn(name: "y", lower: 0, upper: 4, objective: 2)
        model.addRow(name: "a", upper: 5, terms: [(x, 1), (y, 1)])
        model.addRow(name: "b", upper: 6, terms: [(x, 1), (y, 1)])
        let singular = Basis(rows: [.atUpper, .atUpper], columns: [.basic, .basic])
        let (r, log) = try Self.solve(model, basis: singular)
        #expect(r.termination == .optimal)
        #expect(r.objective == 9, "y = 4, x = 1")
        #expect(log.all.contains { $0.contains("start basis dropped") }, "\(log.all)")
    }

    /// A MIP's root LP starts from the basis (a restricted integer model
    /// after column generation): the relaxation's own optimal basis needs no
    /// iteration, and branch and bound proves the same optimum as a cold
    /// solve. One that does not fit is ignored, as for an LP.
    @Test func aMIPStartsItsRootLPFromTheBasis() throws {
        let problem = try GAPInstances.load(1)[0]
        let mip = GAPInstances.model(problem, name: "gap1-1")
        let (relaxation, _) = try Self.solve(Self.relaxed(mip))
        let basis = try #require(relaxation.basis)
        let (cold, coldLog) = try Self.solve(mip)
        let (warm, warmLog) = try Self.solve(mip, basis: basis)
        #expect(cold.termination == .optimal && warm.termination == .optimal)
        #expect(warm.objective == cold.objective && warm.objective == GAPInstances.optima[0][0])
        #expect(coldLog.iterations > 0 && warmLog.iterations == 0, "\(warmLog.all)")
        #expect(!warmLog.all.contains { $0.contains("start basis") }, "\(warmLog.all)")
        #expect(warm.basis == nil, "a MIP's result has no basis")
        let (ignored, log) = try Self.solve(mip, basis: Basis(rows: [], columns: []))
        #expect(ignored.objective == cold.objective && ignored.termination == .optimal)
        #expect(log.all.contains { $0.contains("start basis ignored") }, "\(log.all)")
    }
}
