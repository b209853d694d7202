import AllVET
import RoundGenerator

/// The rich-policy rung (issue 15, part 2): a generated round under the
/// alliance's `policy-rich.json` (all four goals, `placed` with a weight,
/// `rank` squared, `worst_rank`, `early`; six quotas, hard and soft). The
/// policy is read from the copy bundled with the tests, so the rung runs
/// in a clone on its own.
public enum RichRung {
    public static let participants = 60
    public static let hosts = 20
    public static let name = "rich-\(participants)x\(hosts)"
    /// The policy's goals, in order.
    public static let goals = ["placed", "rank", "worst_rank", "early"]

    /// `Tests/AllVETTests/Fixtures/benchmarks/policy-rich.json` of this repository.
    static let policyPath = BundledFixtures.path("policy-rich.json")

    /// The round (seed 1) and the rich policy (not timed).
    public static func load() throws -> (instance: Instance, policy: Policy) {
        let instance = RoundGenerator(participants: participants, hosts: hosts, seed: 1).generate()
        let policy = try PolicyJSONReader.read(path: policyPath, instance: instance).0
        precondition(policy.objective.map(\.name) == goals, "policy-rich.json's goals changed")
        return (instance, policy)
    }
}
