import GLPKSolver
import LinearModel
import Testing

/// Row duals and reduced costs of LP solves (``SolveResult/rowDuals``), the
/// prices a column generation over pairs needs (issue 15, part 4): the
/// worked examples of ``ConformanceModels``, and on the relaxations of
/// OR-Library GAP instances a full optimality certificate computed from the
/// result alone.
@Suite(.serialized)
struct DualsTests {
    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }
    }

    @Test(arguments: [true, false])
    func workedExamples(presolve: Bool) throws {
        let options = SolverOptions(presolve: presolve)
        let max = try GLPKSolver().solve(ConformanceModels.lpWithSlack(), options: options)
        #expect(max.objective == 11)
        #expect(Self.close(max.rowDuals, [2, 0]), "\(max.rowDuals)")
        #expect(Self.close(max.reducedCosts, [1, 0]), "\(max.reducedCosts)")
        let min = try GLPKSolver().solve(ConformanceModels.lpWithEquality(), options: options)
        #expect(min.objective == 7)
        #expect(Self.close(min.values, [1, 1, 0.5]), "\(min.values)")
        #expect(Self.close(min.rowDuals, [7, -4]), "\(min.rowDuals)")
        #expect(Self.close(min.reducedCosts, [-5, 0, 0]), "\(min.reducedCosts)")
    }

    @Test func onlyOptimalLPsHaveDuals() throws {
        let mip = try GLPKSolver().solve(ConformanceModels.mip())
        #expect(mip.termination == .optimal)
        #expect(mip.rowDuals.isEmpty && mip.reducedCosts.isEmpty, "a MIP has no duals")
        let infeasible = try GLPKSolver().solve(ConformanceModels.rowConflict(integer: false))
        #expect(infeasible.termination == .infeasible)
        #expect(infeasible.rowDuals.isEmpty && infeasible.reducedCosts.isEmpty)
        var noColumns = LinearModel(name: "empty")
        noColumns.addRow(name: "r", lower: -1, upper: 1, terms: [])
        #expect(try GLPKSolver().solve(noColumns).rowDuals == [0], "nothing moves the objective")
    }

    /// The relaxation of each gap1 and gap12 instance, with and without the
    /// presolver: the duals must certify the values optimal by themselves.
    @Test(arguments: [1, 12], [true, false])
    func gapRelaxationsAreCertifiedByTheirDuals(file: Int, presolve: Bool) throws {
        for (k, problem) in try GAPInstances.load(file).enumerated() {
            var model = GAPInstances.model(problem, name: "gap\(file)-\(k + 1)")
            for j in 0..<model.columnCount {
                model[ColumnIndex(j)].isInteger = false
            }
            let r = try GLPKSolver().solve(model, options: SolverOptions(presolve: presolve))
            #expect(r.termination == .optimal, "\(model.name): \(r.message)")
            let flaws = Self.certificateFlaws(model, r)
            #expect(flaws.isEmpty, "\(model.name): \(flaws.prefix(5))")
            #expect(r.objective! >= GAPInstances.optima[file - 1][k] - 1e-6, "the relaxation bounds the optimum")
        }
    }

    /// What keeps `r` from being proven optimal by its own duals (with its
    /// values feasible, duals that are feasible for the dual and
    /// complementary to the values prove it): a violated row or bound,
    /// reduced costs that do not follow from the row duals, or a dual on a
    /// row or column away from its bounds or of the wrong sign at one.
    static func certificateFlaws(_ model: LinearModel, _ r: SolveResult) -> [String] {
        let tolerance = 1e-6
        guard r.rowDuals.count == model.rowCount, r.reducedCosts.count == model.columnCount else {
            return ["\(r.rowDuals.count) row duals, \(r.reducedCosts.count) reduced costs"]
        }
        var flaws: [String] = []
        if model.maxViolation(r.values) > tolerance { flaws.append("values violate the model") }
        // For a minimisation a dual may be positive at a lower bound and negative at an upper one.
        let sign: Double = model.sense == .minimize ? 1 : -1
        func check(_ what: String, _ dual: Double, value: Double, lower: Double, upper: Double) {
            let d = sign * dual
            if abs(d) <= tolerance { return }
            if d > 0 && abs(value - lower) <= tolerance { return }
            if d < 0 && abs(value - upper) <= tolerance { return }
            flaws.append("\(what): dual \(dual) at \(value) in [\(lower), \(upper)]")
        }
        var reduced = model.columns.map(\.objective)
        for (i, row) in model.rows.enumerated() {
            let y = r.rowDuals[i]
            for (j, a) in zip(row.columns, row.coefficients) { reduced[j.rawValue] -= a * y }
            check(row.name, y, value: row.activity(r.values), lower: row.lower, upper: row.upper)
        }
        for (j, column) in model.columns.enumerated() {
            let d = r.reducedCosts[j]
            if abs(d - reduced[j]) > tolerance {
                flaws.append("\(column.name): reduced cost \(d), expected \(reduced[j])")
            }
            check(column.name, d, value: r.values[j], lower: column.lower, upper: column.upper)
        }
        return flaws
    }
}
