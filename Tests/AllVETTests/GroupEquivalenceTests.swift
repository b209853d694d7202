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
            // The budget binds: 80 % of what the optimum without one costs, companions included.
            let free = try Engine().solve(instance, policy: policy, options: EngineOptions(timeLimit: 60))
            let freeCost = RoundFigures(
                instance: instance, policy: policy, candidates: free.candidates, chosen: free.chosen
            ).levelValues[2]
            policy.budget = ExactDecimal(numerator: Int(freeCost) * 8 / 10, denominator: 100)
        }
        let (a, b, _) = try expectSameOptima(instance, policy, label: label)
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
}
