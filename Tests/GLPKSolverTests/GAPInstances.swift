import Foundation
import LinearModel

/// OR-Library GAP instances (gap1–gap12) read from `Fixtures/gap`, located
/// relative to this source file.
enum GAPInstances {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/gap")

    /// Known optima of gap1…gap12, problems 1…5 (maximisation; Fixtures/gap/README.md).
    static let optima: [[Double]] = [
        [336, 327, 339, 341, 326], [434, 436, 420, 419, 428], [580, 564, 573, 570, 564],
        [656, 644, 673, 647, 664], [563, 558, 564, 568, 559], [761, 759, 758, 752, 747],
        [942, 949, 968, 945, 951], [1133, 1134, 1141, 1117, 1127], [709, 717, 712, 723, 706],
        [958, 963, 960, 947, 947], [1139, 1178, 1195, 1171, 1171], [1451, 1449, 1433, 1447, 1446],
    ]

    struct Problem {
        var agents: Int, jobs: Int
        var profit: [[Double]], weight: [[Double]], capacity: [Double]
    }

    /// The problems of file `gap<number>.txt`.
    static func load(_ number: Int) throws -> [Problem] {
        let text = try String(contentsOf: directory.appendingPathComponent("gap\(number).txt"), encoding: .utf8)
        var numbers = text.split(whereSeparator: \.isWhitespace).map { Double($0)! }.makeIterator()
        func next() -> Double { numbers.next()! }
        return (0..<Int(next())).map { _ in
            let m = Int(next()), n = Int(next())
            let c = (0..<m).map { _ in (0..<n).map { _ in next() } }
            let a = (0..<m).map { _ in (0..<n).map { _ in next() } }
            let b = (0..<m).map { _ in next() }
            return Problem(agents: m, jobs: n, profit: c, weight: a, capacity: b)
        }
    }

    /// x_ij binary, one assignment row per job (= 1), one knapsack row per agent; maximise profit.
    static func model(_ p: Problem, name: String) -> LinearModel {
        var model = LinearModel(name: name, sense: .maximize)
        var x = [[ColumnIndex]]()
        for i in 0..<p.agents {
            x.append((0..<p.jobs).map { j in model.addBinary(name: "x_\(i)_\(j)", objective: p.profit[i][j]) })
        }
        for j in 0..<p.jobs {
            model.addRow(name: "assign_\(j)", lower: 1, upper: 1, terms: (0..<p.agents).map { (x[$0][j], 1) })
        }
        for i in 0..<p.agents {
            model.addRow(
                name: "capacity_\(i)", upper: p.capacity[i], terms: (0..<p.jobs).map { (x[i][$0], p.weight[i][$0]) })
        }
        return model
    }
}
