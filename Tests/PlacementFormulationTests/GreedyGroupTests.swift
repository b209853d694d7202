import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// How the greedy places travel groups (PairGreedy.swift): also with the
/// groups served first, and a member sent where the quota guard admits it.
/// On generated 5,000 × 1,200 (seed 1, benchmark policy) the two took the
/// floor from 4,897 to 4,904 placed, where 4,907 bounds the round
/// (docs/performance.md, "Groups a quota keeps out").
@Suite struct GreedyGroupTests {
    /// Hosts in Lisbon with room for `rooms` each, for the one week
    /// everybody can go; `people` as (id, group), all from ES, all ranking
    /// H1 first; the group `together` as given.
    static func round(rooms: [Int], people: [(String, String?)], together: String) throws -> Instance {
        func person(_ id: String, _ group: String?) -> String {
            let member = group.map { ", \"group\": \"\($0)\"" } ?? ""
            return """
                { "id": "\(id)", "country": "ES", "sector": "food", "available_from": "2026-03-02",
                  "available_to": "2026-03-08", "weeks": 1, "languages": {}, "preferences": ["H1"]\(member) }
                """
        }
        func host(_ h: Int, _ room: Int) -> String {
            """
            { "id": "H\(h)", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H\(h)/o", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-08", "capacity": \(room) } ] }
            """
        }
        let json = """
            { "format": "allvet-instance/1", "name": "greedy-groups",
              "participants": [\(people.map(person).joined(separator: ","))],
              "hosts": [\(rooms.enumerated().map { host($0 + 1, $1) }.joined(separator: ","))],
              "groups": [{ "id": "G", "together": "\(together)" }] }
            """
        return try InstanceJSONReader.read(data: Array(json.utf8), file: "greedy-groups.json").0
    }

    /// Who the greedy places, and where.
    static func placed(_ instance: Instance, _ policy: Policy, groupsFirst: Bool, guarded: Bool) -> [String] {
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        var greedy = PairGreedy(instance: instance, candidates: candidates, pairs: pairs, budget: nil)
        greedy.groupsFirst = groupsFirst
        if guarded {
            let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
            let master = PairMaster(
                instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
            greedy.quotas = QuotaGuard(master: master)
        }
        return greedy.run().keys.map { q in
            let offer = candidates.offers[pairs.pairs[q].offer].offer.id
            return instance.participants[pairs.pairs[q].participant].id + "@" + offer
        }.sorted()
    }

    /// Room for two at one host: X, listed first, takes one, and the class
    /// of two is left out; served first, the class takes both.
    @Test func servedFirstAClassFindsItsRoom() throws {
        let instance = try Self.round(rooms: [2], people: [("X", nil), ("A", "G"), ("B", "G")], together: "host")
        #expect(Self.placed(instance, .default, groupsFirst: false, guarded: false) == ["X@H1/o"])
        #expect(Self.placed(instance, .default, groupsFirst: true, guarded: false) == ["A@H1/o", "B@H1/o"])
    }

    /// A class of four in one city, two hosts with room for four, at most
    /// two of one country at a host: with A at H1, B takes H1 too and C
    /// and D go to H2, where the guard admits them. Before, every member
    /// after the first took H1 (ranked first) wherever the first was, the
    /// guard refused three or four at H1, and the class was left out.
    @Test func membersGoWhereTheQuotaGuardAdmitsThem() throws {
        let instance = try Self.round(
            rooms: [4, 4], people: [("A", "G"), ("B", "G"), ("C", "G"), ("D", "G")], together: "city")
        let policy = Policy(
            quotas: [Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(2)])])
        #expect(
            Self.placed(instance, policy, groupsFirst: false, guarded: true) == [
                "A@H1/o", "B@H1/o", "C@H2/o", "D@H2/o",
            ])
    }

    /// A run cut short keeps the better of the greedy's orders: the class.
    @Test func aRunCutShortKeepsTheClass() throws {
        let instance = try Self.round(rooms: [2], people: [("X", nil), ("A", "G"), ("B", "G")], together: "host")
        let candidates = CandidateSet(instance: instance, policy: .default)
        let outcome = try StallingSolver.cutShort(instance, policy: .default, candidates: candidates)
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
        let chosen = try #require(outcome.chosen).map {
            instance.participants[candidates.stays[$0].participant.rawValue].id
        }
        #expect(chosen.sorted() == ["A", "B"])
    }
}
