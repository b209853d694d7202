import GLPKSolver
import LinearModel
import Testing

@testable import PlacementFormulation

/// The previous level's solution offered as a start point keeps every row
/// (``LexicographicDriver/consistentStart(_:_:)``).
@Suite struct LexicographicStartTests {
    static let driver = LexicographicDriver(
        solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget(limit: 30))

    /// `w ≥ 5·x` (a `worst_rank` row) and `x ≤ 1`, maximising nothing in particular.
    static func model() -> LinearModel {
        var m = LinearModel(name: "start", sense: .minimize)
        let x = m.addColumn(Column(name: "x", lower: 0, upper: 1, isInteger: true))
        let w = m.addColumn(Column(name: "w", lower: 0))
        m.addRow(Row(name: "worst", lower: 0, columns: [w, x], coefficients: [1, -5]))
        m.setObjective(sense: .minimize, terms: [(w, 1)])
        return m
    }

    @Test func continuousColumnsFollowTheRoundedIntegers() throws {
        // As GLPK returns it: x within its integrality tolerance of 1, w = 5·x. Rounded, x = 1
        // and the row is short by 3.5e-5, more than the solver's check allows.
        let values = [0.999993, 4.999965]
        #expect(Self.model().maxViolation([1, 4.999965]) > 1e-6)
        let start = try #require(try Self.driver.consistentStart(values, Self.model()))
        #expect(start[0] == 1)
        #expect(Self.model().maxViolation(start) <= 1e-9)
        #expect(abs(start[1] - 5) <= 1e-9)
    }

    @Test func aConsistentStartIsKeptAsItIs() throws {
        #expect(try Self.driver.consistentStart([1, 6], Self.model()) == [1, 6])
    }

    @Test func aStartWhoseIntegersBreakTheModelIsDropped() throws {
        var m = Self.model()
        m.addRow(Row(name: "none", upper: 0, columns: [ColumnIndex(0)], coefficients: [1]))
        #expect(try Self.driver.consistentStart([1, 5], m) == nil)
    }
}
