import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// With hard quotas the greedy also runs keeping them as it places
/// (``QuotaGuard``): the plain greedy breaks them, the master refuses its
/// solution, and a run cut short under the benchmark policy kept nothing
/// (docs/performance.md, "A floor").
@Suite struct GreedyQuotaGuardTests {
    /// A round of one-week stays in the week of 2026-03-02 at one host with
    /// `capacity` places: each participant an id, a country, a travel group
    /// or none and whether they have fewer opportunities; `extra` adds the
    /// instance's other keys (groups, locks).
    static func round(
        _ people: [(id: String, country: String, group: String?, fewer: Bool)], capacity: Int, extra: String = ""
    ) -> [UInt8] {
        let participants = people.map { p in
            #"{"id": "\#(p.id)", "country": "\#(p.country)", "sector": "food", "languages": {}, "weeks": 1, "#
                + #""available_from": "2026-03-02", "available_to": "2026-03-08""#
                + (p.group.map { #", "group": "\#($0)""# } ?? "")
                + (p.fewer ? #", "attributes": {"fewer_opportunities": true}"# : "") + "}"
        }
        return Array(
            """
            {"format": "allvet-instance/1", "participants": [\(participants.joined(separator: ", "))],
             "hosts": [{"id": "PT-H", "country": "PT", "city": "Lisboa",
               "offers": [{"id": "PT-H/o1", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-08",
                           "capacity": \(capacity)}]}]\(extra)}
            """.utf8)
    }

    /// A and B (ES) and C (FI, fewer opportunities), room for all three.
    static let abc = round(
        [("A", "ES", nil, false), ("B", "ES", nil, false), ("C", "FI", nil, true)], capacity: 3)

    static let oneOfACountry = Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(1)])
    static let halfFewerOpportunities = Quota(
        name: "fo", who: Selector([("fewer_opportunities", .bool(true))]),
        bounds: [.minShare(ExactDecimal(numerator: 1, denominator: 2))])

    /// The participants placed by the greedy, plain or guarded, and by a run
    /// whose solver finds nothing (so it keeps the best greedy that keeps every row).
    static func placed(_ quotas: [Quota], round: [UInt8] = abc) throws -> (
        plain: [Int], guarded: [Int], kept: [Int]?
    ) {
        let instance = try InstanceJSONReader.read(data: round, file: "r.json").0
        let policy = Policy(objective: [.placed(weights: []), .rank(cost: .linear)], quotas: quotas)
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
        func run(_ quotas: QuotaGuard?) -> [Int] {
            var greedy = PairGreedy(instance: instance, candidates: candidates, pairs: pairs, budget: nil)
            greedy.quotas = quotas
            return greedy.run().keys.map { pairs.pairs[$0].participant }.sorted()
        }
        let outcome = try StallingSolver.cutShort(instance, policy: policy, candidates: candidates)
        let kept = outcome.chosen.map { $0.map { candidates.stays[$0].participant.rawValue }.sorted() }
        return (run(nil), run(try #require(QuotaGuard(master: master))), kept)
    }

    /// At most one of a country at the host: the plain greedy places all
    /// three (two from ES); the guard refuses B.
    @Test func aMaximumIsKeptAsTheGreedyGoes() throws {
        let (plain, guarded, kept) = try Self.placed([Self.oneOfACountry])
        #expect(plain == [0, 1, 2])
        #expect(guarded == [0, 2])
        #expect(kept == [0, 2])
    }

    /// Half of those placed with fewer opportunities: A and B are refused
    /// until C is placed; the second pass then takes A (one of two), and B
    /// stays out (one of three).
    @Test func aShareIsKeptOverTwoPasses() throws {
        let (plain, guarded, kept) = try Self.placed([Self.halfFewerOpportunities])
        #expect(plain == [0, 1, 2])
        #expect(guarded == [0, 2])
        #expect(kept == [0, 2])
    }

    /// A (ES), B (ES, locked at the host), C and D (FI, fewer
    /// opportunities); room for two. The plain greedy takes B, then A: no
    /// one with fewer opportunities. Had the guard refused B (the share at
    /// 0 would fall), C and D would fill the room and the lock would
    /// break; it counts B without asking, then refuses A and takes C.
    @Test func aLockedParticipantIsPlacedWhateverTheShare() throws {
        let round = Self.round(
            [("A", "ES", nil, false), ("B", "ES", nil, false), ("C", "FI", nil, true), ("D", "FI", nil, true)],
            capacity: 2,
            extra: #", "locks": [{"participant": "B", "offer": "PT-H/o1", "start": "2026-03-02"}]"#)
        let (plain, guarded, kept) = try Self.placed([Self.halfFewerOpportunities], round: round)
        #expect(plain == [0, 1])
        #expect(guarded == [1, 2])
        #expect(kept == [1, 2])
    }

    /// A (ES) and C (FI, fewer opportunities) travel together, A listed
    /// first; B (ES) alone; D and E (ES) together. The guard looks at a
    /// group whole: A alone would take the share below half, with C it
    /// stays at half; then it refuses B, and D with E.
    @Test func aTravelGroupIsGuardedWhole() throws {
        let round = Self.round(
            [
                ("A", "ES", "G", false), ("B", "ES", nil, false), ("C", "FI", "G", true), ("D", "ES", "H", false),
                ("E", "ES", "H", false),
            ], capacity: 5,
            extra: #", "groups": [{"id": "G", "together": "host"}, {"id": "H", "together": "host"}]"#)
        let (plain, guarded, kept) = try Self.placed([Self.halfFewerOpportunities], round: round)
        #expect(plain == [0, 1, 2, 3, 4])
        #expect(guarded == [0, 2])
        #expect(kept == [0, 2])
    }

    /// Soft rules have no guard: their shortfall columns take up the rest.
    @Test func softRulesAreNotGuarded() throws {
        var soft = Self.oneOfACountry
        soft.soft = 1
        let instance = try InstanceJSONReader.read(data: Self.abc, file: "r.json").0
        let policy = Policy(objective: [.placed(weights: [])], quotas: [soft])
        let candidates = CandidateSet(instance: instance, policy: policy)
        let pairs = PairSet(candidates: candidates)
        let groups = CapacityGroup.groups(instance: instance, candidates: candidates, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: policy, candidates: candidates, pairs: pairs, groups: groups)
        #expect(QuotaGuard(master: master) == nil)
    }
}
