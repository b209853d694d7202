import AllVET
import Benchmark

/// Deterministic figures go through ordo-one/benchmark's histograms, which
/// keep three significant digits: 38,171 would come back as 38,175. Values
/// below 2,048 are kept exactly, so a gated figure is recorded as two
/// metrics, `name /1000` and `name %1000` (exact below 2,048,000), and an
/// objective value in thousandths as `name` (integer part) and `name .001`.
/// bench.sh keeps only these metrics in Thresholds/ (the names are the rule:
/// `/1000`, `%1000`, `L<level> `); everything else is reported, not gated.
public enum Gated {
    /// The two metrics of a gated count.
    public static func count(_ name: String) -> [BenchmarkMetric] {
        [metric("\(name) /1000"), metric("\(name) %1000")]
    }

    /// The two metrics of level `level`'s (1-based) optimal value.
    public static func objective(level: Int, goal: String) -> [BenchmarkMetric] {
        [metric("L\(level) \(goal)"), metric("L\(level) \(goal) .001")]
    }

    /// The three metrics of a level whose values reach 2,048 and more (the
    /// `early` goal's sums of start weeks: 3,299 at 200 × 50): the integer
    /// part as a gated count, then the thousandths.
    public static func wideObjective(level: Int, goal: String) -> [BenchmarkMetric] {
        count("L\(level) \(goal)") + [metric("L\(level) \(goal) .001")]
    }

    static func metric(_ name: String) -> BenchmarkMetric {
        .custom(name, polarity: .prefersSmaller, useScalingFactor: false)
    }
}

/// A reported (not gated) figure.
public func reported(_ name: String) -> BenchmarkMetric {
    .custom(name, polarity: .prefersSmaller, useScalingFactor: false)
}

public extension Benchmark {
    /// Records a gated count exactly (see ``Gated``).
    func gated(_ name: String, _ value: Int) {
        precondition(value >= 0 && value < 2_048_000, "\(name) = \(value): split it further to keep it exact")
        measurement(.custom("\(name) /1000"), value / 1000)
        measurement(.custom("\(name) %1000"), value % 1000)
    }

    /// Records level `level`'s value in thousandths, exactly (see ``Gated``).
    func gatedObjective(level: Int, goal: String, _ value: Double) {
        let thousandths = Int((value * 1000).rounded())
        precondition(
            thousandths >= 0 && thousandths < 2_048_000, "L\(level) \(goal) = \(value): out of the exact range")
        measurement(.custom("L\(level) \(goal)"), thousandths / 1000)
        measurement(.custom("L\(level) \(goal) .001"), thousandths % 1000)
    }

    /// Records level `level`'s value exactly as ``Gated/wideObjective(level:goal:)``.
    func gatedWideObjective(level: Int, goal: String, _ value: Double) {
        let thousandths = Int((value * 1000).rounded())
        precondition(thousandths >= 0, "L\(level) \(goal) = \(value): negative")
        gated("L\(level) \(goal)", thousandths / 1000)
        measurement(.custom("L\(level) \(goal) .001"), thousandths % 1000)
    }

    /// Records each level's optimal value of `result` as gated (`L<level>
    /// <goal><suffix>`; the goals in `wide` as ``Gated/wideObjective(level:goal:)``);
    /// a level not proven optimal records 2047.999, which no threshold
    /// holds, so the check fails. Returns the optimal levels.
    @discardableResult
    func gatedLevels(_ result: RoundResult, goals: [String], suffix: String = "", wide: Set<String> = []) -> Int {
        for (i, level) in result.levels.enumerated() {
            let value = level.status == .optimal ? (level.value ?? 2047.999) : 2047.999
            if wide.contains(goals[i]) {
                gatedWideObjective(level: i + 1, goal: goals[i] + suffix, value)
            } else {
                gatedObjective(level: i + 1, goal: goals[i] + suffix, value)
            }
        }
        return result.levels.filter { $0.status == .optimal }.count
    }

    func report(_ name: String, _ value: Int) {
        measurement(.custom(name), max(0, value))
    }
}
