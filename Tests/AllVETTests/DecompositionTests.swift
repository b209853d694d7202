import AllVET
import Foundation
import PlacementVerify
import RoundGenerator
import Testing

/// The pair decomposition (the engine's default) must reach the optimal
/// values of the direct time-indexed model (the reference) on every level,
/// with schedules that pass the independent verification.
@Suite(.serialized) struct DecompositionTests {
    static let fo = Selector([("fewer_opportunities", .bool(true))])
    static let female = Selector([("gender", .string("F"))])

    /// Policies that exercise every part of the master: quotas in both scope
    /// sides, soft rules, weights, squared and worst rank.
    static let policies: [(String, Policy)] = [
        ("default", .default),
        (
            "benchmark-quotas",
            Policy(quotas: [
                Quota(name: "fo", who: fo, bounds: [.minShare(ExactDecimal(literal: "0.3")!)]),
                Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(2)]),
            ])
        ),
        (
            "soft-and-weights",
            Policy(
                objective: [.placed(weights: [PlacedWeight(who: fo, weight: 1.5)]), .rank(cost: .squared)],
                quotas: [
                    Quota(
                        name: "gender", who: female, within: [.hostCountry],
                        bounds: [.minShare(ExactDecimal(literal: "0.4")!), .maxShare(ExactDecimal(literal: "0.6")!)],
                        soft: 2),
                    Quota(
                        name: "fair", within: [.field(.country)], bounds: [.minRate(ExactDecimal(literal: "0.2")!)],
                        soft: 1),
                ])
        ),
        (
            "worst-rank",
            Policy(
                objective: [.placed(weights: []), .worstRank, .rank(cost: .linear)],
                quotas: [
                    Quota(name: "parity", who: fo, bounds: [.minParity(ExactDecimal(literal: "0.8")!)])
                ])
        ),
    ]

    static let rounds: [(participants: Int, hosts: Int, seed: UInt64)] = [
        (30, 8, 1), (60, 15, 2), (100, 25, 3), (200, 50, 4),
    ]

    /// Every policy on the two smaller rounds; on the largest, the policies
    /// the direct model proves within the limit (with soft rules and
    /// weights it does not, on this machine, in minutes).
    static let cases: [(round: Int, policy: Int)] =
        [0, 1].flatMap { r in policies.indices.map { (r, $0) } } + [(2, 0), (2, 1), (2, 3), (3, 0), (3, 1), (3, 3)]

    @Test(arguments: 0..<14)
    func sameOptimaAsTheDirectModel(_ index: Int) throws {
        let (r, p) = Self.cases[index]
        let spec = Self.rounds[r]
        let instance = RoundGenerator(participants: spec.participants, hosts: spec.hosts, seed: spec.seed).generate()
        let (name, policy) = Self.policies[p]
        let label = "\(spec.participants)x\(spec.hosts) \(name)"
        let (_, b, _) = try expectSameOptima(instance, policy, label: label)
        try expectVerified(b, label: label)
    }

    /// The benchmark rounds (copies of the shared ones, in
    /// Fixtures/benchmarks) reach the published optima: placed 413 then
    /// rank 373, and placed 830 then rank 847.
    @Test(arguments: [("500x120", [413.0, 373.0]), ("1000x250", [830.0, 847.0])])
    func benchmarkRoundReachesThePublishedOptima(_ name: String, _ optima: [Double]) throws {
        let shared = fixtures.appendingPathComponent("benchmarks")
        let round = shared.appendingPathComponent("round-\(name).json").path
        let input = try InputLoader.load(instance: round, policy: shared.appendingPathComponent("policy.json").path)
        let result = try Engine().solve(input.instance, policy: input.policy, options: EngineOptions(timeLimit: 600))
        let figures = RoundFigures(
            instance: input.instance, policy: input.policy, candidates: result.candidates, chosen: result.chosen)
        #expect(result.status == .optimal)
        #expect(figures.levelValues == optima)
        #expect(result.decomposition != nil)
        try expectVerified(result, label: name)
    }

    func expectVerified(_ result: RoundResult, label: String) throws {
        let files = ResultFiles(result: result, inputHash: "test")
        let summary = files.summary(timings: Timings()).rendered()
        let report = ResultsVerifier(instance: result.instance, policy: result.policy)
            .verify(ResultsText(assignments: files.assignments, unplaced: files.unplaced, summary: summary))
        #expect(report.holds, "\(label): \(report.text)")
    }
}

/// `early` depends on start weeks, which the decomposition sees where
/// they matter (issue 15, part 2): `automatic` and `decomposed` solve it
/// through the pair master and reach the direct model's optima.
@Suite struct EarlyGoalTests {
    @Test func theDecompositionSolvesTheEarlyGoal() throws {
        let dir = try CLI.tempDir()
        let policy = dir.appendingPathComponent("early.json")
        try #"{"format": "allvet-policy/1", "objective": [{"goal": "placed"}, {"goal": "early"}]}"#
            .write(to: policy, atomically: true, encoding: .utf8)
        var values: [String: [Double]] = [:]
        for method in ["automatic", "decomposed", "direct"] {
            let out = dir.appendingPathComponent(method)
            let run = try CLI.run([
                "solve", "instances/example.json", "--policy", policy.path, "--out", out.path, "--quiet",
                "--method", method,
            ])
            #expect(run.status == 0, "\(method): \(run.stderr)")
            let summary = try summaryObject(out)
            let model = summary["model"] as? [String: Any]
            #expect(model?["method"] as? String == (method == "direct" ? "direct" : "decomposed"), "\(method)")
            let levels = summary["levels"] as? [[String: Any]] ?? []
            #expect(levels.map { $0["status"] as? String } == ["optimal", "optimal"], "\(method)")
            values[method] = levels.compactMap { ($0["value"] as? NSNumber)?.doubleValue }
        }
        #expect(values["automatic"]?.count == 2)
        #expect(values["automatic"] == values["direct"])
        #expect(values["decomposed"] == values["direct"])
    }

    /// The alliance's rich policy (all four goals, six quotas; a copy in
    /// Fixtures/benchmarks) on small generated rounds: both methods prove
    /// the same value on every level, and the decomposition's result verifies.
    /// Rounds the direct model proves in seconds: on 30 × 10 seeds 1 and 2 it
    /// takes 119 s and more than 120 s (the decomposition 0.04 s).
    @Test(arguments: [(20, 6, UInt64(1)), (40, 12, 1), (50, 15, 2), (60, 15, 2)])
    func richPolicySameOptimaAsTheDirectModel(_ participants: Int, _ hosts: Int, _ seed: UInt64) throws {
        let instance = RoundGenerator(participants: participants, hosts: hosts, seed: seed).generate()
        let (policy, _) = try PolicyJSONReader.read(
            path: fixtures.appendingPathComponent("benchmarks/policy-rich.json").path, instance: instance)
        let label = "\(participants)x\(hosts) seed \(seed) rich"
        let (_, b, levels) = try expectSameOptima(instance, policy, label: label)
        #expect(levels.count == 4)
        try DecompositionTests().expectVerified(b, label: label)
    }
}

/// A time limit that ends the decomposition before a master solution
/// schedules still gives a verified feasible solution when one can be kept.
@Suite(.serialized) struct DecompositionTimeLimitTests {
    @Test func aShortLimitKeepsTheScheduledPartOfTheLastMasterSolution() throws {
        let instance = RoundGenerator(participants: 1000, hosts: 250, seed: 7).generate()
        let result = try Engine().solve(instance, policy: .default, options: EngineOptions(timeLimit: 3))
        // Either it finished, or it stopped with a feasible (verified) solution or none at all.
        #expect(result.status != .infeasible)
        if result.status == .feasible {
            #expect(result.levels.first?.status == .feasible || result.levels.first?.status == .optimal)
            #expect(!result.chosen.isEmpty)
        }
        let files = ResultFiles(result: result, inputHash: "test")
        let report = ResultsVerifier(instance: instance, policy: .default)
            .verify(
                ResultsText(
                    assignments: files.assignments, unplaced: files.unplaced,
                    summary: files.summary(timings: Timings()).rendered()))
        #expect(report.holds, "\(report.text)")
    }
}
