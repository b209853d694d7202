/// The weights (`placed` goal) and soft penalties (`soft` of a quota) that
/// allvet solves exactly: the one place that says which are supported.
/// The policy reader refuses anything else as an input error (exit 65),
/// naming the path and this range (docs/model.md, "Supported weights and
/// soft penalties").
///
/// Why a range at all: GLPK decides optimality and feasibility with
/// tolerances of about 1e-7, relative to the size of the objective, and
/// ruling 6 holds a level with non-integer values to `1e-6 · |value|`.
/// A level whose coefficients span too many orders of magnitude loses its
/// smallest unit (one placement of weight 1) inside those tolerances and an
/// "optimal" answer is wrong. Measured on `instances/example.json` under
/// its policy (issue 14):
///
/// | change | direct | decomposed | right |
/// | --- | --- | --- | --- |
/// | `soft` 2, 1e4 … 1e8 | 12.5 | 12.5 | 12.5 |
/// | `soft` 1e10 | 12.5 | 11.5 (9 placed) | 12.5 |
/// | `weight` 1e3 (FO) | 5005 | 5005 | 5005 |
/// | `weight` 1e6 (FO) | 5,000,000 | 5,000,000.4 | 5,000,005 |
/// | `weight` 1e-300 | a hard quota broken (self-check) | | |
///
/// So the spread of the weights (with the 1 of a participant no entry
/// matches) is held to 1,000, where both methods were right, and a soft
/// penalty to 1,000,000 times the smallest weight, two orders of magnitude
/// below the first wrong answer.
public enum PenaltyRange {
    /// Each `weight`.
    public static let weight: ClosedRange<Double> = 0.001...1_000
    /// Each `soft`.
    public static let soft: ClosedRange<Double> = 0.001...1_000_000
    /// The largest weight over the smallest, 1 counted among them.
    public static let maxWeightSpread = 1_000.0
    /// A soft penalty over the smallest weight, 1 counted among them.
    public static let maxSoftOverWeight = 1_000_000.0

    /// The problem with one weight, or nil when it is supported.
    public static func weightProblem(_ w: Double) -> String? {
        guard w > 0 else { return "a weight must be a positive number, found \(NumberText.shortest(w))" }
        guard weight.contains(w) else {
            return "the weight \(NumberText.shortest(w)) is outside the supported range 0.001 to 1000 "
                + "(beyond it the solver's tolerances make an optimum unreliable; docs/model.md)"
        }
        return nil
    }

    /// The problem with one soft penalty, or nil when it is supported.
    public static func softProblem(_ s: Double) -> String? {
        guard s > 0 else {
            return "soft must be a positive number (the penalty per unit of shortfall), found \(NumberText.shortest(s))"
        }
        guard soft.contains(s) else {
            return "soft \(NumberText.shortest(s)) is outside the supported range 0.001 to 1000000 "
                + "(beyond it the solver's tolerances make an optimum unreliable; for a rule that must hold, "
                + "leave soft out; docs/model.md)"
        }
        return nil
    }

    /// The smallest and largest weight of a policy, 1 counted among them.
    public static func weightSpan(_ policy: Policy) -> (smallest: Double, largest: Double) {
        var smallest = 1.0
        var largest = 1.0
        for goal in policy.objective {
            guard case .placed(let weights) = goal else { continue }
            for w in weights {
                smallest = min(smallest, w.weight)
                largest = max(largest, w.weight)
            }
        }
        return (smallest, largest)
    }
}
