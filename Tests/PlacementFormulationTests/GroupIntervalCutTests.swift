import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// A capacity group that fails only because of the start the master gave a
/// group member gets an energetic interval counting that member's weeks
/// through its start columns (``PairMaster/separateIntervals(group:chosen:pinned:limit:)``),
/// instead of start-week columns for every pair of the capacity group.
///
/// C must stay at H1 (capacity 1) in weeks 0–1. A, in a group with B, may
/// start at H1 on week 0, 1 or 2. With the fewest weeks A can take in
/// weeks 0–1 (none, starting on week 2), no interval is broken; with A
/// pinned to week 0, weeks 0–1 hold 2 + 2 weeks of stays where 2 fit.
@Suite struct GroupIntervalCutTests {
    static let round = """
        { "format": "allvet-instance/1", "name": "pinned",
          "participants": [
            { "id": "A", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" }, "group": "G",
              "preferences": ["H1"] },
            { "id": "B", "country": "ES", "sector": "tourism", "available_from": "2026-03-02",
              "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" }, "group": "G" },
            { "id": "C", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-15", "weeks": 2, "languages": { "es": "native" } } ],
          "hosts": [
            { "id": "H1", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H1/kitchen", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 1 } ] },
            { "id": "H2", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H2/desk", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 1 } ] } ],
          "groups": [{ "id": "G", "together": "city" }] }
        """

    @Test func theMembersPinnedWeeksAreCutOffThroughItsStartColumns() throws {
        let instance = try InstanceJSONReader.read(data: Array(Self.round.utf8), file: "pinned.json").0
        let candidates = CandidateSet(instance: instance, policy: .default)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        var master = PairMaster(
            instance: instance, policy: .default, candidates: candidates, pairs: pairs, groups: groups)
        try #require(groups.count == 1)
        let a = pairs.pairStart[0], c = pairs.pairStart[2]
        try #require(pairs.pairs[a].first == 0 && pairs.pairs[a].last == 2 && pairs.pairs[c].last == 0)
        let rows = master.model.rowCount

        #expect(master.separateIntervals(group: 0, chosen: [a, c]) == 0)
        #expect(master.separateIntervals(group: 0, chosen: [a, c], pinned: [a: 0]) == 1)
        try #require(master.model.rowCount == rows + 1)
        let row = master.model[RowIndex(rows)]
        let startsOfA = master.startColumns[a]!
        var coefficient: [ColumnIndex: Double] = [:]
        for (k, column) in row.columns.enumerated() { coefficient[column] = row.coefficients[k] }
        // Weeks 0–1: C's two weeks, A's weeks from each start (2 from week 0, 1 from week 1).
        #expect(row.upper == 2)
        #expect(coefficient[ColumnIndex(c)] == 2)
        #expect(coefficient[startsOfA[0].column] == 2 && coefficient[startsOfA[1].column] == 1)
        #expect(coefficient[startsOfA[2].column] == nil && coefficient[ColumnIndex(a)] == nil)
    }
}
