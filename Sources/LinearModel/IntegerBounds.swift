extension Column {
    /// Tolerance used when rounding the bounds of an integer column, so that
    /// a bound such as `0.9999999999` (the result of floating-point noise)
    /// still admits the integer 1.
    public static let integerBoundTolerance = 1e-9

    /// The bounds a solver should use for this column: unchanged for a
    /// continuous column; `ceil(lower)`, `floor(upper)` (with
    /// ``integerBoundTolerance``) for an integer one.
    ///
    /// Returns nil when an integer column has no integer value between its
    /// bounds (`ceil(lower) > floor(upper)`): the model is then infeasible.
    /// This is the one place where integer bounds are rounded.
    public var effectiveBounds: (lower: Double, upper: Double)? {
        guard isInteger else { return (lower, upper) }
        let lo = lower.isFinite ? (lower - Column.integerBoundTolerance).rounded(.up) : lower
        let hi = upper.isFinite ? (upper + Column.integerBoundTolerance).rounded(.down) : upper
        return lo <= hi ? (lo, hi) : nil
    }
}

extension LinearModel {
    /// The first integer column whose rounded bounds cross (see
    /// ``Column/effectiveBounds``), or nil when there is none. A model with
    /// such a column is infeasible.
    public var firstEmptyIntegerColumn: ColumnIndex? {
        columns.indices.first { columns[$0].effectiveBounds == nil }.map(ColumnIndex.init)
    }

    /// Whether any column is integer (the model is a MIP rather than an LP).
    public var hasIntegerColumns: Bool { columns.contains { $0.isInteger } }
}
