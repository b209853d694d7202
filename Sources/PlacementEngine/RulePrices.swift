import Foundation
import PlacementFormulation
import PlacementModel

/// What one hard rule costs at the optimum (issue 16): the first goal's
/// optimum with the rule dropped, against its optimum with it.
public struct RulePrice: Sendable, Equatable {
    /// The rule's index in the policy's `quotas`.
    public var quota: Int
    public var name: String
    /// How much better the first goal is without the rule, in its own
    /// units (placements for `placed` without weights or soft rules): the
    /// optimum without it minus the optimum with it for a maximised goal,
    /// the other way round for a minimised one. nil when the re-solve found
    /// no solution in the time left.
    public var price: Double?
    public var certainty: Certainty
    /// How far `price` can be trusted.
    public enum Certainty: String, Sendable {
        /// Both optima proven: the price is exact.
        case exact
        /// The optimum with the rule proven, the re-solve without it stopped
        /// at the time limit with a solution: the price is at least this.
        case atLeast = "at_least"
        /// The optimum with the rule itself not proven: an estimate.
        case estimate
    }
    /// The first goal's value without the rule (nil: no solution found).
    public var without: Double?

    public init(quota: Int, name: String, price: Double?, certainty: Certainty, without: Double?) {
        self.quota = quota
        self.name = name
        self.price = price
        self.certainty = certainty
        self.without = without
    }
}

extension Engine {
    /// The price of every hard quota of `result`'s policy, each from an exact
    /// re-solve of the first level with that rule dropped (soft rules have
    /// a price in their penalty already; they are not dropped). Empty when
    /// the round has no first level with a value, or `options.timeLimit`
    /// is used up; the re-solves share what the main solve left of it
    /// (`elapsed` seconds are gone).
    public func rulePrices(_ result: RoundResult, options: EngineOptions, elapsed: Double) -> [RulePrice] {
        let policy = result.policy
        guard let first = result.levels.first, let goal = policy.objective.first, let withValue = first.value,
            result.status == .optimal || result.status == .feasible
        else { return [] }
        var prices: [RulePrice] = []
        let start = Date()
        for (qi, q) in policy.quotas.enumerated() where q.soft == nil {
            var reduced = policy
            reduced.quotas.remove(at: qi)
            reduced.objective = [goal]
            var o = options
            o.explainInfeasible = false
            o.levelProgress = nil
            o.progress = nil
            if let limit = options.timeLimit {
                let left = limit - elapsed - Date().timeIntervalSince(start)
                guard left > 0.05 else { break }
                o.timeLimit = left
            }
            if options.shouldStop?() == true { break }
            guard let again = try? solve(result.instance, policy: reduced, options: o),
                let level = again.levels.first, let without = level.value
            else {
                prices.append(RulePrice(quota: qi, name: q.name, price: nil, certainty: .estimate, without: nil))
                continue
            }
            let gain = goal.isMaximised ? without - withValue : withValue - without
            let certainty: RulePrice.Certainty =
                first.status != .optimal ? .estimate : level.status == .optimal ? .exact : .atLeast
            prices.append(
                RulePrice(
                    quota: qi, name: q.name, price: max(0, Self.rounded(gain)), certainty: certainty, without: without))
        }
        return prices
    }

    /// Differences of two optima are whole numbers or short decimals;
    /// floating-point noise (1e-12) is not a price.
    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
