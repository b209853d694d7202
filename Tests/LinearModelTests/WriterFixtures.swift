import LinearModel

/// Models shared by the writer tests.
enum WriterFixtures {
    /// Every feature the writers must carry: maximise, objective constant,
    /// general and binary integers, a free column, an upper-only column, a
    /// fixed column, upper / ranged / lower / equality / free rows, and a name
    /// with characters outside the LP set.
    ///
    /// max 2a + 3b − c + d + e + 10
    ///   r1: a + b ≤ 4.5;  r2: −2 ≤ c − a ≤ 1;  r3: d + e ≥ −10;  r4: a − 2b = 1;  r5: a + c free
    ///   a ∈ {0…5}, b ∈ {0, 1}, c free, d ≤ 2, e = 1.5
    /// r4 gives a = 1 + 2b. c is minimised: c = a − 2. d = 2, e = 1.5.
    ///   b = 1, a = 3 (r1: 4 ≤ 4.5): 6 + 3 − 1 + 2 + 1.5 + 10 = 21.5
    ///   b = 0, a = 1:               2 + 0 + 1 + 2 + 1.5 + 10 = 16.5
    /// Optimum 21.5.
    static func features() -> LinearModel {
        var m = LinearModel(name: "features", sense: .maximize)
        let a = m.addColumn(name: "a", upper: 5, isInteger: true, objective: 2)
        let b = m.addBinary(name: "b (binary)", objective: 3)
        let c = m.addColumn(name: "c", lower: -.infinity, objective: -1)
        let d = m.addColumn(name: "d", lower: -.infinity, upper: 2, objective: 1)
        let e = m.addColumn(name: "e\nfixed", lower: 1.5, upper: 1.5, objective: 1)
        m.objectiveConstant = 10
        m.addRow(name: "r1", upper: 4.5, terms: [(a, 1), (b, 1)])
        m.addRow(name: "r2", lower: -2, upper: 1, terms: [(c, 1), (a, -1)])
        m.addRow(name: "r3", lower: -10, terms: [(d, 1), (e, 1)])
        m.addRow(name: "r4", lower: 1, upper: 1, terms: [(a, 1), (b, -2)])
        m.addRow(name: "r5", terms: [(a, 1), (c, 1)])
        return m
    }
    static let featuresOptimum = 21.5

    /// min x + 2y, x + y ≥ 1, x ≥ 0, y ∈ {0…3}: optimum 1 at x = 1, y = 0.
    static func tiny() -> LinearModel {
        var m = LinearModel(name: "tiny")
        let x = m.addColumn(name: "x", objective: 1)
        let y = m.addColumn(name: "y", upper: 3, isInteger: true, objective: 2)
        m.addRow(name: "cover", lower: 1, terms: [(x, 1), (y, 1)])
        return m
    }
}
