import PlacementFormulation
import PlacementModel
import Testing

/// Each constraint type on a tiny round whose optimum is worked out by hand
/// in the comments. Default policy: [placed, rank], require_abroad.
@Suite(.serialized) struct ConstraintTests {
    @Test func oneStayEach() throws {
        // One participant, two offers with room: placed once, at its first choice (rank 1).
        let r = round([participant("a", preferences: ["o2"])], [host("h", offers: [offer("o1"), offer("o2")])])
        let s = try solve(r)
        #expect(s.values == [1, 0])
        #expect(s.stays.count == 1 && s.stays[0].hasPrefix("a@o2"))
    }

    @Test func concurrentOfferCapacityPerWeek() throws {
        // Offer window 4 weeks, capacity 1. a, b, c each want 2 weeks anywhere in the 4:
        // at most two fit one after another (weeks 0–1 and 2–3). placed = 2.
        let ps = ["a", "b", "c"].map { participant($0, weeks: 2) }
        let s = try solve(round(ps, [host("h", offers: [offer("o", capacity: 1)])]))
        #expect(s.values[0] == 2)
        let starts = s.stays.map { Int($0.split(separator: "+")[1])! }.sorted()
        #expect(starts == [0, 2])
    }

    @Test func offerTotalCapsStaysOverTheHorizon() throws {
        // Capacity 1, total 1: although two one-week stays would fit in turn, only 1 is allowed.
        let ps = ["a", "b"].map { participant($0, weeks: 1) }
        let s = try solve(round(ps, [host("h", offers: [offer("o", capacity: 1, total: 1)])]))
        #expect(s.values[0] == 1)
    }

    @Test func hostCapacityAcrossOffers() throws {
        // Two offers of capacity 1 each at a host of capacity 1, window of one week (2026-03-02…08):
        // a and b both want that week: only 1 can be present at the host.
        let ps = ["a", "b"].map { participant($0, to: "2026-03-08") }
        let hosts = [host("h", capacity: 1, offers: [offer("o1", to: "2026-03-08"), offer("o2", to: "2026-03-08")])]
        #expect(try solve(round(ps, hosts)).values[0] == 1)
        // Without the host capacity both are placed.
        let free = [host("h", offers: [offer("o1", to: "2026-03-08"), offer("o2", to: "2026-03-08")])]
        #expect(try solve(round(ps, free)).values[0] == 2)
    }

    @Test func closedOfferTakesNobody() throws {
        let s = try solve(round([participant("a")], [host("h", offers: [offer("o", capacity: 0)])]))
        #expect(s.values[0] == 0)
        #expect(s.candidates.stays.count == 4)  // still candidates of model.md (4 one-week starts)
    }

    @Test func rankLinearAndSquared() throws {
        // One offer each of capacity 1 in a single week. a lists [o1, o2], b lists [o1, o2, o3].
        // Three offers, two people: both placed. Linear: a@o1+b@o2 = 0+1 = 1, a@o2+b@o1 = 1+0 = 1 (tie), value 1.
        let hosts = [
            host("h1", offers: [offer("o1", to: "2026-03-08")]), host("h2", offers: [offer("o2", to: "2026-03-08")]),
            host("h3", offers: [offer("o3", to: "2026-03-08")]),
        ]
        let ps = [
            participant("a", to: "2026-03-08", preferences: ["o1", "o2"]),
            participant("b", to: "2026-03-08", preferences: ["o1", "o2", "o3"]),
        ]
        #expect(try solve(round(ps, hosts)).values == [2, 1])
        // Squared with c also wanting o1 only (others rank 2): a, b, c all placed on 3 offers.
        // Options: c@o1 (0) + a@o2 (1) + b@o3 (4) = 5; a@o1 + b@o2 (1) + c@o3 (1) = 2; b@o1 + a@o2 (1) + c@o2? no.
        // Best squared: a@o1 0, b@o2 1, c@o3 (rank 2 → 1) = 2.
        let ps3 = ps + [participant("c", to: "2026-03-08", preferences: ["o1"])]
        var policy = Policy.default
        policy.objective = [.placed(weights: []), .rank(cost: .squared)]
        #expect(try solve(round(ps3, hosts), policy).values == [3, 2])
    }

    @Test func worstRankAndEarly() throws {
        // a lists [o1, o2, o3], b lists [o1]; one week, capacity 1 each.
        // placed 2; worst_rank: b@o1 (1), a@o2 (2) → 2 (a@o1 would force b to rank 2 = unlisted, worst 2 as well).
        let hosts = [
            host("h1", offers: [offer("o1", to: "2026-03-08")]), host("h2", offers: [offer("o2", to: "2026-03-08")]),
            host("h3", offers: [offer("o3", to: "2026-03-08")]),
        ]
        let ps = [
            participant("a", to: "2026-03-08", preferences: ["o1", "o2", "o3"]),
            participant("b", to: "2026-03-08", preferences: ["o1"]),
        ]
        var policy = Policy.default
        policy.objective = [.placed(weights: []), .worstRank]
        #expect(try solve(round(ps, hosts), policy).values == [2, 2])
        // early: one participant, 1 week in a 4-week window: start week 0.
        policy.objective = [.placed(weights: []), .early]
        let s = try solve(round([participant("x")], [host("h", offers: [offer("o")])]), policy)
        #expect(s.values == [1, 0])
    }

    @Test func weightsPreferTheHeavierParticipant() throws {
        // One place; a weighs 1.5 (fewer opportunities), b 1: placed = 1.5 with a.
        let fo: [(name: String, value: AttributeValue)] = [("fewer_opportunities", .bool(true))]
        let ps = [participant("b", to: "2026-03-08"), participant("a", to: "2026-03-08", attributes: fo)]
        var policy = Policy.default
        policy.objective = [
            .placed(weights: [PlacedWeight(who: Selector([("fewer_opportunities", .bool(true))]), weight: 1.5)]),
            .rank(cost: .linear),
        ]
        let s = try solve(round(ps, [host("h", offers: [offer("o", to: "2026-03-08")])]), policy)
        #expect(s.values == [1.5, 0])
        #expect(s.placed == ["a"])
    }

    @Test func levelsAreHeldLexicographically() throws {
        // a lists o2 first; one place at o1 and one at o2 for a single week; b can only go to o2 (sector).
        // placed first: 2 (a@o1, b@o2) even though a's rank is then 2 rather than 1.
        let s = try solve(lexicographicRound())
        #expect(s.values == [2, 1])
        // With rank first, a goes to o2 and b is left out: rank 0 first, then placed 1.
        var policy = Policy.default
        policy.objective = [.rank(cost: .linear), .placed(weights: [])]
        let t = try solve(lexicographicRound(), policy)
        // rank 0 allows a@o2 (b out) or a out and b@o2 (rank 0 as b has no list) or nobody; placed then is 1.
        #expect(t.values == [0, 1])
    }
}
