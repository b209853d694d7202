import AllVET
import Foundation
import PlacementVerify
import RoundGenerator
import Testing

/// Groups are carried exactly by both formulations (issue 12): on generated
/// rounds with a fifth of the participants in groups (some with a
/// companion, some at one host), funding and, for the cost policy, a budget
/// that binds, the pair decomposition reaches the direct model's optimum on
/// every level; both results keep every group together and pass the
/// independent verifier, money included.
@Suite(.serialized) struct GroupEquivalenceTests {
    static let policies: [(String, Policy)] = [
        ("placed-rank", Policy(objective: [.placed(weights: []), .rank(cost: .linear)])),
        ("placed-rank-cost-budget", Policy(objective: [.placed(weights: []), .rank(cost: .linear), .cost])),
    ]

    static let rounds: [(participants: Int, hosts: Int, seed: UInt64)] = [(60, 15, 31), (100, 25, 32), (200, 50, 33)]

    static func grouped(_ spec: (participants: Int, hosts: Int, seed: UInt64)) throws -> Instance {
        var round = InstanceFiles.generated(
            participants: spec.participants, hosts: spec.hosts, seed: spec.seed, located: true, groups: 0.2)
        round.funding = try FundingJSONReader.read(
            data: Array(FundingGenerator.exampleRates.utf8), file: "rates", instance: round
        ).0
        #expect(FundingCheck.errors(round, fundingFile: "rates").isEmpty)
        return round
    }

    /// Each group all placed or none, on one Monday, in one city or at one host.
    static func groupsHold(_ result: RoundResult) -> [String] {
        let c = result.candidates, inst = result.instance
        var stay: [Int: Stay] = [:]
        for k in result.chosen { stay[c.stays[k].participant.rawValue] = c.stays[k] }
        var broken: [String] = []
        for gm in inst.travelGroups {
            let placed = gm.members.compactMap { stay[$0.rawValue] }
            guard !placed.isEmpty else { continue }
            if placed.count != gm.members.count {
                broken.append("\(gm.group.id): \(placed.count) of \(gm.members.count)")
            }
            if Set(placed.map(\.start)).count > 1 { broken.append("\(gm.group.id): different starts") }
            let hosts = placed.map { inst.hosts[c.offers[$0.offer.rawValue].host.rawValue] }
            let places = Set(hosts.map { gm.group.together == .host ? $0.id : $0.country + "/" + ($0.city ?? $0.id) })
            if places.count > 1 { broken.append("\(gm.group.id): \(places.sorted())") }
        }
        return broken
    }

    /// The cost policy's budget in cents, by round size: 80 % of what the
    /// round costs without a budget, companions included, so that it binds.
    /// 60 × 15: its proven optimum (placed 33, rank 15, EUR 109,005.10).
    /// 100 × 25: the decomposition's best in 60 s (placed 70, EUR 218,473.00;
    /// `allvet solve` at 043c5c6), not proven. It is written here because it
    /// was computed by that run: when the run's incumbents changed, it gave
    /// EUR 218,841.00, and the round with that budget took the direct model
    /// past its 120 s (one with this budget: about 60 s).
    static let budgetCents: [Int: Int] = [60: 8_720_408, 100: 17_477_840]

    /// 100 × 25 under `placed, rank` is left out: neither method proves its
    /// rank level in 120 s (docs/performance.md, "Groups").
    @Test(arguments: 0..<4)
    func sameOptimaAsTheDirectModel(_ index: Int) throws {
        let cases = [(0, 0), (0, 1), (1, 1), (2, 0)]
        let (r, p) = cases[index]
        let spec = Self.rounds[r]
        var (name, policy) = Self.policies[p]
        let instance = try Self.grouped(spec)
        let label = "\(spec.participants)x\(spec.hosts) \(name)"
        #expect(instance.travelGroups.filter { $0.members.count > 1 }.count >= 3, "\(label): groups generated")
        if policy.objective.contains(.cost) {
            policy.budget = ExactDecimal(numerator: try #require(Self.budgetCents[spec.participants]), denominator: 100)
        }
        // 300 s: the 100 × 25 budget round's direct model takes 60–82 s alone, and passed 120 s
        // on a clean-clone CI run with the other suites running beside it.
        let (a, b, _) = try expectSameOptima(instance, policy, label: label, limit: 300)
        for result in [a, b] {
            #expect(Self.groupsHold(result) == [], "\(label)")
            let placedGroups = instance.travelGroups.filter { gm in
                gm.members.count > 1
                    && result.chosen.contains { result.candidates.stays[$0].participant == gm.members[0] }
            }
            #expect(!placedGroups.isEmpty, "\(label): some group is placed")
            let files = ResultFiles(result: result, inputHash: "test")
            let summary = files.summary(timings: Timings()).rendered()
            let report = ResultsVerifier(instance: instance, policy: policy).verify(
                ResultsText(assignments: files.assignments, unplaced: files.unplaced, summary: summary))
            #expect(report.holds, "\(label): \(report.text)")
        }
    }

    /// The benchmark policy's rules keep a group of the 100 × 25 round out
    /// wherever it goes (three from PT to one host, at most two of one
    /// country at a host: Groups+Quotas.swift): both methods still reach
    /// the same optima, and its members' reason names the rule.
    @Test func aGroupAQuotaKeepsOutLeavesTheOptimaAlone() throws {
        let instance = try Self.grouped(Self.rounds[1])
        let fewer = Selector([("fewer_opportunities", .bool(true))])
        let policy = Policy(
            objective: [.placed(weights: []), .rank(cost: .linear)],
            quotas: [
                Quota(name: "fewer-opportunities", who: fewer, bounds: [.minShare(ExactDecimal(literal: "0.3")!)]),
                Quota(name: "mixed-groups", within: [.host, .field(.country)], bounds: [.maxCount(2)]),
            ])
        let (a, b, _) = try expectSameOptima(instance, policy, label: "100x25 benchmark policy", limit: 120)
        let keptOut = a.candidates.groupsKeptOut
        #expect(
            keptOut.values.contains {
                $0.hasPrefix("the hard quota mixed-groups allows at most 2 within host, country")
            })
        for result in [a, b] {
            #expect(Self.groupsHold(result) == [])
            let lines = ResultFiles(result: result, inputHash: "test").unplaced.split(separator: "\n")
            for (g, why) in keptOut {
                let gm = a.candidates.groups[g]
                for m in gm.members {
                    let line = lines.first { $0.hasPrefix(instance.participants[m.rawValue].id + ",") }
                    #expect(line?.contains("group \(gm.group.id) (\(gm.members.count) members) could not") == true)
                    #expect(line?.contains(why) == true, "\(line ?? "") for \(why)")
                }
            }
        }
    }
}

/// A member keeps only the weeks its group shares, which in a city of
/// several hosts need not be one run of weeks: here A (food, only at H1,
/// any Monday from week 0 to 11) shares with B (tourism, at H2 from week 0
/// to 2 or at H3 from week 7 to 9) the weeks 0–2 and 7–9 in Lisboa, so A's
/// stays at H1 skip weeks 3–6. The decomposition's pairs once assumed one
/// run of weeks per (participant, offer) and tied B's stays to A's columns.
/// C must take H1 (capacity 1) in weeks 0–1, so the group starts on week 2
/// or 7–9: all three are placed, each at its first preference (rank
/// level 0).
@Suite struct GroupWeeksWithGapsTests {
    static let round = """
        { "format": "allvet-instance/1", "name": "gap",
          "participants": [
            { "id": "B", "country": "ES", "sector": "tourism", "available_from": "2026-03-02",
              "available_to": "2026-05-31", "weeks": 2, "languages": { "es": "native" }, "group": "G", "preferences": ["H2", "H3"] },
            { "id": "C", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-03-15", "weeks": 2, "languages": { "es": "native" }, "preferences": ["H1"] },
            { "id": "A", "country": "ES", "sector": "food", "available_from": "2026-03-02",
              "available_to": "2026-05-31", "weeks": 2, "languages": { "es": "native" }, "group": "G", "preferences": ["H1"] } ],
          "hosts": [
            { "id": "H1", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H1/kitchen", "sectors": ["food"], "from": "2026-03-02", "to": "2026-05-31", "capacity": 1 } ] },
            { "id": "H2", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H2/desk", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 1 } ] },
            { "id": "H3", "country": "PT", "city": "Lisboa", "offers": [
              { "id": "H3/desk", "sectors": ["tourism"], "from": "2026-04-20", "to": "2026-05-17", "capacity": 1 } ] } ],
          "groups": [{ "id": "G", "together": "city" }] }
        """

    @Test func bothMethodsPlaceTheGroupOnASharedWeek() throws {
        let instance = try InstanceJSONReader.read(data: Array(Self.round.utf8), file: "gap.json").0
        let policy = Policy(objective: [.placed(weights: []), .rank(cost: .linear)])
        let (a, b, levels) = try expectSameOptima(instance, policy, label: "gap")
        #expect(levels == [3, 0])
        for result in [a, b] {
            #expect(GroupEquivalenceTests.groupsHold(result) == [])
            let starts = result.chosen.map { result.candidates.stays[$0].start }
            #expect(starts.count == 3)
            let files = ResultFiles(result: result, inputHash: "test")
            let report = ResultsVerifier(instance: instance, policy: policy).verify(
                ResultsText(
                    assignments: files.assignments, unplaced: files.unplaced,
                    summary: files.summary(timings: Timings()).rendered()))
            #expect(report.holds, "\(report.text)")
        }
    }
}
