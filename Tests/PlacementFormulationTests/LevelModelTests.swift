import GLPKSolver
import LinearModel
import PlacementFormulation
import PlacementModel
import Testing

/// `LexicographicDriver.levelModel`: the model an export of level K writes.
@Suite(.serialized) struct LevelModelTests {
    /// The round of `levelsAreHeldLexicographically` (``lexicographicRound()``): placed 2, then rank 1.
    static func setUp() -> (LinearModel, [LevelObjective]) {
        let instance = lexicographicRound()
        let c = CandidateSet(instance: instance, policy: .default)
        let f = DirectFormulation(instance: instance, policy: .default, candidates: c)
        return (
            f.model,
            Policy.default.objective.enumerated().map {
                f.objective(for: $1, level: $0, instance: instance, candidates: c)
            }
        )
    }

    /// A new driver each time: a budget is one run's deadline, counted from when it is made.
    static var driver: LexicographicDriver {
        LexicographicDriver(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget(limit: 30))
    }

    @Test func firstLevelIsTheBaseModelWithItsObjectiveAndNoSolve() throws {
        let (base, objectives) = Self.setUp()
        let m = try Self.driver.levelModel(base, objectives: objectives, level: 0)
        let model = try #require(m.model)
        #expect(m.earlier.levels.isEmpty)
        #expect(model.rowCount == base.rowCount)
        #expect(model.sense == .maximize)
        var expected = base
        expected.setObjective(sense: objectives[0].sense, terms: objectives[0].terms)
        #expect(model == expected)
    }

    @Test func laterLevelHoldsTheEarlierOptimaLikeSolve() throws {
        let (base, objectives) = Self.setUp()
        let m = try Self.driver.levelModel(base, objectives: objectives, level: 1)
        let model = try #require(m.model)
        #expect(m.earlier.levels.map(\.value) == [2])
        #expect(model.rowCount == base.rowCount + 1)
        let hold = model.rows.last!
        #expect(hold.name == "hold_0")
        #expect(hold.lower == 2 && hold.upper == .infinity)  // placed is integral: held exactly
        #expect(model.sense == .minimize)
        // Solving the exported model gives the second level of a full solve.
        let full = try Self.driver.solve(base, objectives: objectives)
        let alone = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 30))
        #expect(alone.primal == .optimal)
        #expect(model.objectiveValue(alone.values) == full.levels[1].value)
    }

    @Test func noModelWhenAnEarlierLevelIsInfeasible() throws {
        var (base, objectives) = Self.setUp()
        // A row nobody can meet: five stays in a round of two participants.
        base.addRow(
            Row(
                name: "impossible", lower: 5, columns: (0..<base.columnCount).map(ColumnIndex.init),
                coefficients: Array(repeating: 1, count: base.columnCount)))
        let m = try Self.driver.levelModel(base, objectives: objectives, level: 1)
        #expect(m.model == nil)
        #expect(m.earlier.levels.first?.status == .infeasible)
    }
}
