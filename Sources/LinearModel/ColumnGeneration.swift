/// The LP relaxation of a model with many columns, solved on a few of them:
/// column generation (issue 15, part 4: the 5,000 × 1,200 master's LP, some
/// 790,000 columns, does not finish in GLPK's simplex).
///
/// The restricted model keeps the columns chosen so far (all continuous);
/// the others are held at 0, so each column left out must admit 0. It keeps
/// only the rows those columns can break: a row whose activity stays within
/// its bounds for every value the columns' bounds allow cannot bind, so
/// leaving it out changes nothing, and its dual is 0 (at 5,000 × 1,200 most
/// of the master's 68,063 rows are such, docs/performance.md). Rows only
/// join as columns do, so each round's basis extends the last one's (a row
/// that joins is basic). After each restricted LP, the row duals price
/// every column left out (reduced cost `c_j − Σᵢ aᵢⱼ·yᵢ`); the `batch`
/// columns that would improve the objective most join, until none would.
/// Then the restricted optimum is the full relaxation's: its duals are
/// feasible for the full model's dual, and the result says so with the
/// reduced costs of every column. Each round starts from the last one's
/// final basis (``SolverOptions/basis``), the entering columns nonbasic at
/// their lower bound: at 0, where they were, when that bound is 0 (a column
/// below 0 starts at its bound, which costs iterations, not the answer).
///
/// A restricted model that is infeasible says nothing of the full one (the
/// columns left out may be what makes it feasible) and gives no duals to
/// price with, so every column joins at once and the full relaxation is
/// solved as it is. A restricted model that is unbounded is a full one that
/// is. The run's ``SolveBudget`` gives each round its options; when it is
/// exhausted (time up or a stop, checked between rounds: GLPK's simplex
/// does not poll the stop), the result is the last round's optimum,
/// feasible for the full model but not proven optimal, or no point before
/// the first.
public enum ColumnGeneration {
    public struct Outcome: Sendable {
        /// The full model's relaxation: values, row duals and reduced costs
        /// for all its columns (omitted columns at 0).
        public var result: SolveResult
        /// Restricted solves, the last included.
        public var rounds: Int
        /// The last restricted model's columns (full indices, ascending):
        /// with the result's reduced costs, what a restricted integer model
        /// starts from.
        public var columns: [ColumnIndex]
        /// The last restricted LP's final basis, nil without one: a warm
        /// start for ``restriction(of:columns:)`` with ``columns``, whose
        /// rows are the same.
        public var basis: Basis?
    }

    /// `model` on `columns` (ascending) and the rows those columns can
    /// break, its integer columns still integer: a restricted integer model
    /// whose root LP, given ``Outcome/basis``, starts where the last round
    /// of ``relaxation(of:initial:batch:family:perFamily:solver:options:budget:log:)``
    /// ended.
    public static func restriction(of model: LinearModel, columns: [ColumnIndex]) -> LinearModel {
        var included = [Bool](repeating: false, count: model.columnCount)
        for j in columns { included[j.rawValue] = true }
        return restricted(model, included, relaxed: false).0
    }

    /// Reduced costs smaller than this (in the improving direction) do not
    /// bring a column in: GLPK's own dual feasibility tolerance is 1e-7.
    public static let tolerance = 1e-7

    /// Solves the relaxation of `model` starting from the columns `initial`
    /// (and every column that must be nonzero), adding at most `batch`
    /// columns a round, and at most `perFamily` of one `family` (say, one
    /// participant's pairs: the most attractive columns are often many of
    /// the same few). Each round's solve takes `options` (presolve and the
    /// like) with the time left of `budget`. `startBasis`, a basis of the
    /// full model (say ``Basis/slack(at:of:)`` of a known solution whose
    /// nonzero columns are in `initial`), starts the first round; the
    /// columns it leaves out must be nonbasic at 0. One whose counts do not
    /// fit the model is ignored (the first round starts from scratch).
    public static func relaxation(
        of model: LinearModel, initial: [ColumnIndex], startBasis: Basis? = nil, batch: Int = 1_000,
        family: (@Sendable (ColumnIndex) -> Int)? = nil, perFamily: Int = .max, solver: any LinearSolver,
        options: SolverOptions = SolverOptions(), budget: SolveBudget = SolveBudget(),
        log: (@Sendable (String) -> Void)? = nil
    ) throws -> Outcome {
        precondition(batch > 0 && perFamily > 0, "batch and perFamily must be positive")
        var included = model.columns.map { !($0.lower <= 0 && $0.upper >= 0) }
        for j in initial { included[j.rawValue] = true }
        var rounds = 0
        // The last restricted optimum, feasible for the full model: what a stop returns.
        var lastOptimum: (result: SolveResult, columns: [ColumnIndex])? = nil
        // The last optimal basis in full column order (a column left out is at its bound 0): each
        // round starts from it, the entering columns nonbasic, so the primal simplex goes on from
        // the last optimum instead of from scratch.
        var lastBasis: Basis? = startBasis?.mismatch(with: model) == nil ? startBasis : nil
        func stopped(_ reason: TerminationReason, _ message: String) -> Outcome {
            var r =
                lastOptimum?.result
                ?? SolveResult.noSolution(reason)
            r.termination = reason
            if r.primal != .none { r.primal = .feasible }
            r.bound = nil
            (r.rowDuals, r.reducedCosts) = ([], [])
            r.message = message
            return Outcome(result: r, rounds: rounds, columns: lastOptimum?.columns ?? [])
        }
        while true {
            if budget.isExhausted {
                return budget.stopRequested
                    ? stopped(.interrupted, "stopped before round \(rounds + 1)")
                    : stopped(.timeLimit, "time limit reached before round \(rounds + 1)")
            }
            var opts = budget.options(options)
            opts.start = nil
            let (restricted, kept, keptRows) = Self.restricted(model, included)
            opts.basis = lastBasis.map { b in
                Basis(rows: keptRows.map { b.rows[$0] }, columns: kept.map { b.columns[$0] })
            }
            let r = try solver.solve(restricted, options: opts)
            rounds += 1
            var full = Self.expanded(r, kept: kept, rows: keptRows, into: model)
            if r.termination == .infeasible, included.contains(false) {
                included = [Bool](repeating: true, count: model.columnCount)
                continue
            }
            guard r.termination == .optimal else {
                // Stopped short: the last round's optimum, when there is one, is still a feasible point.
                if lastOptimum != nil, r.termination == .timeLimit || r.termination == .interrupted {
                    return stopped(r.termination, "round \(rounds): " + r.message)
                }
                return Outcome(result: full, rounds: rounds, columns: kept.map(ColumnIndex.init))
            }
            if !included.contains(false) && keptRows.count == model.rowCount {
                // Nothing left out: the restricted model is the full one.
                full.reducedCosts = r.reducedCosts
                return Outcome(result: full, rounds: rounds, columns: kept.map(ColumnIndex.init), basis: r.basis)
            }
            guard full.rowDuals.count == model.rowCount else {
                // Without duals nothing proves that the columns left out would not improve it.
                full.termination = .other
                full.primal = .feasible
                full.bound = nil
                full.message = "\(solver.name) gave no row duals to price the columns left out"
                return Outcome(result: full, rounds: rounds, columns: kept.map(ColumnIndex.init))
            }
            lastOptimum = (full, kept.map(ColumnIndex.init))
            if let b = r.basis {
                // A row left out does not bind: basic.
                var rows = [Basis.Status](repeating: .basic, count: model.rowCount)
                for (k, i) in keptRows.enumerated() { rows[i] = b.rows[k] }
                var columns = [Basis.Status](repeating: .atLower, count: model.columnCount)
                for (k, j) in kept.enumerated() { columns[j] = b.columns[k] }
                lastBasis = Basis(rows: rows, columns: columns)
            }
            let reduced = Self.reducedCosts(model, duals: full.rowDuals)
            let sign: Double = model.sense == .maximize ? 1 : -1
            var entering: [(gain: Double, column: Int)] = []
            for j in reduced.indices where !included[j] {
                let column = model.columns[j]
                let gain = sign * reduced[j]
                if gain > tolerance && column.upper > 0 {
                    entering.append((gain, j))
                } else if gain < -tolerance && column.lower < 0 {
                    entering.append((-gain, j))
                }
            }
            log?(
                "column generation round \(rounds): \(kept.count) columns, \(keptRows.count) rows, objective \(full.objective ?? .nan), "
                    + "\(entering.count) would improve it")
            if entering.isEmpty {
                full.reducedCosts = reduced
                return Outcome(result: full, rounds: rounds, columns: kept.map(ColumnIndex.init), basis: r.basis)
            }
            entering.sort { $0.gain > $1.gain || ($0.gain == $1.gain && $0.column < $1.column) }
            var taken = 0
            var perFamilyTaken: [Int: Int] = [:]
            for e in entering where taken < batch {
                if let family {
                    let f = family(ColumnIndex(e.column))
                    if perFamilyTaken[f, default: 0] >= perFamily { continue }
                    perFamilyTaken[f, default: 0] += 1
                }
                included[e.column] = true
                taken += 1
            }
        }
    }

    /// The model on the included columns (continuous unless not `relaxed`)
    /// and the rows they can break, with the full index of each restricted
    /// column and row.
    static func restricted(_ model: LinearModel, _ included: [Bool], relaxed: Bool = true) -> (
        LinearModel, [Int], [Int]
    ) {
        var index = [Int](repeating: -1, count: model.columnCount)
        var kept: [Int] = []
        var m = LinearModel(name: model.name + "-restricted", sense: model.sense)
        for (j, column) in model.columns.enumerated() where included[j] {
            index[j] = kept.count
            kept.append(j)
            var c = column
            if relaxed { c.isInteger = false }
            m.addColumn(c)
        }
        m.objectiveConstant = model.objectiveConstant
        var keptRows: [Int] = []
        for (i, row) in model.rows.enumerated() {
            var columns: [ColumnIndex] = []
            var coefficients: [Double] = []
            // The least and greatest activity the included columns' bounds allow.
            var least = 0.0, greatest = 0.0
            for (j, a) in zip(row.columns, row.coefficients) where index[j.rawValue] >= 0 {
                columns.append(ColumnIndex(index[j.rawValue]))
                coefficients.append(a)
                let column = model.columns[j.rawValue]
                let (low, high) = a >= 0 ? (column.lower, column.upper) : (column.upper, column.lower)
                least += a * low
                greatest += a * high
            }
            let cannotBreak =
                greatest <= row.upper + Self.rowTolerance * max(1, abs(row.upper))
                && least >= row.lower - Self.rowTolerance * max(1, abs(row.lower))
            if cannotBreak { continue }
            keptRows.append(i)
            m.addRow(
                Row(name: row.name, lower: row.lower, upper: row.upper, columns: columns, coefficients: coefficients))
        }
        return (m, kept, keptRows)
    }

    /// A row is left out when the included columns cannot take it further
    /// than this (relative to its bound) past its bounds: rounding in the
    /// sums of its greatest and least activity, far inside the solver's own
    /// feasibility tolerance (1e-7).
    static let rowTolerance = 1e-12

    /// `r` of the restricted model as a result of the full one: values and
    /// reduced costs in full column order (0 for columns left out), row
    /// duals in full row order (0 for rows left out), the objective
    /// recomputed.
    static func expanded(_ r: SolveResult, kept: [Int], rows: [Int], into model: LinearModel) -> SolveResult {
        var full = r
        if r.primal != .none && r.values.count == kept.count {
            full.values = [Double](repeating: 0, count: model.columnCount)
            for (k, j) in kept.enumerated() { full.values[j] = r.values[k] }
            full.objective = model.objectiveValue(full.values)
            if r.primal == .optimal { full.bound = full.objective }
        }
        if r.rowDuals.count == rows.count {
            full.rowDuals = [Double](repeating: 0, count: model.rowCount)
            for (k, i) in rows.enumerated() { full.rowDuals[i] = r.rowDuals[k] }
        } else {
            full.rowDuals = []
        }
        full.reducedCosts = []
        // A basis is one of the model it was solved on.
        if kept.count != model.columnCount || rows.count != model.rowCount { full.basis = nil }
        return full
    }

    /// `c_j − Σᵢ aᵢⱼ·yᵢ` for every column of `model`.
    public static func reducedCosts(_ model: LinearModel, duals: [Double]) -> [Double] {
        var reduced = model.columns.map(\.objective)
        for (i, row) in model.rows.enumerated() where duals[i] != 0 {
            let y = duals[i]
            for (j, a) in zip(row.columns, row.coefficients) { reduced[j.rawValue] -= a * y }
        }
        return reduced
    }
}
