import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Places too small for a travel group (Groups+Room.swift): found, fixed
/// at 0 in both formulations, and a group with no other place kept out
/// with its reason. Before, the masters placed a group of four in a city
/// with room for three (docs/performance.md, "Places too small for a group").
@Suite struct GroupRoomTests {
    /// A group G of four (A–D, `together` as given) and X alone, for two
    /// weeks in March; `hosts` as (id, city, host capacity, offer capacities).
    static func round(together: String, hosts: [(String, String, Int?, [Int])]) throws -> Instance {
        func person(_ id: String, _ group: String?) -> String {
            let member = group.map { ", \"group\": \"\($0)\"" } ?? ""
            return """
                { "id": "\(id)", "country": "ES", "sector": "food", "available_from": "2026-03-02",
                  "available_to": "2026-03-29", "weeks": 2, "languages": {}\(member) }
                """
        }
        func host(_ h: (id: String, city: String, capacity: Int?, offers: [Int])) -> String {
            let offers = h.offers.enumerated().map { k, room in
                """
                { "id": "\(h.id)/o\(k + 1)", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-29", "capacity": \(room) }
                """
            }
            let capacity = h.capacity.map { ", \"capacity\": \($0)" } ?? ""
            return """
                { "id": "\(h.id)", "country": "PT", "city": "\(h.city)"\(capacity), "offers": [\(offers.joined(separator: ","))] }
                """
        }
        let people = ["A", "B", "C", "D"].map { person($0, "G") } + [person("X", nil)]
        let json = """
            { "format": "allvet-instance/1", "name": "room", "participants": [\(people.joined(separator: ","))],
              "hosts": [\(hosts.map(host).joined(separator: ","))], "groups": [{ "id": "G", "together": "\(together)" }] }
            """
        return try InstanceJSONReader.read(data: Array(json.utf8), file: "room.json").0
    }

    @Test func aCityWithRoomForThreeKeepsAGroupOfFourOut() throws {
        // One hotel in Lisbon: offers for 1 and 3, but the hotel takes 3 at a time.
        let small = try Self.round(together: "city", hosts: [("H1", "Lisboa", 3, [1, 3])])
        let c = CandidateSet(instance: small, policy: .default)
        #expect(
            c.groupsKeptOut[0]
                == "no city where its members could go has room for all 4 at once: at most 3 in Lisboa (PT)")
        // A second hotel there, for two: room for five.
        let two = try Self.round(together: "city", hosts: [("H1", "Lisboa", 3, [1, 3]), ("H2", "Lisboa", nil, [2])])
        let d = CandidateSet(instance: two, policy: .default)
        #expect(d.groupsKeptOut.isEmpty && d.groupPlacesWithoutRoom.isEmpty)
        // At one host, neither hotel has room for four.
        let atHost = CandidateSet(
            instance: try Self.round(
                together: "host", hosts: [("H1", "Lisboa", 3, [1, 3]), ("H2", "Lisboa", nil, [2])]),
            policy: .default)
        #expect(
            atHost.groupsKeptOut[0] == "no host where its members could go has room for all 4 at once: at most 3 at H1")
        // Without the hotel's own limit, its offers give four.
        let open = CandidateSet(
            instance: try Self.round(together: "city", hosts: [("H1", "Lisboa", nil, [1, 3])]), policy: .default)
        #expect(open.groupsKeptOut.isEmpty)
    }

    /// Lisbon has room for three, Porto for four: the group may only go to
    /// Porto. Both formulations fix the members' stays in Lisbon at 0 and
    /// leave X's; the group is placed in Porto.
    @Test func onlyThePlacesTooSmallAreClosed() throws {
        let instance = try Self.round(together: "city", hosts: [("H1", "Lisboa", 3, [4]), ("H2", "Porto", nil, [4])])
        let c = CandidateSet(instance: instance, policy: .default)
        #expect(c.groupsKeptOut.isEmpty)
        #expect(c.groupPlacesWithoutRoom == [0: [0]])
        let ids = instance.participants.map(\.id)
        func closed(_ p: Int, _ offer: Int) -> Bool { ids[p] != "X" && c.offers[offer].host.rawValue == 0 }
        let direct = DirectFormulation(instance: instance, policy: .default, candidates: c)
        for (k, s) in c.stays.enumerated() {
            #expect(direct.model[ColumnIndex(k)].upper == (closed(s.participant.rawValue, s.offer.rawValue) ? 0 : 1))
        }
        let pairs = PairSet(candidates: c)
        let master = PairMaster(
            instance: instance, policy: .default, candidates: c, pairs: pairs,
            groups: CapacityGroup.groups(instance: instance, candidates: c, pairs: pairs))
        for (q, pair) in pairs.pairs.enumerated() {
            #expect(master.model[ColumnIndex(q)].upper == (closed(pair.participant, pair.offer) ? 0 : 1))
        }
        let solved = try solve(instance)
        #expect(solved.placed == ["A", "B", "C", "D", "X"])
        #expect(solved.stays.filter { $0.hasPrefix("A@") }.allSatisfy { $0.contains("H2/o1") })
    }
}
