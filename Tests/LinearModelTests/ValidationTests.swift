import LinearModel
import Testing

/// `validate()` catches each case GLPK would abort on; `maxViolation` measures points.
struct ValidationTests {
    /// min x + y, x ∈ [0, 4], y integer ∈ [0, 3], row r: x + 2y ≥ 2.
    static func tiny() -> LinearModel {
        var m = LinearModel(name: "tiny")
        let x = m.addColumn(name: "x", upper: 4, objective: 1)
        let y = m.addColumn(name: "y", upper: 3, isInteger: true, objective: 1)
        m.addRow(name: "r", lower: 2, terms: [(x, 1), (y, 2)])
        return m
    }

    static func problems(_ m: LinearModel) -> [String] {
        do { try m.validate(); return [] } catch { return error.problems }
    }

    @Test func validModelPasses() throws {
        try Self.tiny().validate()
    }

    @Test func nanCoefficient() {
        var m = Self.tiny()
        m[RowIndex(0)].coefficients[0] = .nan
        #expect(Self.problems(m).contains { $0.contains("non-finite coefficient") })
    }

    @Test func nanBound() {
        var m = Self.tiny()
        m[ColumnIndex(0)].upper = .nan
        #expect(Self.problems(m).contains { $0.contains("NaN bound") })
    }

    @Test func lowerAboveUpper() {
        var m = Self.tiny()
        m[ColumnIndex(0)].lower = 5
        #expect(Self.problems(m).contains { $0.contains("lower bound 5.0 > upper bound 4.0") })
        var r = Self.tiny()
        r[RowIndex(0)].upper = 1
        #expect(Self.problems(r).contains { $0.contains("row 0 (r) has lower bound") })
    }

    @Test func duplicateEntryInRow() {
        var m = Self.tiny()
        m.addRow(name: "dup", upper: 1, terms: [(ColumnIndex(0), 1), (ColumnIndex(0), 2)])
        #expect(Self.problems(m).contains { $0.contains("names column 0 twice") })
    }

    @Test func columnOutOfRange() {
        var m = Self.tiny()
        m.addRow(name: "bad", upper: 1, terms: [(ColumnIndex(7), 1)])
        #expect(Self.problems(m).contains { $0.contains("names column 7, out of range") })
    }

    @Test func mismatchedArrays() {
        var m = Self.tiny()
        m.addRow(Row(name: "short", upper: 1, columns: [ColumnIndex(0), ColumnIndex(1)], coefficients: [1]))
        #expect(Self.problems(m).contains { $0.contains("2 columns but 1 coefficients") })
    }

    @Test func infiniteObjective() {
        var m = Self.tiny()
        m[ColumnIndex(1)].objective = .infinity
        #expect(Self.problems(m).contains { $0.contains("non-finite objective") })
    }

    @Test func maxViolation() {
        let m = Self.tiny()
        #expect(m.maxViolation([0, 1]) == 0)  // x + 2y = 2 ≥ 2
        #expect(m.maxViolation([0.5, 0]) == 1.5)  // row short by 1.5
        #expect(m.maxViolation([5, 1]) == 1)  // x above its bound by 1
        #expect(abs(m.maxViolation([0, 1.25]) - 0.25) < 1e-12)  // y not integer
        #expect(m.maxViolation([0]) == .infinity)  // wrong length
    }

    @Test func integerBoundRounding() {
        #expect(Column(name: "a", lower: 0.2, upper: 2.7, isInteger: true).effectiveBounds! == (1, 2))
        #expect(Column(name: "b", lower: 0.2, upper: 0.7, isInteger: true).effectiveBounds == nil)
        #expect(Column(name: "c", lower: 0.9999999999, upper: 1, isInteger: true).effectiveBounds! == (1, 1))
        #expect(Column(name: "d", lower: 0.2, upper: 0.7).effectiveBounds! == (0.2, 0.7))
        var m = Self.tiny()
        #expect(m.firstEmptyIntegerColumn == nil)
        m[ColumnIndex(1)].lower = 0.5
        m[ColumnIndex(1)].upper = 0.6
        #expect(m.firstEmptyIntegerColumn == ColumnIndex(1))
    }
}
