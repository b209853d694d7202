import PlacementFormulation
import PlacementModel
import Testing

/// One test per filter of model.md, each on a round of one participant and
/// one or two offers whose candidates are worked out by hand.
@Suite struct FilterTests {
    func candidates(_ p: Participant, _ hosts: [Host], policy: Policy = .default) -> CandidateSet {
        CandidateSet(instance: round([p], hosts), policy: policy)
    }

    @Test func sectorMustMatchExactly() {
        // "Food" ≠ "food": codes match exactly.
        let c = candidates(participant("p", sector: "Food"), [host("h", offers: [offer("o", sectors: ["food"])])])
        #expect(c.stays.isEmpty)
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .sector)
    }

    @Test func emptySectorListMatchesNobody() {
        let c = candidates(participant("p"), [host("h", offers: [offer("o", sectors: [])])])
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .sector)
    }

    @Test func languageAnyOneRequirementSufficesAndNativeIsC2() {
        // Offer asks de B1 or en C2; the participant is native in en: C2 ≥ C2.
        let o = offer("o", languages: ["de": .b1, "en": .c2])
        #expect(!candidates(participant("p", languages: ["en": .native]), [host("h", offers: [o])]).stays.isEmpty)
        // en B2 < C2 and no de: removed by language.
        let c = candidates(participant("p", languages: ["en": .b2]), [host("h", offers: [o])])
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .language)
        // No requirement: everyone passes.
        #expect(!candidates(participant("p"), [host("h", offers: [offer("o")])]).stays.isEmpty)
    }

    @Test func datesGiveMondayStartsInsideBothWindows() {
        // Participant 2026-03-04 (Wed) … 2026-03-29 (Sun), 2 weeks; offer 2026-03-02 … 2026-03-29.
        // Week 0 is Monday 2026-03-02. Starts must be Mondays ≥ 03-04: 03-09 (week 1), 03-16 (week 2);
        // 03-23 would end 04-05 > 03-29. So starts {1, 2}.
        let c = candidates(
            participant("p", from: "2026-03-04", to: "2026-03-29", weeks: 2), [host("h", offers: [offer("o")])])
        #expect(c.stays.map(\.start) == [1, 2])
        #expect(c.weekZero == day("2026-03-02"))
        // A window ending on Saturday 2026-03-28 loses the start whose stay ends Sunday 03-29.
        let d = candidates(
            participant("p", from: "2026-03-02", to: "2026-03-28", weeks: 2), [host("h", offers: [offer("o")])])
        #expect(d.stays.map(\.start) == [0, 1])
        // Too short a window: removed by dates.
        let e = candidates(
            participant("p", from: "2026-03-02", to: "2026-03-12", weeks: 2), [host("h", offers: [offer("o")])])
        #expect(e.noCandidateFilter[ParticipantIndex(0)] == .dates)
    }

    @Test func durationBounds() {
        let c = candidates(participant("p", weeks: 3), [host("h", offers: [offer("o", minWeeks: 4)])])
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .duration)
        let d = candidates(participant("p", weeks: 3), [host("h", offers: [offer("o", maxWeeks: 2)])])
        #expect(d.noCandidateFilter[ParticipantIndex(0)] == .duration)
        #expect(
            !candidates(participant("p", weeks: 3), [host("h", offers: [offer("o", minWeeks: 3, maxWeeks: 3)])]).stays
                .isEmpty)
    }

    @Test func accessibilityFromHostAndOfferTogether() {
        let p = participant("p", needs: ["wheelchair", "hearing"])
        // Host gives wheelchair, offer adds hearing: both needs met.
        #expect(
            !candidates(p, [host("h", accessibility: ["wheelchair"], offers: [offer("o", accessibility: ["hearing"])])])
                .stays.isEmpty)
        let c = candidates(p, [host("h", accessibility: ["wheelchair"], offers: [offer("o")])])
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .accessibility)
    }

    @Test func ageOnTheStartMondayWith29February() {
        // Born 2008-02-29: 18 on 2026-03-01 (ruling 2). Offer window from 2026-02-23 (Monday).
        // Start 2026-02-23 (week 0): 17 → not eligible; start 2026-03-02 (week 1): 18 → eligible.
        let p = participant("p", from: "2026-02-23", to: "2026-03-15", weeks: 1, birth: "2008-02-29")
        let c = candidates(p, [host("h", offers: [offer("o", from: "2026-02-23", to: "2026-03-15", minAge: 18)])])
        #expect(c.stays.map(\.start) == [1, 2])
        // Without a birth date: not eligible.
        let q = participant("q", from: "2026-02-23", to: "2026-03-15", weeks: 1)
        let d = candidates(q, [host("h", offers: [offer("o", from: "2026-02-23", to: "2026-03-15", minAge: 18)])])
        #expect(d.noCandidateFilter[ParticipantIndex(0)] == .age)
        #expect(Day(iso: "2008-02-29")!.age(on: day("2026-02-28")) == 17)
        #expect(Day(iso: "2008-02-29")!.age(on: day("2026-03-01")) == 18)
    }

    @Test func abroadUnlessThePolicyAllowsHome() {
        let p = participant("p", country: "DE")
        let c = candidates(p, [host("h", country: "DE", offers: [offer("o")])])
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .abroad)
        var policy = Policy.default
        policy.requireAbroad = false
        #expect(!candidates(p, [host("h", country: "DE", offers: [offer("o")])], policy: policy).stays.isEmpty)
    }

    @Test func kindsAbsentAcceptAllEmptyAcceptNobody() {
        let staff = participant("p", kind: .staff)
        #expect(!candidates(staff, [host("h", offers: [offer("o")])]).stays.isEmpty)
        #expect(
            candidates(staff, [host("h", offers: [offer("o", kinds: [.apprentice])])]).noCandidateFilter[
                ParticipantIndex(0)] == .kind)
        #expect(
            candidates(staff, [host("h", offers: [offer("o", kinds: [])])]).noCandidateFilter[ParticipantIndex(0)]
                == .kind)
    }

    @Test func listedOnlyByOfferOrHostID() {
        var policy = Policy.default
        policy.onlyListed = true
        let hosts = [
            host("h1", offers: [offer("o1")]), host("h2", offers: [offer("o2")]), host("h3", offers: [offer("o3")]),
        ]
        let c = candidates(participant("p", preferences: ["h2", "o3"]), hosts, policy: policy)
        #expect(Set(c.stays.map(\.offer.rawValue)) == [1, 2])
        let d = candidates(participant("p"), hosts, policy: policy)
        #expect(d.noCandidateFilter[ParticipantIndex(0)] == .listed)
    }

    @Test func reasonIsTheFilterWhereTheLastPairFellAway() {
        // o1 fails sector, o2 fails language (later): the last pair fell away at language.
        let hosts = [host("h", offers: [offer("o1", sectors: ["ict"]), offer("o2", languages: ["fi": .b1])])]
        let c = candidates(participant("p"), hosts)
        #expect(c.noCandidateFilter[ParticipantIndex(0)] == .language)
    }

    @Test func ranksFollowTheFirstListedEntry() {
        // Preferences: ["nothing", "h2", "o1", "h2"]; "nothing" keeps position 1.
        // o1 → rank 3; o2 at h2 → rank 2; o3 at h3 unlisted → rank 5 (4 entries + 1).
        let hosts = [
            host("h1", offers: [offer("o1")]), host("h2", offers: [offer("o2")]), host("h3", offers: [offer("o3")]),
        ]
        let c = candidates(participant("p", to: "2026-03-08", preferences: ["nothing", "h2", "o1", "h2"]), hosts)
        #expect(c.ranks == [3, 2, 5])
        // With no list every offer has rank 1.
        let d = candidates(participant("p", to: "2026-03-08"), hosts)
        #expect(d.ranks == [1, 1, 1])
    }
}
