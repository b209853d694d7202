import LinearModel

/// The model's row-wise matrix transposed into columns, in GLPK's 1-based
/// layout. This is the one place that knows about GLPK's unused element 0.
///
/// All columns share two flat arrays with one leading pad element; column
/// `j`'s entries sit at `start[j] + 1 … start[j + 1]`, so the pointer handed
/// to `glp_set_mat_col` is the base plus `start[j]`, and its element 0
/// (GLPK ignores it) is the previous column's last entry or the pad.
/// Row indices are 1-based. Zero coefficients are dropped.
struct GLPKSparseColumns {
    private var start: [Int]
    private var rowIndex: [Int32]
    private var value: [Double]

    init(_ model: LinearModel) {
        var count = [Int](repeating: 0, count: model.columnCount + 1)
        for row in model.rows {
            for (c, v) in zip(row.columns, row.coefficients) where v != 0 { count[c.rawValue + 1] += 1 }
        }
        for j in 0..<model.columnCount { count[j + 1] += count[j] }
        start = count
        let total = count[model.columnCount]
        rowIndex = [Int32](repeating: 0, count: total + 1)
        value = [Double](repeating: 0, count: total + 1)
        var next = count
        for (i, row) in model.rows.enumerated() {
            let r = int32(i + 1, "row")
            for (c, v) in zip(row.columns, row.coefficients) where v != 0 {
                next[c.rawValue] += 1
                rowIndex[next[c.rawValue]] = r
                value[next[c.rawValue]] = v
            }
        }
    }

    /// Calls `body` with column `j`'s length and 1-based index and value arrays.
    func withColumn<R>(_ j: Int, _ body: (Int32, UnsafePointer<Int32>, UnsafePointer<Double>) -> R) -> R {
        let length = int32(start[j + 1] - start[j], "column length")
        return rowIndex.withUnsafeBufferPointer { ind in
            value.withUnsafeBufferPointer { val in
                body(length, ind.baseAddress! + start[j], val.baseAddress! + start[j])
            }
        }
    }
}
