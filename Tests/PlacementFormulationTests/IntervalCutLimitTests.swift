import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// How many energetic intervals one round of cuts adds per resource
/// (``PairMaster/separateIntervals(group:chosen:pinned:limit:)``): one after
/// a master whose value moved, ``PairMaster/cutsPerResourceWhenStalled``
/// after one that gave the same value again (docs/performance.md, "More
/// cuts when a master stalls").
///
/// One offer of capacity 1 from week 0 (2 March 2026). A, B and C stay two
/// weeks within three (A weeks 0–2, B 1–3, C 2–4); D four weeks within
/// five (0–4). The intervals tried run from a pair's first week (0, 1, 2)
/// to a pair's last week (2, 3, 4). Chosen together, with the fewest weeks
/// each can take inside an interval, the four break (violation: excess
/// weeks per week of the interval):
///
/// | weeks | A | B | C | D | sum | room | violation |
/// |---|---|---|---|---|---|---|---|
/// | 1–3 | 1 | 2 | 1 | 3 | 7 | 3 | 4/3 |
/// | 2 | 0 | 1 | 0 | 1 | 2 | 1 | 1 |
/// | 1–2 | 1 | 1 | 0 | 2 | 4 | 2 | 1 |
/// | 2–3 | 0 | 1 | 1 | 2 | 4 | 2 | 1 |
/// | 0–3, 0–4, 1–4 | | | | | 8, 10, 8 | 4, 5, 4 | 1 |
/// | 0–2, 2–4 | | | | | 5, 5 | 3, 3 | 2/3 |
///
/// so the most violated are weeks 1–3, then week 2, then weeks 1–2 (equal
/// violations: the shorter interval, then the earlier start, first). Weeks
/// 1 and 3 alone break too but are not tried (no pair's window begins in week 3 or
/// ends in week 1). No master would choose all four: weeks 1–3 each hold a
/// single-week row from the start, which their choice breaks; the test
/// asks the separation directly.
@Suite struct IntervalCutLimitTests {
    /// The round of the table, from the test target's builders (Helpers.swift).
    static let round = PlacementFormulationTests.round(
        [
            participant("A", to: "2026-03-22", weeks: 2),
            participant("B", from: "2026-03-09", to: "2026-03-29", weeks: 2),
            participant("C", from: "2026-03-16", to: "2026-04-05", weeks: 2),
            participant("D", to: "2026-04-05", weeks: 4),
        ], [host("H1", offers: [offer("H1/kitchen", to: "2026-04-12")])])

    /// The master of the round, and its four pairs (A, B, C, D).
    static func master() throws -> (PairMaster, [Int]) {
        let instance = round
        let candidates = CandidateSet(instance: instance, policy: .default)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        try #require(groups.count == 1 && pairs.pairs.count == 4)
        let spans = pairs.pairs.map { ($0.span.lowerBound, $0.span.upperBound) }
        try #require(spans.map(\.0) == [0, 1, 2, 0] && spans.map(\.1) == [2, 3, 4, 4])
        let master = PairMaster(
            instance: instance, policy: .default, candidates: candidates, pairs: pairs, groups: groups)
        return (master, Array(pairs.pairs.indices))
    }

    /// Each added row's room (its right-hand side) and the chosen pairs' sum
    /// in it (their coefficients): a row that cuts them off has the sum above
    /// the room.
    static func added(_ master: PairMaster, from first: Int, chosen: [Int]) -> [(room: Double, sum: Double)] {
        (first..<master.model.rowCount).map { i in
            let row = master.model[RowIndex(i)]
            var sum = 0.0
            for (k, column) in row.columns.enumerated() where chosen.contains(column.rawValue) {
                sum += row.coefficients[k]
            }
            return (row.upper, sum)
        }
    }

    @Test func aRoundAddsTheMostViolatedIntervalByDefault() throws {
        var (master, chosen) = try Self.master()
        let rows = master.model.rowCount
        try #require(PairMaster.cutsPerResource == 1)
        #expect(master.separateIntervals(group: 0, chosen: chosen) == 1)
        #expect(Self.added(master, from: rows, chosen: chosen).map { [$0.room, $0.sum] } == [[3, 7]])
    }

    @Test func aStalledRoundAddsTheNextMostViolatedToo() throws {
        var (master, chosen) = try Self.master()
        let rows = master.model.rowCount
        let limit = PairMaster.cutsPerResourceWhenStalled
        try #require(limit == 3, "the table above lists the three most violated intervals")
        #expect(master.separateIntervals(group: 0, chosen: chosen, limit: limit) == 3)
        // Weeks 1–3, week 2, weeks 1–2: each broken by the chosen pairs.
        #expect(
            Self.added(master, from: rows, chosen: chosen).map { [$0.room, $0.sum] } == [[3, 7], [1, 2], [2, 4]])
    }
}
