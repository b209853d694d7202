import LinearModel

/// Small models with known answers, worked out in the comments.
enum ConformanceModels {
    /// max 3x + 2y; x + y ≤ 4, x + 3y ≤ 6, x ≤ 3, x, y ≥ 0.
    /// Vertices: (0,0)=0, (3,0)=9, (3,1)=11, (0,2)=4, (3,1) is x+y=4 ∩ x=3 (x+3y=6 ✓).
    /// Optimum 11 at (3, 1).
    static func lp() -> LinearModel {
        var m = LinearModel(name: "lp", sense: .maximize)
        let x = m.addColumn(name: "x", upper: 3, objective: 3)
        let y = m.addColumn(name: "y", objective: 2)
        m.addRow(name: "sum", upper: 4, terms: [(x, 1), (y, 1)])
        m.addRow(name: "mix", upper: 6, terms: [(x, 1), (y, 3)])
        return m
    }

    /// max 5x + 4y; 6x + 4y ≤ 24, x + 2y ≤ 6, x, y ∈ ℤ≥0.
    /// LP relaxation (3, 1.5) = 21; integer points: (4,0)=20, (3,1)=19, (2,2)=18.
    /// Optimum 20 at (4, 0).
    static func mip() -> LinearModel {
        var m = LinearModel(name: "mip", sense: .maximize)
        let x = m.addColumn(name: "x", isInteger: true, objective: 5)
        let y = m.addColumn(name: "y", isInteger: true, objective: 4)
        m.addRow(name: "a", upper: 24, terms: [(x, 6), (y, 4)])
        m.addRow(name: "b", upper: 6, terms: [(x, 1), (y, 2)])
        return m
    }

    /// x + y ≥ 5 and x + y ≤ 3: infeasible.
    static func rowConflict(integer: Bool) -> LinearModel {
        var m = LinearModel(name: "conflict")
        let x = m.addColumn(name: "x", isInteger: integer, objective: 1)
        let y = m.addColumn(name: "y", objective: 1)
        m.addRow(name: "ge", lower: 5, terms: [(x, 1), (y, 1)])
        m.addRow(name: "le", upper: 3, terms: [(x, 1), (y, 1)])
        return m
    }

    /// Integer x ∈ [0.2, 0.8]: no integer value, infeasible without a solver.
    static func emptyIntegerRange() -> LinearModel {
        var m = LinearModel(name: "rounding")
        m.addColumn(name: "x", lower: 0.2, upper: 0.8, isInteger: true, objective: 1)
        m.addColumn(name: "y", objective: 1)
        return m
    }

    /// min −x − y; x − y ≤ 1, x, y ≥ 0: the ray (1, 1) is unbounded.
    static func unbounded(integer: Bool) -> LinearModel {
        var m = LinearModel(name: "unbounded")
        let x = m.addColumn(name: "x", isInteger: integer, objective: -1)
        let y = m.addColumn(name: "y", isInteger: integer, objective: -1)
        m.addRow(name: "r", upper: 1, terms: [(x, 1), (y, -1)])
        return m
    }

    /// min −z with z ≥ 0 unbounded, but x + y ≥ 5 and x + y ≤ 3 conflict:
    /// unbounded direction and infeasible; the answer must be infeasible.
    static func unboundedDirectionButInfeasible(integer: Bool) -> LinearModel {
        var m = rowConflict(integer: integer)
        m.addColumn(name: "z", isInteger: integer, objective: -1)
        return m
    }

    /// min x + y with x ∈ [1, 5], y integer ∈ [2.5, 10] and no rows:
    /// x = 1, y = 3 (2.5 rounded up); optimum 4.
    static func noRows() -> LinearModel {
        var m = LinearModel(name: "no rows")
        m.addColumn(name: "x", lower: 1, upper: 5, objective: 1)
        m.addColumn(name: "y", lower: 2.5, upper: 10, isInteger: true, objective: 1)
        return m
    }

    /// min x + 2y + 3z; x + y + z = 6, x − y = 0, z ≥ 1.
    /// x = y, so 2x + z = 6 and cost 3x + 3z = 18 − 3x; largest x with z ≥ 1 is 2.5.
    /// Optimum 10.5 at (2.5, 2.5, 1).
    static func equalities() -> LinearModel {
        var m = LinearModel(name: "equalities")
        let x = m.addColumn(name: "x", objective: 1)
        let y = m.addColumn(name: "y", objective: 2)
        let z = m.addColumn(name: "z", lower: 1, objective: 3)
        m.addRow(name: "total", lower: 6, upper: 6, terms: [(x, 1), (y, 1), (z, 1)])
        m.addRow(name: "same", lower: 0, upper: 0, terms: [(x, 1), (y, -1)])
        return m
    }

    /// min x + 7 with x and y free; x ≥ −3 by a row, y − x = 2.
    /// Optimum 4 at x = −3, y = −1 (negative values only free columns reach).
    static func freeColumns(integer: Bool) -> LinearModel {
        var m = LinearModel(name: "free")
        let x = m.addColumn(name: "x", lower: -.infinity, isInteger: integer, objective: 1)
        let y = m.addColumn(name: "y", lower: -.infinity, upper: .infinity)
        m.objectiveConstant = 7
        m.addRow(name: "floor", lower: -3, terms: [(x, 1)])
        m.addRow(name: "link", lower: 2, upper: 2, terms: [(y, 1), (x, -1)])
        return m
    }

    /// ``lp()`` with mix ≤ 9: max 3x + 2y; x + y ≤ 4 (sum), x + 3y ≤ 9 (mix), x ≤ 3, x, y ≥ 0.
    /// Optimum 11 at (3, 1), not degenerate: mix has slack (6 < 9), y is
    /// basic. Duals: y's reduced cost 2 − λ_sum = 0 gives λ_sum = 2; λ_mix = 0;
    /// x's reduced cost 3 − 2 = 1 (at its upper bound). As shadow prices:
    /// sum ≤ 5 gives (3, 2) = 13 (+2), x ≤ 4 gives (4, 0) = 12 (+1).
    static func lpWithSlack() -> LinearModel {
        var m = lp()
        m.name = "lp-slack"
        m[RowIndex(1)].upper = 9
        return m
    }

    /// min 2x + 3y + 4z; x + y ≥ 2 (need), y − z = 0.5 (tie), x ≤ 1, x, y, z ≥ 0.
    /// With z = y − 0.5 the cost is 2x + 7y − 2 and y ≥ 2 − x, so 12 − 5x:
    /// x = 1, y = 1, z = 0.5, optimum 7; y and z are basic. Duals: z's
    /// reduced cost 4 + λ_tie = 0 gives λ_tie = −4; y's 3 − λ_need − λ_tie = 0
    /// gives λ_need = 7; x's 2 − 7 = −5 (at its upper bound). As shadow
    /// prices: need ≥ 3 gives (1, 2, 1.5) = 14 (+7), tie = 0.5 + ε gives
    /// z = 0.5 − ε (−4ε).
    static func lpWithEquality() -> LinearModel {
        var m = LinearModel(name: "lp-equality", sense: .minimize)
        let x = m.addColumn(name: "x", upper: 1, objective: 2)
        let y = m.addColumn(name: "y", objective: 3)
        let z = m.addColumn(name: "z", objective: 4)
        m.addRow(name: "need", lower: 2, terms: [(x, 1), (y, 1)])
        m.addRow(name: "tie", lower: 0.5, upper: 0.5, terms: [(y, 1), (z, -1)])
        return m
    }
}
