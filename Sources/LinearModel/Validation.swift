/// Why a ``LinearModel`` cannot be handed to a solver.
public struct ModelValidationError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "The linear model is invalid (\(problems.count) problem\(problems.count == 1 ? "" : "s")): "
            + problems.prefix(10).joined(separator: "; ")
    }
}

extension LinearModel {
    /// Checks everything a solver such as GLPK would abort on: non-finite
    /// coefficients, NaN bounds, `lower > upper`, column indices out of
    /// range, duplicate entries in a row, mismatched term arrays, and names
    /// over 255 characters.
    ///
    /// Integer columns whose rounded bounds cross (`ceil(lower) > floor(upper)`)
    /// are not an error here: they make the model infeasible, which is a
    /// result, not a misuse.
    public func validate() throws(ModelValidationError) {
        var problems: [String] = []
        func note(_ s: String) { if problems.count < 100 { problems.append(s) } }
        if name.utf8.count > 255 { note("model name longer than 255 bytes") }
        if !objectiveConstant.isFinite { note("objective constant is not finite") }
        for (i, c) in columns.enumerated() {
            if c.name.utf8.count > 255 { note("column \(i) name longer than 255 bytes") }
            if c.lower.isNaN || c.upper.isNaN { note("column \(i) (\(c.name)) has a NaN bound") }
            if c.lower == .infinity || c.upper == -.infinity {
                note("column \(i) (\(c.name)) has an infinite bound on the wrong side")
            }
            if c.lower > c.upper { note("column \(i) (\(c.name)) has lower bound \(c.lower) > upper bound \(c.upper)") }
            if !c.objective.isFinite { note("column \(i) (\(c.name)) has a non-finite objective coefficient") }
        }
        var seen = [Int](repeating: -1, count: columns.count)
        for (r, row) in rows.enumerated() {
            if row.name.utf8.count > 255 { note("row \(r) name longer than 255 bytes") }
            if row.lower.isNaN || row.upper.isNaN { note("row \(r) (\(row.name)) has a NaN bound") }
            if row.lower == .infinity || row.upper == -.infinity {
                note("row \(r) (\(row.name)) has an infinite bound on the wrong side")
            }
            if row.lower > row.upper {
                note("row \(r) (\(row.name)) has lower bound \(row.lower) > upper bound \(row.upper)")
            }
            if row.columns.count != row.coefficients.count {
                note(
                    "row \(r) (\(row.name)) has \(row.columns.count) columns but \(row.coefficients.count) coefficients"
                ); continue
            }
            for (k, c) in row.columns.enumerated() {
                guard c.rawValue >= 0 && c.rawValue < columns.count else {
                    note("row \(r) (\(row.name)) names column \(c.rawValue), out of range"); continue
                }
                if seen[c.rawValue] == r { note("row \(r) (\(row.name)) names column \(c.rawValue) twice") }
                seen[c.rawValue] = r
                if !row.coefficients[k].isFinite { note("row \(r) (\(row.name)) has a non-finite coefficient") }
            }
        }
        if !problems.isEmpty { throw ModelValidationError(problems: problems) }
    }

    /// The largest violation of any bound, row or integrality by `values`
    /// (0 when the point is feasible). Used to check every solution a solver
    /// returns or that is injected as a start.
    public func maxViolation(_ values: [Double]) -> Double {
        guard values.count == columns.count else { return .infinity }
        var worst = 0.0
        for (i, c) in columns.enumerated() {
            let v = values[i]
            if !v.isFinite { return .infinity }
            worst = max(worst, c.lower - v, v - c.upper)
            if c.isInteger { worst = max(worst, abs(v - v.rounded())) }
        }
        for row in rows { worst = max(worst, row.violation(values)) }
        return worst
    }
}

extension Row {
    /// How far the row's activity lies outside its bounds (0 or less when
    /// it holds), the one measure ``LinearModel/maxViolation(_:)`` takes
    /// the largest of.
    public func violation(_ values: [Double]) -> Double {
        let a = activity(values)
        return max(lower - a, a - upper)
    }
}
