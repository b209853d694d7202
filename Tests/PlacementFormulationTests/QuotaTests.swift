import PlacementFormulation
import PlacementModel
import Testing

private let fo: [(name: String, value: AttributeValue)] = [("fewer_opportunities", .bool(true))]
private let isFO = Selector([("fewer_opportunities", .bool(true))])

/// `n` one-week places in week 0 at one host (one offer, capacity n).
private func places(_ n: Int, host id: String = "h") -> Host {
    host(id, offers: [offer("\(id)-o", to: "2026-03-08", capacity: n)])
}

private func p(
    _ id: String, country: String = "ES", fewer: Bool = false, preferences: [String] = [], sector: String = "food"
) -> Participant {
    participant(
        id, country: country, sector: sector, to: "2026-03-08", attributes: fewer ? fo : [], preferences: preferences)
}

private func with(_ quotas: [Quota], objective: [Goal] = [.placed(weights: []), .rank(cost: .linear)]) -> Policy {
    Policy(objective: objective, quotas: quotas)
}

/// Each quota bound, worked out by hand. Participants are one-week stays in
/// week 0; "x" in a preference list names nothing, so listing it first makes
/// every offer rank 2 for that participant.
@Suite(.serialized) struct QuotaTests {
    @Test func minCountForcesTheGroupIn() throws {
        // One place. b ranks it 1, a (fewer opportunities) ranks it 2. Without the quota: b, rank 0.
        let r = round([p("a", fewer: true, preferences: ["x"]), p("b")], [places(1)])
        let free = try solve(r)
        #expect(free.values == [1, 0] && free.placed == ["b"])
        // min_count 1 of fewer opportunities: a must be placed, rank 1.
        let s = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.minCount(1)])]))
        #expect(s.values == [1, 1] && s.placed == ["a"])
    }

    @Test func maxCountWithinHostAndCountry() throws {
        // Two places at one host. e1, e2 from ES and p1 from PT. max_count 1 within [host, country]:
        // one ES and the PT participant: placed 2. With e1, e2 only: placed 1.
        let q = Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(1)])
        #expect(try solve(round([p("e1"), p("e2"), p("p1", country: "PT")], [places(2)]), with([q])).values[0] == 2)
        #expect(try solve(round([p("e1"), p("e2")], [places(2)]), with([q])).values[0] == 1)
    }

    @Test func minShareLimitsTheOthers() throws {
        // Three places; a is fewer-opportunities, b, c, d are not. min_share 0.5: G ≥ 0.5·P with G ≤ 1,
        // so P ≤ 2: placed 2 (a and one other). Without: 3.
        let r = round([p("a", fewer: true), p("b"), p("c"), p("d")], [places(3)])
        #expect(try solve(r).values[0] == 3)
        let s = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.minShare(ExactDecimal(literal: "0.5")!)])]))
        #expect(s.values[0] == 2 && s.placed.contains("a"))
    }

    @Test func maxShareLimitsTheGroup() throws {
        // Four places; a1, a2, a3 fewer-opportunities, b not. max_share 0.5: G ≤ 0.5·(G + 1) → G ≤ 1: placed 2.
        let r = round([p("a1", fewer: true), p("a2", fewer: true), p("a3", fewer: true), p("b")], [places(4)])
        let s = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.maxShare(ExactDecimal(literal: "0.5")!)])]))
        #expect(s.values[0] == 2 && s.placed.contains("b"))
    }

    @Test func minRatePerCountryWithExactCeiling() throws {
        // Three places. ES: e1, e2 (rank 1); PT: t1…t4 (rank 2, "x" first). Without a quota: e1, e2 and one PT: rank 1.
        // min_rate 0.5 within country: ES ≥ ⌈0.5·2⌉ = 1, PT ≥ ⌈0.5·4⌉ = 2: one ES and two PT, rank 2.
        let ps = [p("e1"), p("e2")] + (1...4).map { p("t\($0)", country: "PT", preferences: ["x"]) }
        let r = round(ps, [places(3)])
        #expect(try solve(r).values == [3, 1])
        let q = Quota(name: "fair", within: [.field(.country)], bounds: [.minRate(ExactDecimal(literal: "0.5")!)])
        #expect(try solve(r, with([q])).values == [3, 2])
        // ⌈0.14 · 50⌉ = 7, not 8 (ruling 3).
        #expect(QuotaForm(bound: .minRate(ExactDecimal(literal: "0.14")!), nWho: 50, nAll: 50).rhs == 7)
    }

    @Test func minParityWhenTheGroupCannotBePlaced() throws {
        // a (fewer opportunities) cannot be placed (sector). min_parity 1: N_all·G − 1·N_who·P ≥ 0
        // → 4·0 − 1·P ≥ 0 → P = 0: nobody is placed.
        let r = round([p("a", fewer: true, sector: "ict"), p("b"), p("c"), p("d")], [places(3)])
        let q = Quota(name: "parity", who: isFO, bounds: [.minParity(ExactDecimal(1))])
        let s = try solve(r, with([q]))
        #expect(s.values[0] == 0 && s.statuses[0] == .optimal)
    }

    @Test func softQuotaPenaltyInTheFirstLevel() throws {
        // As above but min_share 0.5 soft: shortfall 0.5 per placement (G = 0).
        // soft 0.4: each placement gains 1 − 0.4·0.5 = 0.8 → place all 3: value 2.4.
        // soft 3: each placement costs 1.5 > 1 → place nobody: value 0.
        let r = round([p("a", fewer: true, sector: "ict"), p("b"), p("c"), p("d")], [places(3)])
        let half = ExactDecimal(literal: "0.5")!
        let cheap = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.minShare(half)], soft: 0.4)]))
        #expect(abs(cheap.values[0]! - 2.4) < 1e-9)
        #expect(cheap.placed.count == 3)
        let dear = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.minShare(half)], soft: 3)]))
        #expect(abs(dear.values[0]!) < 1e-9 && dear.placed.isEmpty)
        // A minimised first level gets the penalty added: rank first, soft 3 → rank 0, nobody placed.
        let ranked = try solve(
            r,
            with(
                [Quota(name: "fo", who: isFO, bounds: [.minShare(half)], soft: 3)],
                objective: [.rank(cost: .linear), .placed(weights: [])]))
        #expect(ranked.values == [0, 0])
    }

    @Test func placementSideScopeCountsPerHost() throws {
        // Host h has two offers of one place each; max_count 1 within [host] → placed 1 at h.
        let h = host("h", offers: [offer("o1", to: "2026-03-08"), offer("o2", to: "2026-03-08")])
        let q = Quota(name: "one-per-host", within: [.host], bounds: [.maxCount(1)])
        #expect(try solve(round([p("a"), p("b")], [h]), with([q])).values[0] == 1)
        // Within [offer]: one per offer, both placed.
        let q2 = Quota(name: "one-per-offer", within: [.offer], bounds: [.maxCount(1)])
        #expect(try solve(round([p("a"), p("b")], [h]), with([q2])).values[0] == 2)
    }

    @Test func missingAttributeIsAScopeOfItsOwn() throws {
        // min_count 1 within [gender]: scopes F, M and "missing". Two places; F, M and one without gender
        // each need one placement: 3 > 2 → infeasible. With three places: feasible, placed 3.
        let ps = [
            participant("f", to: "2026-03-08", attributes: [("gender", .string("F"))]),
            participant("m", to: "2026-03-08", attributes: [("gender", .string("M"))]),
            participant("n", to: "2026-03-08"),
        ]
        let q = Quota(name: "each-gender", within: [.attribute("gender")], bounds: [.minCount(1)])
        #expect(try solve(round(ps, [places(2)]), with([q])).statuses[0] == .infeasible)
        #expect(try solve(round(ps, [places(3)]), with([q])).values[0] == 3)
    }

    @Test func hardQuotaThatCannotBeMetIsInfeasible() throws {
        // min_count 2 of fewer opportunities, but only one exists.
        let r = round([p("a", fewer: true), p("b")], [places(2)])
        let s = try solve(r, with([Quota(name: "fo", who: isFO, bounds: [.minCount(2)])]))
        #expect(s.statuses[0] == .infeasible)
        #expect(s.outcome.values == nil)
    }
}
