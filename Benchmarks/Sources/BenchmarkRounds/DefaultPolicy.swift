import AllVET
import Foundation

/// The default-policy rung (issue 15, part 1): the shared 500 × 120 round
/// without `--policy` (`placed`, then `rank`, no quotas), what a coordinator
/// runs first, and harder for the decomposition than the benchmark policy
/// (the quota `max_count 2` per host and country spreads the stays). The
/// round is read from the copy bundled with the tests, so the rung runs in a
/// clone on its own. The 1,000 × 250 round under this policy is not proven
/// in 120 s (docs/performance.md), so it has no rung: a rung that is not
/// proven fails.
public enum DefaultPolicyRung {
    public static let name = "default-shared-500x120"
    /// The default policy's goals, in order.
    public static let goals = ["placed", "rank"]

    /// The round (the bundled `round-500x120.json`) and the default policy (not timed).
    public static func load() throws -> (instance: Instance, policy: Policy) {
        let instance = try InstanceJSONReader.read(path: BundledFixtures.path("round-500x120.json")).0
        return (instance, .default)
    }
}

/// `Tests/AllVETTests/Fixtures/benchmarks/` of this repository: the shared
/// benchmark files, bundled byte for byte.
enum BundledFixtures {
    static func path(_ file: String) -> String {
        // This file is Benchmarks/Sources/BenchmarkRounds/DefaultPolicy.swift.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.appendingPathComponent("Tests/AllVETTests/Fixtures/benchmarks/\(file)").path
    }
}
