import AllVET
import Foundation

/// The large rung (issue 15, part 4): `allvet generate --participants 5000
/// --hosts 1200 --seed 1 --groups 0` under the benchmark policy's quotas,
/// `placed` alone. Its first level is proven without a master solve
/// (docs/performance.md, "Large masters": the greedy with moves reaches the
/// LP bound of column generation); its `rank` level is not proven in
/// minutes, so a rung of both levels would only gate a timeout. `placed`
/// (4,997) is above the exact range of an objective metric (2,047.999), so
/// it is gated as a count.
public enum LargeRung {
    public static let participants = 5000
    public static let hosts = 1200
    public static let name = "large-\(participants)x\(hosts)-placed"
    /// A regression ends here, recorded as not proven, instead of holding CI up.
    public static let timeLimit = 300.0

    /// The round and the benchmark policy's quotas with `placed` as the only goal (not timed).
    public static func load() throws -> (instance: Instance, policy: Policy) {
        let instance = InstanceFiles.generated(
            participants: participants, hosts: hosts, seed: 1, located: true, groups: 0)
        var policy = try PolicyJSONReader.read(path: BundledFixtures.path("policy.json"), instance: instance).0
        precondition(policy.objective.first?.name == "placed", "policy.json's first goal changed")
        policy.objective = [policy.objective[0]]
        return (instance, policy)
    }
}
