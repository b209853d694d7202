/// A simplex basis: which rows and columns are basic, and at which bound
/// each of the others sits (MathOptInterface's basis status attributes,
/// reduced to what a warm start needs).
///
/// An optimal LP's result carries its final basis
/// (``SolveResult/basis``); given back as ``SolverOptions/basis`` for a model
/// that grew from that one, the simplex starts from it instead of from
/// scratch. That is what a loop of LPs needs: column generation adds
/// columns (the old basis stays primal feasible), cut separation adds rows
/// (it stays dual feasible); ``extended(rowCount:columnCount:)`` gives the
/// grown model's basis.
///
/// A row's status is that of its activity (GLPK's auxiliary variable): a
/// row that does not bind is basic. A nonbasic entry at a bound it does not
/// have (a free column "at lower", say) is read by the solver as the
/// nonbasic status its bounds allow.
public struct Basis: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case basic
        case atLower
        case atUpper
    }

    /// One status per row, in row order.
    public var rows: [Status]
    /// One status per column, in column order.
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// The basis of a model grown from this basis's model by rows and
    /// columns appended (to `rowCount` and `columnCount`): each new row
    /// basic (its activity is whatever the columns give), each new column
    /// nonbasic at its lower bound. Still a basis: one basic entry per row.
    /// For a column that must be at 0 when it enters (column generation),
    /// its lower bound must be 0.
    public func extended(rowCount: Int, columnCount: Int) -> Basis {
        precondition(rowCount >= rows.count && columnCount >= columns.count, "a basis extends to a larger model only")
        return Basis(
            rows: rows + [Status](repeating: .basic, count: rowCount - rows.count),
            columns: columns + [Status](repeating: .atLower, count: columnCount - columns.count))
    }

    /// The slack basis of a point at its columns' bounds: every row basic,
    /// every column nonbasic at the bound its value sits on (within 1e-9).
    /// When the point satisfies every row, this basis is primal feasible
    /// and the simplex starts at the point's objective (a greedy solution
    /// of an assignment, say, instead of 0). nil when a column's value is at
    /// neither of its bounds, or the counts differ.
    public static func slack(at point: [Double], of model: LinearModel) -> Basis? {
        guard point.count == model.columnCount else { return nil }
        var columns: [Status] = []
        columns.reserveCapacity(point.count)
        for (v, column) in zip(point, model.columns) {
            if abs(v - column.lower) <= 1e-9 {
                columns.append(.atLower)
            } else if abs(v - column.upper) <= 1e-9 {
                columns.append(.atUpper)
            } else {
                return nil
            }
        }
        return Basis(rows: [Status](repeating: .basic, count: model.rowCount), columns: columns)
    }

    /// Why this basis cannot start a solve of `model`, or nil: the counts
    /// must match and there must be exactly one basic entry per row.
    public func mismatch(with model: LinearModel) -> String? {
        if rows.count != model.rowCount || columns.count != model.columnCount {
            return
                "it has \(rows.count) rows and \(columns.count) columns for a model of \(model.rowCount) and \(model.columnCount)"
        }
        let basic = rows.count(where: { $0 == .basic }) + columns.count(where: { $0 == .basic })
        if basic != model.rowCount { return "it has \(basic) basic entries for \(model.rowCount) rows" }
        return nil
    }
}
