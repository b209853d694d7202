import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Travel groups that a hard quota keeps out wherever they go
/// (Groups+Quotas.swift): found, fixed at 0 in both formulations, and only
/// those. Before, the masters' LP placed two thirds of each member of such
/// a group, and at 5,000 × 1,200 with groups the `placed` bound stood 89
/// above any solution (docs/performance.md, "Groups a quota keeps out").
@Suite struct GroupQuotaTests {
    /// Two hosts in one city, room for three at each. Group G (three from
    /// ES, `together` as given) and group K (two from ES and one from FR, at
    /// one host); X travels alone, and so does Y, a group S of one.
    static func round(together: String, extra: String = "") throws -> Instance {
        func person(_ id: String, _ country: String, _ group: String?) -> String {
            let member = group.map { ", \"group\": \"\($0)\"" } ?? ""
            return """
                { "id": "\(id)", "country": "\(country)", "sector": "food", "available_from": "2026-03-02",
                  "available_to": "2026-03-29", "weeks": 2, "languages": { "es": "native" }\(member) }
                """
        }
        let people = [
            person("A", "ES", "G"), person("B", "ES", "G"), person("C", "ES", "G"),
            person("D", "ES", "K"), person("E", "ES", "K"), person("F", "FR", "K"), person("X", "ES", nil),
            person("Y", "ES", "S"),
        ]
        func host(_ id: String) -> String {
            """
            { "id": "\(id)", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "\(id)/kitchen", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 3 } ] }
            """
        }
        let json = """
            { "format": "allvet-instance/1", "name": "kept-out", "participants": [\(people.joined(separator: ","))],
              "hosts": [\(host("H1")), \(host("H2"))],
              "groups": [{ "id": "G", "together": "\(together)" }, { "id": "K", "together": "host" }]\(extra) }
            """
        return try InstanceJSONReader.read(data: Array(json.utf8), file: "kept-out.json").0
    }

    static func policy(within: [ScopeKey] = [.host, .field(.country)], who: Selector = Selector(), soft: Double? = nil)
        -> Policy
    {
        Policy(quotas: [Quota(name: "mixed-groups", who: who, within: within, bounds: [.maxCount(2)], soft: soft)])
    }

    static func keptOut(_ instance: Instance, _ policy: Policy) -> [String: String] {
        let c = CandidateSet(instance: instance, policy: policy)
        return Dictionary(uniqueKeysWithValues: c.groupsKeptOut.map { (c.groups[$0.key].group.id, $0.value) })
    }

    @Test func aGroupOfThreeFromOneCountryAtOneHostIsKeptOut() throws {
        let kept = Self.keptOut(try Self.round(together: "host"), Self.policy())
        // K has two from ES and one from FR: at most two of one country, so it may go.
        #expect(Array(kept.keys) == ["G"])
        #expect(
            kept["G"]
                == "the hard quota mixed-groups allows at most 2 within host, country, and 3 members (country ES) would count together at one host"
        )
        // Without `within`, the rule counts everyone together: three of G, and three of K.
        let anywhere = Self.keptOut(try Self.round(together: "host"), Self.policy(within: []))
        #expect(anywhere.keys.sorted() == ["G", "K"])
        #expect(
            anywhere["K"]?.hasSuffix("allows at most 2 in all, and 3 members would count together at one host") == true)
        // A group of one is a participant travelling alone, whatever the rule allows.
        let none = Policy(quotas: [Quota(name: "none", bounds: [.maxCount(0)])])
        #expect(Self.keptOut(try Self.round(together: "host"), none).keys.sorted() == ["G", "K"])
    }

    @Test func groupsTheRuleCannotCountTogetherMayGo() throws {
        // In a city, G's members may take both hosts: two at one, one at the other.
        #expect(Self.keptOut(try Self.round(together: "city"), Self.policy()).isEmpty)
        // ... but a rule per host country counts them together anywhere in the city (and K's three).
        let perCountry = Self.keptOut(try Self.round(together: "city"), Self.policy(within: [.hostCountry]))
        #expect(perCountry.keys.sorted() == ["G", "K"])
        #expect(perCountry["G"]?.hasSuffix("and 3 members would count together in one city") == true)
        // A rule per offer: members at one host may take different offers.
        #expect(
            Self.keptOut(try Self.round(together: "host"), Self.policy(within: [.offer, .field(.country)])).isEmpty)
        // A soft rule may be broken; a rule whose `who` counts two of G cannot be.
        #expect(Self.keptOut(try Self.round(together: "host"), Self.policy(soft: 5)).isEmpty)
        let notC = Selector([("sector", .string("food"))])
        #expect(Array(Self.keptOut(try Self.round(together: "host"), Self.policy(who: notC)).keys) == ["G"])
        let onlyA = Selector([("id", .string("A"))])
        #expect(Self.keptOut(try Self.round(together: "host"), Self.policy(who: onlyA)).isEmpty)
        // A locked member: the model, not this rule, says the round is infeasible.
        let locked = try Self.round(
            together: "host",
            extra: #", "locks": [{ "participant": "A", "offer": "H1/kitchen", "start": "2026-03-02" }]"#)
        #expect(Self.keptOut(locked, Self.policy()).isEmpty)
    }

    @Test func bothFormulationsFixTheMembersStaysAtZero() throws {
        let instance = try Self.round(together: "host"), policy = Self.policy()
        let c = CandidateSet(instance: instance, policy: policy)
        let ids = instance.participants.map(\.id)
        let direct = DirectFormulation(instance: instance, policy: policy, candidates: c)
        for k in c.stays.indices {
            let inG = ["A", "B", "C"].contains(ids[c.stays[k].participant.rawValue])
            #expect(direct.model[ColumnIndex(k)].upper == (inG ? 0 : 1), "stay \(k)")
        }
        let pairs = PairSet(candidates: c)
        let master = PairMaster(
            instance: instance, policy: policy, candidates: c, pairs: pairs,
            groups: CapacityGroup.groups(instance: instance, candidates: c, pairs: pairs))
        for (q, pair) in pairs.pairs.enumerated() {
            let inG = ["A", "B", "C"].contains(ids[pair.participant])
            #expect(master.model[ColumnIndex(q)].upper == (inG ? 0 : 1), "pair \(q)")
            for start in master.startColumns[q] ?? [] { #expect(master.model[start.column].upper == (inG ? 0 : 1)) }
        }
        // Solved: K, X and Y placed (five; two of ES at each host), G not; the direct model agrees.
        #expect(try solve(instance, policy).placed == ["D", "E", "F", "X", "Y"])
    }
}
