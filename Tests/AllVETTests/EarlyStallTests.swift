import AllVET
import Testing

/// The `early` level's search when its master stalls (its optimum the same
/// as its last solve's, only the solution moved): every group that solution
/// uses is time-indexed at once, and the optimum stays the direct model's.
@Suite struct EarlyStallTests {
    /// `allvet generate --participants 60 --hosts 15 --seed 30` (one in ten
    /// in travel groups), `[placed, early]`: the first `early` master (505)
    /// fails in one of its groups, which is time-indexed, and the repair
    /// finds 508; the second master repeats 505 and fails in another group,
    /// which is time-indexed with the five others its solution uses; the
    /// third finds nothing that beats 508, which is optimal. So seven groups
    /// are time-indexed in four master solves (with `placed`'s); without the
    /// stall rule, two. (Seed 10 without travel groups stalled before the
    /// masters counted the delays the first weeks cannot hold,
    /// PairMaster+Early.swift; no seed from 1 to 60 of 60 × 15 or 80 × 20
    /// without them does now.)
    @Test func aStalledEarlyMasterTimeIndexesEveryGroupItUses() throws {
        let instance = InstanceFiles.generated(participants: 60, hosts: 15, seed: 30, located: true, groups: 0.1)
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (_, decomposed, levels) = try expectSameOptima(instance, policy, label: "60x15 seed 30")
        #expect(levels == [32, 508])
        let stats = try #require(decomposed.decomposition)
        #expect(stats.timeIndexedGroups == 7)
        #expect(stats.masterSolves == 4)
    }
}
