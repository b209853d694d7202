import AllVET
import Foundation

/// A seeds rung (issue 15, parts 2 and 3): one benchmark round is a sample
/// of one, so the ladder also solves five generated rounds of one size,
/// gates each seed's optima and reports each seed's time, the median and
/// the worst. `scripts/seeds.sh` does the same for any size from the
/// command line.
public struct SeedsRung: Sendable {
    public var participants: Int
    public var hosts: Int
    public var seeds: [UInt64] = [1, 2, 3, 4, 5]
    /// The generator's share of participants in travel groups.
    public var groups: Double
    /// The policy file bundled with the tests (`policy.json`, `policy-rich.json`).
    public var policyFile: String
    /// The policy's goals, in order.
    public var goals: [String]
    /// Goals whose values reach 2,048 (``Gated/wideObjective(level:goal:)``).
    public var wideGoals: Set<String> = []
    public var name: String { "seeds-\(participants)x\(hosts)\(policyFile == "policy.json" ? "" : "-rich")" }

    /// Five 500 × 120 rounds without travel groups (like the shared
    /// rounds) under the benchmark policy (part 3).
    public static let benchmark = SeedsRung(
        participants: 500, hosts: 120, groups: 0, policyFile: "policy.json", goals: ["placed", "rank"])
    /// Five 200 × 50 rounds as `allvet generate` makes them (one in ten in
    /// a travel group) under the rich policy (part 2: at most 10 s each).
    public static let rich = SeedsRung(
        participants: 200, hosts: 50, groups: 0.1, policyFile: "policy-rich.json",
        goals: ["placed", "rank", "worst_rank", "early"], wideGoals: ["early"])

    /// Seed `seed`'s round (`allvet generate --participants N --hosts M
    /// --seed S --groups G`) and the policy (not timed).
    public func load(seed: UInt64) throws -> (instance: Instance, policy: Policy) {
        let instance = InstanceFiles.generated(
            participants: participants, hosts: hosts, seed: seed, located: true, groups: groups)
        let policy = try PolicyJSONReader.read(path: BundledFixtures.path(policyFile), instance: instance).0
        precondition(policy.objective.map(\.name) == goals, "\(policyFile)'s goals changed")
        return (instance, policy)
    }

    /// The median and the worst of `times` (seconds or any unit).
    public static func medianAndWorst(_ times: [Double]) -> (median: Double, worst: Double) {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        return (median, sorted[sorted.count - 1])
    }
}
