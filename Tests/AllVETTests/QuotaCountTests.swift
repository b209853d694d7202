import AllVET
import Foundation
import Testing

/// Share and parity rows written over integer counts of their scopes
/// (``QuotaCount``, docs/performance.md, "Counting the shares").
@Suite struct QuotaCountTests {
    /// `allvet generate --participants 120 --hosts 35 --seed 5` (its
    /// travel groups and locations), the rich policy's first goal (weighted
    /// `placed` with its six quotas): the master's LP is 113.08, the
    /// optimum 110.5. Without the counts GLPK's bound stopped at 111.17
    /// (22,675 nodes in 20 s, the level not proven in 60 s); with them the
    /// first master is proven at its root and the level in a few masters.
    @Test func theRichPolicysFirstLevelIsProvenWithinAFewNodes() throws {
        let instance = InstanceFiles.generated(participants: 120, hosts: 35, seed: 5, located: true, groups: 0.1)
        var (policy, _) = try PolicyJSONReader.read(
            path: fixtures.appendingPathComponent("benchmarks/policy-rich.json").path, instance: instance)
        policy.objective = [policy.objective[0]]
        var options = EngineOptions(timeLimit: 30)
        options.method = .decomposed
        let result = try Engine().solve(instance, policy: policy, options: options)
        #expect(result.status == .optimal)
        let figures = RoundFigures(
            instance: instance, policy: policy, candidates: result.candidates, chosen: result.chosen)
        #expect(abs((figures.levelValues.first ?? 0) - 110.5) < 1e-6)
        let stats = try #require(result.decomposition)
        #expect(stats.nodes < 1_000, "nodes \(stats.nodes)")
    }
}
