import AllVET
import Testing

/// The `early` level's search when its master stalls (its optimum the same
/// as its last solve's, only the solution moved): every group that solution
/// uses is time-indexed at once, and the optimum stays the direct model's.
@Suite struct EarlyStallTests {
    /// `allvet generate --participants 120 --hosts 30 --seed 11` (one in
    /// ten in travel groups), `[placed, early]`: the first `early` master
    /// (1,425) fails in seven of its groups, which are time-indexed, and the
    /// repairs find 1,426; the second master repeats 1,425 and fails in one
    /// more group, which is time-indexed with the sixteen others its
    /// solution uses; the repair then finds 1,425, the optimum. So 25 groups
    /// are time-indexed (one by a repair) in three master solves (with
    /// `placed`'s); without the stall rule, nine. (The rounds this test took
    /// before, 60 × 15 seeds 10 and 30, no longer stall since the `early`
    /// masters count the delays the first weeks cannot hold and the widened
    /// repair runs after one short of the master's bound.)
    @Test func aStalledEarlyMasterTimeIndexesEveryGroupItUses() throws {
        let instance = InstanceFiles.generated(participants: 120, hosts: 30, seed: 11, located: true, groups: 0.1)
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (_, decomposed, levels) = try expectSameOptima(instance, policy, label: "120x30 seed 11")
        #expect(levels == [82, 1425])
        let stats = try #require(decomposed.decomposition)
        #expect(stats.timeIndexedGroups == 25)
        #expect(stats.masterSolves == 3)
    }
}
