import GLPKSolver
import LinearModel
import Testing

/// A model that GLPK's MIP presolver decides completely, leaving a problem
/// with a row and no columns: GLPK 5.0's cover-cut generator aborts the
/// process on it (`glp_add_cols: ncs = 0`), so ``GLPKSolver`` turns cover
/// cuts off for it (`GLPKSearch.parameters`).
@Suite struct PresolvedAwayTests {
    /// The first `worst_rank` master of three people and two offers (the
    /// pair master, as allvet wrote it): each person has two pairs, ranks 2
    /// and 1 (`worst ≥ rank · x`), takes at most one, the held `placed`
    /// level needs all three (person 0 weighs 1.5), and the cutoff asks for
    /// a worst rank of at most 1. Everyone at rank 1 is the optimum: 1.
    static func model() -> LinearModel {
        var m = LinearModel(name: "presolved-away", sense: .minimize)
        let x = (0..<6).map { m.addBinary(name: "x\($0)") }
        let worst = m.addColumn(name: "worst_rank", objective: 1)
        for p in 0..<3 {
            m.addRow(name: "one_\(p)", upper: 1, terms: [(x[2 * p], 1), (x[2 * p + 1], 1)])
        }
        for p in 0..<3 {
            m.addRow(name: "worst_\(p)", lower: 0, terms: [(worst, 1), (x[2 * p], -2), (x[2 * p + 1], -1)])
        }
        let weights = [1.5, 1.5, 1, 1, 1, 1]
        m.addRow(name: "hold_0", lower: 3.4999965, terms: x.indices.map { (x[$0], weights[$0]) })
        m.addRow(name: "cutoff", upper: 1, terms: [(worst, 1)])
        return m
    }

    @Test func aModelThePresolverDecidesIsSolvedWithCutsOn() throws {
        // Without the guard this call aborts the test process.
        let r = try GLPKSolver().solve(Self.model(), options: SolverOptions(presolve: true, cuts: true))
        #expect(r.termination == .optimal, "\(r.termination): \(r.message)")
        #expect(r.objective == 1)
        #expect(Self.model().maxViolation(r.values) <= 1e-6)
    }
}
