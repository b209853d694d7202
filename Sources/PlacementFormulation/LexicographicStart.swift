import LinearModel

extension LexicographicDriver {
    /// The previous level's solution as a start point that keeps every row
    /// of `model` (issue 15: "held levels accept a start point"). GLPK
    /// returns integer columns up to its integrality tolerance (1e-5), and
    /// rounding them leaves the continuous columns that follow from them
    /// (`worst_rank`, the soft-quota shortfalls) off by as much: a
    /// `worst_…` row by 3.2e-5 and a soft `min_rate` row by 1e-5 on a
    /// 60 × 20 rich-policy round, so the solver's check (1e-6) rejected the
    /// start and the level began with no incumbent. When `values` break a
    /// row, the continuous columns are solved again with the integer ones
    /// fixed at their rounded values (one LP, under the level's objective);
    /// nil when that fails, and the level starts without a point.
    func consistentStart(_ values: [Double], _ model: LinearModel) throws -> [Double]? {
        guard values.count == model.columnCount else { return nil }
        if model.maxViolation(values) <= 1e-7 { return values }
        var lp = model
        for j in 0..<lp.columnCount where lp[ColumnIndex(j)].isInteger {
            let v = values[j].rounded()
            guard v >= lp[ColumnIndex(j)].lower, v <= lp[ColumnIndex(j)].upper else { return nil }
            lp[ColumnIndex(j)].isInteger = false
            lp[ColumnIndex(j)].lower = v
            lp[ColumnIndex(j)].upper = v
        }
        var opts = budget.options(options)
        opts.log = nil
        opts.progress = nil
        let r = try solver.solve(lp, options: opts)
        guard r.primal == .optimal, r.values.count == model.columnCount else { return nil }
        return r.values
    }
}
