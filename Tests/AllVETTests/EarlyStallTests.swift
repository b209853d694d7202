import AllVET
import RoundGenerator
import Testing

/// The `early` level's search when its master stalls (its optimum the same
/// as its last solve's, only the solution moved): every group that solution
/// uses is time-indexed at once, and the optimum stays the direct model's.
@Suite struct EarlyStallTests {
    /// Generated 60 × 15, seed 10, `[placed, early]`: the second `early`
    /// master repeats 572 and fails in two of its five groups; the other
    /// three are time-indexed with them, and the next master (574) fits
    /// everywhere. So seven groups are time-indexed in four master solves
    /// (two, then two, then three more); without the stall rule, four.
    @Test func aStalledEarlyMasterTimeIndexesEveryGroupItUses() throws {
        let instance = RoundGenerator(participants: 60, hosts: 15, seed: 10).generate()
        let policy = Policy(objective: [.placed(weights: []), .early], quotas: [])
        let (_, decomposed, levels) = try expectSameOptima(instance, policy, label: "60x15 seed 10")
        #expect(levels == [30, 574])
        let stats = try #require(decomposed.decomposition)
        #expect(stats.timeIndexedGroups == 7)
        #expect(stats.masterSolves == 4)
    }
}
