import AllVET
import Foundation
import Testing

/// The price of every hard rule (issue 16): the first goal's optimum
/// without the rule minus its optimum with it, found by a re-solve, in
/// `summary.json` `quotas[].price`, the report's first section and a
/// sweep's `comparison.csv`.
@Suite struct RulePriceTests {
    static func summary(_ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func solve(_ round: String, _ policy: String, _ extra: [String] = []) throws -> String {
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run(["solve", round, "--policy", policy, "--out", out] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    /// A policy file holding `policy`'s JSON without the quota at `index`.
    static func without(_ policy: String, quota index: Int) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: policy))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var quotas = object["quotas"] as! [Any]
        quotas.remove(at: index)
        object["quotas"] = quotas
        let path = try CLI.tempDir().appendingPathComponent("without.json")
        try JSONSerialization.data(withJSONObject: object).write(to: path)
        return path.path
    }

    static func placed(_ out: String) throws -> Double {
        let levels = try summary(out)["levels"] as? [[String: Any]] ?? []
        return levels.first?["value"] as? Double ?? .nan
    }

    @Test(arguments: [
        ("instances/quotas-that-bind.json", "instances/quotas-that-bind-policy.json"),
        ("instances/sweep-demo/round.json", "instances/sweep-demo/policy.json"),
    ])
    func eachPriceEqualsAReSolveWithoutTheRule(_ round: String, _ policy: String) throws {
        let roundPath = CLI.root.appendingPathComponent(round).path
        let policyPath = CLI.root.appendingPathComponent(policy).path
        let out = try Self.solve(roundPath, policyPath)
        let quotas = try Self.summary(out)["quotas"] as? [[String: Any]] ?? []
        var seen = Set<String>()
        var names: [String] = []
        for q in quotas where seen.insert(q["name"] as! String).inserted { names.append(q["name"] as! String) }
        #expect(!names.isEmpty)
        for (i, name) in names.enumerated() {
            let row = quotas.first { $0["name"] as? String == name }!
            let without = try Self.solve(roundPath, try Self.without(policyPath, quota: i), ["--no-rule-prices"])
            let expected = try Self.placed(without) - Self.placed(out)
            #expect(row["price"] as? Double == expected, "\(name)")
            #expect(row["price_certainty"] as? String == "exact", "\(name)")
        }
        let verify = try CLI.run(["verify", roundPath, "--policy", policyPath, out])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func theReportLeadsWithThePriceInASentence() throws {
        let out = try Self.solve(
            CLI.root.appendingPathComponent("instances/quotas-that-bind.json").path,
            CLI.root.appendingPathComponent("instances/quotas-that-bind-policy.json").path)
        let report = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        let prices = try #require(report.range(of: "id=\"prices\""))
        #expect(prices.lowerBound < report.range(of: "id=\"glance\"")!.lowerBound, "the first section")
        #expect(
            report.contains(
                "Rule fewer-opportunities-half (at least 50 % of the people placed are people with "
                    + "fewer_opportunities = true) keeps exactly 1 person unplaced who could be placed without it."))
        #expect(report.contains("2 people are unplaced although a place they could take stays empty"))
        // A met bound is neutral; the price is what is highlighted.
        #expect(!report.contains("<span class=\"ok\">met</span>"))
    }

    @Test func withoutPricesTheFieldsAreNullAndTheSectionIsLeftOut() throws {
        let out = try Self.solve(
            CLI.root.appendingPathComponent("instances/quotas-that-bind.json").path,
            CLI.root.appendingPathComponent("instances/quotas-that-bind-policy.json").path, ["--no-rule-prices"])
        let quotas = try Self.summary(out)["quotas"] as? [[String: Any]] ?? []
        #expect(quotas.allSatisfy { $0["price"] is NSNull && $0["price_certainty"] is NSNull })
        let report = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!report.contains("id=\"prices\""))
    }

    /// Plain words (issue 16): every rule in a sentence from its fields, and a
    /// first goal with weights and soft rules explained, not "placed 12.5".
    @Test func rulesAndWeightedValuesAreSaidInWords() throws {
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run([
            "solve", CLI.root.appendingPathComponent("instances/example.json").path, "--policy",
            CLI.root.appendingPathComponent("instances/example-policy.json").path, "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("placed: 12.5 (optimal): 10 people placed, weighted 12.5; soft rules cost 0 points"))
        let report = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("At least 40 % of the people placed are people with fewer_opportunities = true."))
        #expect(
            report.contains(
                "At most 60 % of the people placed are people with gender = F (soft: 2 points per person short)."))
        #expect(report.contains("10 people placed, weighted 12.5; soft rules cost 0 points"))
    }

    /// The parity case of issue 16: the Portuguese learners' only host
    /// withdrew, so country parity holds only by placing nobody. The price
    /// says so, and the report says the seats stay empty.
    @Test func aParityRuleThatLevelsDownHasThePriceOfEveryoneItKeepsOut() throws {
        let dir = try CLI.tempDir()
        let round = dir.appendingPathComponent("round.json"), policy = dir.appendingPathComponent("policy.json")
        func person(_ id: String, _ country: String, _ sector: String) -> String {
            """
            {"id": "\(id)", "country": "\(country)", "sector": "\(sector)", "languages": {}, "available_from": "2026-03-02",
             "available_to": "2026-06-28", "weeks": 4}
            """
        }
        let people = [
            ("ES-1", "ES", "tourism"), ("ES-2", "ES", "tourism"), ("ES-3", "ES", "tourism"),
            ("PT-1", "PT", "food"), ("PT-2", "PT", "food"),
        ].map(person)
        try """
        {"format": "allvet-instance/1", "participants": [\(people.joined(separator: ","))],
         "hosts": [{"id": "DE-H", "country": "DE", "offers": [{"id": "DE-H/o", "sectors": ["tourism"],
          "from": "2026-03-02", "to": "2026-06-28", "capacity": 3}]}]}
        """.write(to: round, atomically: true, encoding: .utf8)
        try """
        {"format": "allvet-policy/1", "quotas": [{"name": "parity-PT", "who": {"country": "PT"}, "min_parity": 1}]}
        """.write(to: policy, atomically: true, encoding: .utf8)
        let out = try Self.solve(round.path, policy.path)
        #expect(try Self.placed(out) == 0)
        let quotas = try Self.summary(out)["quotas"] as? [[String: Any]] ?? []
        #expect(quotas.first?["price"] as? Double == 3 && quotas.first?["price_certainty"] as? String == "exact")
        let report = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("keeps exactly 3 people unplaced who could be placed without it."))
        #expect(report.contains("3 people are unplaced although a place they could take stays empty"))
    }
}
