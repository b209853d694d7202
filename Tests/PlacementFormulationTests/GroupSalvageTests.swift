import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// When a run stops before a master solution schedules, the decomposition
/// keeps what schedules of the last one (``DecomposedSolve/salvage``). A
/// member dropped there takes its whole travel group with it (rounds.md,
/// section 2: all or none); the salvage once gave up instead, and a
/// 1,000 × 250 round with groups that ran out of time reported nobody
/// placed (docs/performance.md, "Groups").
@Suite struct GroupSalvageTests {
    static let round = """
        { "format": "allvet-instance/1", "name": "salvage",
          "participants": [
            { "id": "A", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" }, "group": "G" },
            { "id": "B", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" }, "group": "G" },
            { "id": "C", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" } } ],
          "hosts": [
            { "id": "H1", "country": "PT", "city": "Lisboa", "capacity": 2, "offers": [
              { "id": "H1/kitchen", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 2 } ] } ],
          "groups": [{ "id": "G", "together": "host" }] }
        """

    /// The master, and a solution with everybody at H1, the group on week 0.
    static func everybodyPlaced() throws -> (PairMaster, [Double], pairOf: [String: Int]) {
        let instance = try InstanceJSONReader.read(data: Array(round.utf8), file: "salvage.json").0
        let candidates = CandidateSet(instance: instance, policy: .default)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: .default, candidates: candidates, pairs: pairs, groups: groups)
        var pairOf: [String: Int] = [:]
        for (p, participant) in instance.participants.enumerated() {
            try #require(pairs.pairStart[p + 1] - pairs.pairStart[p] == 1)
            pairOf[participant.id] = pairs.pairStart[p]
        }
        var values = [Double](repeating: 0, count: master.model.columnCount)
        for q in pairOf.values { values[q] = 1 }
        for id in ["A", "B"] {
            let columns = try #require(master.startColumns[pairOf[id]!])
            values[columns[0].column.rawValue] = 1
        }
        return (master, values, pairOf)
    }

    @Test func droppingAMemberDropsItsGroup() throws {
        let (master, values, pairOf) = try Self.everybodyPlaced()
        let a = pairOf["A"]!, b = pairOf["B"]!, c = pairOf["C"]!
        #expect(master.withTheirGroups([a], values) == [a, b])
        let v = try #require(master.dropping([a, b], from: values))
        #expect(v[a] == 0 && v[b] == 0 && v[c] == 1)
        for q in [a, b] { #expect(master.startColumns[q]!.allSatisfy { v[$0.column.rawValue] == 0 }) }
        // Dropping one member alone would break the group: refused.
        #expect(master.dropping([a], from: values) == nil)
    }

    @Test func droppingAnOutsiderKeepsTheGroup() throws {
        let (master, values, pairOf) = try Self.everybodyPlaced()
        let c = pairOf["C"]!
        #expect(master.withTheirGroups([c], values) == [c])
        let v = try #require(master.dropping([c], from: values))
        #expect(v[pairOf["A"]!] == 1 && v[pairOf["B"]!] == 1 && v[c] == 0)
    }

    /// A run whose solver finds nothing keeps the greedy's solution, the
    /// group whole: A and B (together at H1, capacity 2) on week 0, then C
    /// on the first week that fits, week 2.
    @Test func aRunCutShortKeepsTheGreedyWithTheGroupWhole() throws {
        let instance = try InstanceJSONReader.read(data: Array(Self.round.utf8), file: "salvage.json").0
        let candidates = CandidateSet(instance: instance, policy: .default)
        let outcome = try StallingSolver.cutShort(instance, policy: .default, candidates: candidates)
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
        let chosen = try #require(outcome.chosen).map { candidates.stays[$0] }
        #expect(chosen.map(\.participant.rawValue) == [0, 1, 2])
        #expect(chosen.map(\.start) == [0, 0, 2])
    }
}
