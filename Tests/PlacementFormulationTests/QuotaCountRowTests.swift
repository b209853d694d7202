import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// A share row of the pair master is written over two integer counts of its
/// scope (``QuotaCount``), and every point the master is given has them
/// right (``PairMaster/dropping(_:from:)``).
@Suite struct QuotaCountRowTests {
    /// The round of ``GreedyQuotaGuardTests`` (A and B from ES, C from FI
    /// with fewer opportunities, room for three) under "at least half with
    /// fewer opportunities", soft at 2 a placement.
    static func master(soft: Double? = nil) throws -> PairMaster {
        var quota = GreedyQuotaGuardTests.halfFewerOpportunities
        quota.soft = soft
        let instance = try InstanceJSONReader.read(data: GreedyQuotaGuardTests.abc, file: "r.json").0
        let policy = Policy(objective: [.placed(weights: [])], quotas: [quota])
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        return PairMaster(instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
    }

    /// `min_share 1/2` is `1·G − 1·O ≥ 0`: the row holds the two counts
    /// only; `G` counts C's pair, `O` those of A and B.
    @Test func theShareRowHoldsTheCountsOnly() throws {
        let master = try Self.master()
        #expect(master.quotaCounts.count == 2)
        let row = master.model[try #require(master.quotaRows.first?.row)]
        #expect(Set(row.columns) == Set(master.quotaCounts.map(\.column)))
        let participantsOf = master.quotaCounts.map { count in
            count.items.map { master.pairs.pairs[$0.rawValue].participant }.sorted()
        }
        #expect(participantsOf == [[2], [0, 1]])
        #expect(row.coefficients == [1, -1])
        #expect(row.lower == 0)
    }

    /// A point made from pairs alone (A and C placed) gets its counts (1
    /// and 1) from `dropping`; dropping C then leaves `G = 0`, `O = 1` and
    /// the share short by half a placement (the soft row is
    /// `G − O + 2·s ≥ 0`), and each point keeps every row.
    @Test func pointsGetTheirCounts() throws {
        let master = try Self.master(soft: 2)
        let pairOf = { (p: Int) in try #require(master.pairs.pairs.firstIndex { $0.participant == p }) }
        var values = [Double](repeating: 0, count: master.model.columnCount)
        values[try pairOf(0)] = 1
        values[try pairOf(2)] = 1
        let both = try #require(master.dropping([], from: values))
        #expect(master.quotaCounts.map { both[$0.column.rawValue] } == [1, 1])
        #expect(master.model.maxViolation(both) <= 1e-9)
        let withoutC = try #require(master.dropping([try pairOf(2)], from: values))
        #expect(master.quotaCounts.map { withoutC[$0.column.rawValue] } == [0, 1])
        let slack = try #require(master.quotaRows.first?.slack)
        #expect(withoutC[slack.rawValue] == 0.5)
        #expect(master.model.maxViolation(withoutC) <= 1e-9)
    }
}
