import AllVET
import Foundation

/// The large rungs (issue 15, part 4): `allvet generate --participants 5000
/// --hosts 1200 --seed 1`, with `--groups 0` and with the command's own
/// share in travel groups (one in ten), under the benchmark policy's
/// quotas, `placed` alone. Both first levels are proven without a master
/// solve (docs/performance.md, "Large masters" and "Groups a quota keeps
/// out": the greedy with moves reaches the LP bound of column generation);
/// their `rank` levels are not proven in minutes, so a rung of both levels
/// would only gate a timeout. `placed` (4,997 and 4,907) is above the exact
/// range of an objective metric (2,047.999), so it is gated as a count.
public enum LargeRung {
    public static let participants = 5000
    public static let hosts = 1200
    /// The share in travel groups of `allvet generate` without `--groups`.
    public static let commandGroups = 0.1
    /// The rung's name: with or without travel groups.
    public static func name(groups: Bool) -> String {
        "large-\(participants)x\(hosts)\(groups ? "-groups" : "")-placed"
    }
    /// A regression ends here, recorded as not proven, instead of holding CI up.
    public static let timeLimit = 300.0

    /// The round and the benchmark policy's quotas with `placed` as the only goal (not timed).
    public static func load(groups: Bool) throws -> (instance: Instance, policy: Policy) {
        let instance = InstanceFiles.generated(
            participants: participants, hosts: hosts, seed: 1, located: true, groups: groups ? commandGroups : 0)
        var policy = try PolicyJSONReader.read(path: BundledFixtures.path("policy.json"), instance: instance).0
        precondition(policy.objective.first?.name == "placed", "policy.json's first goal changed")
        policy.objective = [policy.objective[0]]
        return (instance, policy)
    }
}
