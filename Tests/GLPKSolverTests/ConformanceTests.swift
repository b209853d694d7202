import GLPKSolver
import LinearModel
import Testing

/// The conformance suite: small models with known answers (see
/// ``ConformanceModels``), each checked for status, objective and values.
@Suite(.serialized)
struct ConformanceTests {
    let solver = GLPKSolver()

    func expectOptimal(
        _ model: LinearModel, _ objective: Double, values: [Double]? = nil,
        options: SolverOptions = SolverOptions(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try solver.solve(model, options: options)
        #expect(r.termination == .optimal, "\(r.message)", sourceLocation: sourceLocation)
        #expect(r.primal == .optimal, sourceLocation: sourceLocation)
        #expect(
            abs((r.objective ?? .nan) - objective) < 1e-9, "objective \(String(describing: r.objective))",
            sourceLocation: sourceLocation)
        #expect(r.bound == r.objective, sourceLocation: sourceLocation)
        #expect(model.maxViolation(r.values) <= 1e-7, sourceLocation: sourceLocation)
        if let values {
            #expect(
                zip(r.values, values).allSatisfy { abs($0 - $1) < 1e-9 }, "values \(r.values)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func name() { #expect(solver.name.hasPrefix("GLPK 5.")) }

    @Test func lpOptimum() throws { try expectOptimal(ConformanceModels.lp(), 11, values: [3, 1]) }

    @Test func lpOptimumWithoutPresolve() throws {
        try expectOptimal(ConformanceModels.lp(), 11, values: [3, 1], options: SolverOptions(presolve: false))
    }

    @Test func mipOptimum() throws { try expectOptimal(ConformanceModels.mip(), 20, values: [4, 0]) }

    @Test func mipOptimumWithoutPresolveOrCuts() throws {
        try expectOptimal(
            ConformanceModels.mip(), 20, values: [4, 0], options: SolverOptions(presolve: false, cuts: false))
    }

    @Test(arguments: [false, true], [false, true])
    func infeasibleRows(integer: Bool, presolve: Bool) throws {
        let r = try solver.solve(
            ConformanceModels.rowConflict(integer: integer), options: SolverOptions(presolve: presolve))
        #expect(r.termination == .infeasible, "\(r.message)")
        #expect(r.primal == .none)
        #expect(r.values.isEmpty && r.objective == nil)
    }

    @Test func infeasibleByIntegerRounding() throws {
        let r = try solver.solve(ConformanceModels.emptyIntegerRange(), options: SolverOptions())
        #expect(r.termination == .infeasible)
        #expect(r.message.contains("no integer value"))
    }

    @Test(arguments: [false, true], [false, true])
    func unbounded(integer: Bool, presolve: Bool) throws {
        let r = try solver.solve(
            ConformanceModels.unbounded(integer: integer), options: SolverOptions(presolve: presolve))
        #expect(r.termination == .unbounded, "\(r.message)")
        #expect(r.primal == .none)
    }

    @Test(arguments: [false, true], [false, true])
    func unboundedDirectionButInfeasible(integer: Bool, presolve: Bool) throws {
        let r = try solver.solve(
            ConformanceModels.unboundedDirectionButInfeasible(integer: integer),
            options: SolverOptions(presolve: presolve))
        #expect(r.termination == .infeasible, "\(r.message)")
    }

    /// No columns: optimal with the constant; a row needing activity 1 makes it infeasible.
    @Test func emptyModel() throws {
        var m = LinearModel(name: "empty", sense: .maximize)
        m.objectiveConstant = 7
        try expectOptimal(m, 7, values: [])
        m.addRow(Row(name: "impossible", lower: 1, columns: [], coefficients: []))
        #expect(try solver.solve(m, options: SolverOptions()).termination == .infeasible)
    }

    @Test func noRows() throws { try expectOptimal(ConformanceModels.noRows(), 4, values: [1, 3]) }

    @Test func equalityRows() throws { try expectOptimal(ConformanceModels.equalities(), 10.5, values: [2.5, 2.5, 1]) }

    @Test(arguments: [false, true])
    func freeColumns(integer: Bool) throws {
        try expectOptimal(ConformanceModels.freeColumns(integer: integer), 4, values: [-3, -1])
    }

    /// An invalid model is thrown back before GLPK sees it (GLPK would abort).
    @Test func invalidModelThrows() {
        var m = ConformanceModels.lp()
        m[ColumnIndex(0)].lower = 10
        #expect(throws: ModelValidationError.self) { try solver.solve(m, options: SolverOptions()) }
    }
}
