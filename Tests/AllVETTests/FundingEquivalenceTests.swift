import AllVET
import Foundation
import PlacementVerify
import RoundGenerator
import Testing

/// The budget and the `cost` goal are carried exactly by both formulations
/// (issue 12): on generated, located rounds with the example rates and a
/// budget that binds (80 % of what the unbudgeted optimum costs), the pair
/// decomposition reaches the direct model's optimum on every level, and its
/// results pass the independent verifier, money included.
@Suite(.serialized) struct FundingEquivalenceTests {
    /// Unweighted `placed` and hard rules only: with a budget that binds, a
    /// weighted or penalised first level is a knapsack that the direct model
    /// does not prove within minutes at 60 × 15, while the decomposition
    /// proves it in under a second (docs/performance.md, "Funding").
    static let policies: [(String, Policy)] = [
        ("placed-rank-cost", Policy(objective: [.placed(weights: []), .rank(cost: .linear), .cost])),
        ("placed-cost", Policy(objective: [.placed(weights: []), .cost])),
        (
            "quota-cost-rank",
            Policy(
                objective: [.placed(weights: []), .cost, .rank(cost: .linear)],
                quotas: [Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(2)])])
        ),
    ]

    static let rounds: [(participants: Int, hosts: Int, seed: UInt64)] = [(60, 15, 21), (100, 25, 22), (200, 50, 23)]

    static func funded(_ spec: (participants: Int, hosts: Int, seed: UInt64)) throws -> Instance {
        var round = InstanceFiles.generated(
            participants: spec.participants, hosts: spec.hosts, seed: spec.seed, located: true)
        round.funding = try FundingJSONReader.read(
            data: Array(FundingGenerator.exampleRates.utf8), file: "rates", instance: round
        ).0
        #expect(FundingCheck.errors(round, fundingFile: "rates").isEmpty)
        return round
    }

    @Test(arguments: 0..<7)
    func sameOptimaAsTheDirectModel(_ index: Int) throws {
        let cases = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0)]
        let (r, p) = cases[index]
        let spec = Self.rounds[r]
        let (name, base) = Self.policies[p]
        let instance = try Self.funded(spec)
        let label = "\(spec.participants)x\(spec.hosts) \(name)"
        // The budget binds: 80 % of what the optimum without one costs.
        let free = try Engine().solve(instance, policy: base, options: EngineOptions(timeLimit: 60))
        let freeFigures = RoundFigures(
            instance: instance, policy: base, candidates: free.candidates, chosen: free.chosen)
        let freeCost = freeFigures.stayCosts.reduce(0) { $0 + $1.total }
        var policy = base
        policy.budget = ExactDecimal(numerator: freeCost * 8 / 10, denominator: 100)
        let (a, b, levels) = try expectSameOptima(instance, policy, label: label)
        // Every optimum without the budget costs at least freeCost (the cost level), so the budget
        // moves some level: it binds.
        #expect(levels != freeFigures.levelValues, "\(label): the budget binds")
        for result in [a, b] {
            let figures = RoundFigures(
                instance: instance, policy: policy, candidates: result.candidates, chosen: result.chosen)
            let total = figures.stayCosts.reduce(0) { $0 + $1.total }
            #expect(total <= policy.budgetCents!, "\(label): within the budget")
            let files = ResultFiles(result: result, inputHash: "test")
            let summary = files.summary(timings: Timings()).rendered()
            let report = ResultsVerifier(instance: instance, policy: policy).verify(
                ResultsText(assignments: files.assignments, unplaced: files.unplaced, summary: summary))
            #expect(report.holds, "\(label): \(report.text)")
        }
        #expect(levels.count == policy.objective.count)
    }
}
