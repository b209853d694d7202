internal import CGLPK
import LinearModel
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts a count or index to GLPK's `int`, stopping with a message if it
/// does not fit.
func int32(_ n: Int, _ what: @autoclosure () -> String) -> Int32 {
    guard let v = Int32(exactly: n) else { preconditionFailure("\(what()) = \(n) does not fit in GLPK's int") }
    return v
}

/// A GLPK problem object, owned: deleted when the value ends. It is neither
/// copyable nor Sendable, and lives inside one synchronous solve; debug
/// builds check that every call comes from the thread that created it.
struct GLPKProblem: ~Copyable {
    private let raw: OpaquePointer
    #if DEBUG
        private let owner = pthread_self()
    #endif

    init() { raw = glp_create_prob() }

    deinit {
        checkThread()
        glp_delete_prob(raw)
    }

    private func checkThread() {
        #if DEBUG
            assert(
                pthread_equal(owner, pthread_self()) != 0,
                "a GLPK problem was used on a thread other than the one that created it")
        #endif
    }

    /// Loads a validated model with at least one column and no integer column
    /// whose rounded bounds cross. Names are not passed to GLPK (it aborts on
    /// control characters in names, and needs none to solve).
    func load(_ model: LinearModel) {
        checkThread()
        precondition(model.columnCount > 0, "GLPKProblem.load needs at least one column")
        glp_set_obj_dir(raw, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(raw, 0, model.objectiveConstant)
        if model.rowCount > 0 {
            glp_add_rows(raw, int32(model.rowCount, "row count"))
            for (i, row) in model.rows.enumerated() {
                let b = glpkBounds(row.lower, row.upper)
                glp_set_row_bnds(raw, int32(i + 1, "row"), b.type, b.lower, b.upper)
            }
        }
        glp_add_cols(raw, int32(model.columnCount, "column count"))
        for (j, column) in model.columns.enumerated() {
            let index = int32(j + 1, "column")
            guard let bounds = column.effectiveBounds else {
                preconditionFailure("integer column \(j) has no integer value in its bounds")
            }
            let b = glpkBounds(bounds.lower, bounds.upper)
            glp_set_col_bnds(raw, index, b.type, b.lower, b.upper)
            if column.isInteger { glp_set_col_kind(raw, index, GLP_IV) }
            if column.objective != 0 { glp_set_obj_coef(raw, index, column.objective) }
        }
        let matrix = GLPKSparseColumns(model)
        for j in 0..<model.columnCount {
            matrix.withColumn(j) { length, indices, values in
                if length > 0 { glp_set_mat_col(raw, int32(j + 1, "column"), length, indices, values) }
            }
        }
    }

    /// Sets every objective coefficient (and the constant) to 0, for a
    /// feasibility solve.
    func clearObjective(columnCount: Int) {
        checkThread()
        for j in 0...columnCount { glp_set_obj_coef(raw, int32(j, "column"), 0) }
    }

    func simplex(_ parameters: inout glp_smcp) -> Int32 {
        checkThread()
        return glp_simplex(raw, &parameters)
    }

    /// `glp_intopt` with `parameters`, which GLPK keeps pointing to for the
    /// whole search (its tree reads them after each callback): see
    /// ``GLPKSearch`` for the one setting the callback changes.
    func intopt(_ parameters: UnsafeMutablePointer<glp_iocp>) -> Int32 {
        checkThread()
        return glp_intopt(raw, parameters)
    }

    var lpStatus: Int32 { checkThread(); return glp_get_status(raw) }
    var lpPrimalFeasible: Bool { checkThread(); return glp_get_prim_stat(raw) == GLP_FEAS }
    var mipStatus: Int32 { checkThread(); return glp_mip_status(raw) }

    /// Column values of the basic (LP) solution, in model order.
    func lpValues(_ model: LinearModel) -> [Double] {
        checkThread()
        return model.columns.indices.map { glp_get_col_prim(raw, int32($0 + 1, "column")) }
    }

    /// Row duals and reduced costs of the basic (LP) solution, in model order.
    func lpDuals(_ model: LinearModel) -> (rows: [Double], columns: [Double]) {
        checkThread()
        return (
            model.rows.indices.map { glp_get_row_dual(raw, int32($0 + 1, "row")) },
            model.columns.indices.map { glp_get_col_dual(raw, int32($0 + 1, "column")) }
        )
    }

    /// The basis statuses of the basic solution, in model order. A nonbasic
    /// free or fixed entry (GLP_NF, GLP_NS) reads as at its lower bound,
    /// which ``setBasis(_:)`` turns back into the status its bounds allow.
    func basis(_ model: LinearModel) -> Basis {
        checkThread()
        func status(_ s: Int32) -> Basis.Status { s == GLP_BS ? .basic : (s == GLP_NU ? .atUpper : .atLower) }
        return Basis(
            rows: model.rows.indices.map { status(glp_get_row_stat(raw, int32($0 + 1, "row"))) },
            columns: model.columns.indices.map { status(glp_get_col_stat(raw, int32($0 + 1, "column"))) })
    }

    /// Sets a start basis whose counts fit the loaded model
    /// (``Basis/mismatch(with:)`` is nil). GLPK replaces a nonbasic status
    /// the bounds do not allow by the one they do (GLP_NF for a free entry,
    /// GLP_NS for a fixed one, GLP_NL for an upper status without an upper
    /// bound), so any nonbasic status is safe to pass.
    func setBasis(_ basis: Basis) {
        checkThread()
        func stat(_ s: Basis.Status) -> Int32 { s == .basic ? GLP_BS : (s == .atUpper ? GLP_NU : GLP_NL) }
        for (i, s) in basis.rows.enumerated() { glp_set_row_stat(raw, int32(i + 1, "row"), stat(s)) }
        for (j, s) in basis.columns.enumerated() { glp_set_col_stat(raw, int32(j + 1, "column"), stat(s)) }
    }

    /// Computes the basic solution of the current basis: 0 when it can be
    /// factorised (then ``lpPrimalFeasible`` and ``lpDualFeasible`` are
    /// those of the start), GLPK's error code otherwise.
    func warmUp() -> Int32 {
        checkThread()
        return glp_warm_up(raw)
    }

    var lpDualFeasible: Bool { checkThread(); return glp_get_dual_stat(raw) == GLP_FEAS }

    /// Replaces the basis by GLPK's standard one (every row basic).
    func standardBasis() {
        checkThread()
        glp_std_basis(raw)
    }

    /// Column values of the integer solution, in model order; integer
    /// columns within 1e-6 of an integer are rounded to it.
    func mipValues(_ model: LinearModel) -> [Double] {
        checkThread()
        return model.columns.indices.map { j in
            let v = glp_mip_col_val(raw, int32(j + 1, "column"))
            return model.columns[j].isInteger && abs(v - v.rounded()) <= 1e-6 ? v.rounded() : v
        }
    }
}

/// GLPK's bound type for a pair of bounds: free, lower, upper, double or fixed.
func glpkBounds(_ lower: Double, _ upper: Double) -> (type: Int32, lower: Double, upper: Double) {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): return (GLP_FR, 0, 0)
    case (true, false): return (GLP_LO, lower, 0)
    case (false, true): return (GLP_UP, 0, upper)
    case (true, true): return lower == upper ? (GLP_FX, lower, lower) : (GLP_DB, lower, upper)
    }
}
