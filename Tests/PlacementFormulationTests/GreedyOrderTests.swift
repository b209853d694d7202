import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// Under a budget the greedy also runs cheapest first, and a run cut short
/// keeps the better of its two orders (issue 15's floor, issue 12's
/// budget). Three apprentices from Valladolid to one host in Lisbon
/// (496 km, band 100–499: EUR 211; EUR 74.15 a day, 70 % after day 14;
/// EUR 350 organisational):
/// - A, 3 weeks: 211 + 14 × 74.15 + 9 × 74.15 × 0.7 (1,505.245 → 1,505.25) + 350 = 2,066.25;
/// - B and C, 1 week: 211 + 9 × 74.15 (667.35) + 350 = 1,228.35 each.
///
/// With a budget of EUR 2,500 the listed order takes A and then nobody
/// (A with B would cost 3,294.60); cheapest first takes B and C (2,456.70).
@Suite struct GreedyOrderTests {
    static let round = Array(
        """
        {"format": "allvet-instance/1",
         "participants": [
           {"id": "A", "country": "ES", "sending_org": "VA", "sector": "tourism", "languages": {},
            "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 3},
           {"id": "B", "country": "ES", "sending_org": "VA", "sector": "tourism", "languages": {},
            "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 1},
           {"id": "C", "country": "ES", "sending_org": "VA", "sector": "tourism", "languages": {},
            "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 1}],
         "hosts": [{"id": "PT-H", "country": "PT", "city": "Lisboa", "location": {"lat": 38.7223, "lon": -9.1393},
           "offers": [{"id": "PT-H/o1", "sectors": ["tourism"], "from": "2026-01-05", "to": "2026-12-27",
                       "capacity": 3}]}],
         "sending_orgs": [{"id": "VA", "country": "ES", "city": "Valladolid",
                           "location": {"lat": 41.6523, "lon": -4.7245}}]}
        """.utf8)

    static let rates = Array(
        """
        {"format": "allvet-funding/1", "currency": "EUR",
         "travel": {"bands": [{"min_km": 100, "max_km": 499, "standard": 211, "green": 285}],
                    "travel_days": {"standard": 2, "green": 6}},
         "individual": {"country_groups": {"2": ["ES", "PT"]},
                        "daily": {"2": {"apprentice": 74.15, "staff": 169}},
                        "reduced_after_day": 14, "reduced_factor": 0.7},
         "organisational": {"per_participant": 350}}
        """.utf8)

    static let policy = Policy(objective: [.placed(weights: []), .rank(cost: .linear)], budget: ExactDecimal(2500))

    static func funded() throws -> (Instance, CandidateSet, PairSet) {
        var instance = try InstanceJSONReader.read(data: round, file: "r.json").0
        instance.funding = try FundingJSONReader.read(data: rates, file: "f.json", instance: instance).0
        let candidates = CandidateSet(instance: instance, policy: policy)
        return (instance, candidates, PairSet(candidates: candidates))
    }

    /// The participants the greedy places in `order`, with the pairs' costs it was given.
    static func placed(_ order: PairGreedy.Order) throws -> (ids: [String], costs: [Cents]) {
        let (instance, candidates, pairs) = try funded()
        var greedy = PairGreedy(
            instance: instance, candidates: candidates, pairs: pairs, budget: policy.budgetCents)
        greedy.order = order
        let chosen = greedy.run().keys.sorted()
        return (
            chosen.map { instance.participants[pairs.pairs[$0].participant].id },
            pairs.pairs.map(\.cost)
        )
    }

    @Test func theListedOrderSpendsTheBudgetOnTheDearStay() throws {
        let (ids, costs) = try Self.placed(.listed)
        #expect(costs == [206_625, 122_835, 122_835], "the costs worked out above")
        #expect(ids == ["A"])
    }

    @Test func cheapestFirstPlacesTwo() throws {
        #expect(try Self.placed(.cheapestFirst).ids == ["B", "C"])
    }

    /// A run whose solver finds nothing keeps the better order's solution: B and C.
    @Test func aRunCutShortKeepsTheBetterOrder() throws {
        let (instance, candidates, _) = try Self.funded()
        let outcome = try StallingSolver.cutShort(instance, policy: Self.policy, candidates: candidates)
        #expect(outcome.levels.map(\.status) == [.feasible, .notSolved])
        #expect(outcome.levels.first?.value == 2)
        let chosen = try #require(outcome.chosen).map { candidates.stays[$0].participant.rawValue }
        #expect(chosen == [1, 2])
    }
}
