/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable {
    case minimize
    case maximize
}

/// A variable: bounds, integrality and objective coefficient.
public struct Column: Sendable, Equatable {
    public var name: String
    /// Lower bound; `-Double.infinity` for none.
    public var lower: Double
    /// Upper bound; `Double.infinity` for none.
    public var upper: Double
    public var isInteger: Bool
    public var objective: Double

    public init(
        name: String, lower: Double = 0, upper: Double = .infinity, isInteger: Bool = false, objective: Double = 0
    ) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.isInteger = isInteger
        self.objective = objective
    }
}

/// A linear constraint `lower ≤ Σ coefficients[k]·x[columns[k]] ≤ upper`.
public struct Row: Sendable, Equatable {
    public var name: String
    /// Lower bound; `-Double.infinity` for none.
    public var lower: Double
    /// Upper bound; `Double.infinity` for none.
    public var upper: Double
    public var columns: [ColumnIndex]
    public var coefficients: [Double]

    public init(
        name: String, lower: Double = -.infinity, upper: Double = .infinity, columns: [ColumnIndex],
        coefficients: [Double]
    ) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.columns = columns
        self.coefficients = coefficients
    }

    /// The row's activity for a vector of column values.
    public func activity(_ values: [Double]) -> Double {
        var sum = 0.0
        for k in columns.indices { sum += coefficients[k] * values[columns[k].rawValue] }
        return sum
    }
}

/// A solver-neutral mixed-integer linear programme.
///
/// A plain value in the manner of OR-Tools' `MPModelProto`: the formulation
/// builds it, it can be validated, written to MPS or CPLEX-LP, handed to a
/// mock, or solved by any ``LinearSolver``. It never refers to a solver.
public struct LinearModel: Sendable, Equatable {
    public var name: String
    public var sense: ObjectiveSense
    /// A constant added to the objective.
    public var objectiveConstant: Double
    public private(set) var columns: [Column]
    public private(set) var rows: [Row]

    public init(name: String = "model", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = 0
        self.columns = []
        self.rows = []
    }

    public var columnCount: Int { columns.count }
    public var rowCount: Int { rows.count }
    /// Number of non-zero coefficients in the constraint matrix.
    public var nonZeroCount: Int { rows.reduce(0) { $0 + $1.columns.count } }

    @discardableResult
    public mutating func addColumn(_ column: Column) -> ColumnIndex {
        columns.append(column)
        return ColumnIndex(columns.count - 1)
    }

    @discardableResult
    public mutating func addColumn(
        name: String, lower: Double = 0, upper: Double = .infinity, isInteger: Bool = false, objective: Double = 0
    ) -> ColumnIndex {
        addColumn(Column(name: name, lower: lower, upper: upper, isInteger: isInteger, objective: objective))
    }

    /// Adds a binary (0/1 integer) column.
    @discardableResult
    public mutating func addBinary(name: String, objective: Double = 0) -> ColumnIndex {
        addColumn(Column(name: name, lower: 0, upper: 1, isInteger: true, objective: objective))
    }

    @discardableResult
    public mutating func addRow(_ row: Row) -> RowIndex {
        rows.append(row)
        return RowIndex(rows.count - 1)
    }

    @discardableResult
    public mutating func addRow(
        name: String, lower: Double = -.infinity, upper: Double = .infinity, terms: [(ColumnIndex, Double)]
    ) -> RowIndex {
        addRow(Row(name: name, lower: lower, upper: upper, columns: terms.map(\.0), coefficients: terms.map(\.1)))
    }

    public subscript(column: ColumnIndex) -> Column {
        get { columns[column.rawValue] }
        set { columns[column.rawValue] = newValue }
    }

    public subscript(row: RowIndex) -> Row {
        get { rows[row.rawValue] }
        set { rows[row.rawValue] = newValue }
    }

    /// Replaces the objective: every column's coefficient is set from `terms`
    /// (others become 0), with the given sense and constant.
    public mutating func setObjective(sense: ObjectiveSense, constant: Double = 0, terms: [(ColumnIndex, Double)]) {
        for i in columns.indices { columns[i].objective = 0 }
        for (c, v) in terms { columns[c.rawValue].objective += v }
        self.sense = sense
        self.objectiveConstant = constant
    }

    /// The objective's value for a vector of column values.
    public func objectiveValue(_ values: [Double]) -> Double {
        var sum = objectiveConstant
        for i in columns.indices where columns[i].objective != 0 { sum += columns[i].objective * values[i] }
        return sum
    }

    /// Removes the rows from `count` on (used to drop rows a lexicographic
    /// level added).
    public mutating func truncateRows(to count: Int) {
        precondition(count >= 0 && count <= rows.count)
        rows.removeSubrange(count...)
    }
}
