import AllVET
import Foundation

/// The seeds rung (issue 15, part 3): one benchmark round is a sample of
/// one, so the ladder also solves five generated rounds of the 500 × 120
/// size (seeds 1–5, no travel groups, like the shared rounds) under the
/// benchmark policy, gates each seed's optima and reports each seed's time,
/// the median and the worst. `scripts/seeds.sh` does the same for any size
/// from the command line.
public enum SeedsRung {
    public static let participants = 500
    public static let hosts = 120
    public static let seeds: [UInt64] = [1, 2, 3, 4, 5]
    public static let name = "seeds-\(participants)x\(hosts)"
    /// The benchmark policy's goals, in order.
    public static let goals = ["placed", "rank"]

    /// Seed `seed`'s round (`allvet generate --participants 500 --hosts 120
    /// --seed S --groups 0`) and the benchmark policy (not timed).
    public static func load(seed: UInt64) throws -> (instance: Instance, policy: Policy) {
        let instance = InstanceFiles.generated(
            participants: participants, hosts: hosts, seed: seed, located: true, groups: 0)
        let policy = try PolicyJSONReader.read(path: BundledFixtures.path("policy.json"), instance: instance).0
        precondition(policy.objective.map(\.name) == goals, "policy.json's goals changed")
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
