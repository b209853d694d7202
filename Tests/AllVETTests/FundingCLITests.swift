import AllVET
import Foundation
import Testing

/// The money of a round (issue 12, rounds.md section 4), as a coordinator
/// runs it: the rounds example solved with its funding file, every cost
/// worked out by hand; a budget that cannot be met; the usage and input
/// errors; verify recomputing the money.
@Suite struct FundingCLITests {
    static let dir = "instances/rounds/"
    static let round = dir + "rounds-example-money.json", policy = dir + "rounds-example-policy.json"
    static let funding = dir + "rounds-example-funding.json"

    /// Each stay of the example's optimum, worked out from rounds.md
    /// section 4 and the example's rates: (distance km, travel, individual,
    /// organisational, inclusion, cost) in euros.
    ///
    /// - DE-001 (apprentice, Paderborn 51.7189 8.7575) at Savonlinna (FI,
    ///   group 1, 85/day), 10 weeks: 1,653 km is in 500–1,999 → 309;
    ///   days 70 + 2 = 72: 14 × 85 + 58 × 85 × 0.7 = 1,190 + 3,451 = 4,641;
    ///   fewer opportunities → 125; 309 + 4,641 + 350 + 125 = 5,425.
    /// - PL-002 (staff, Lublin) at Paderborn (DE, group 2, 169/day), 1 week:
    ///   956 km → 309; days 7 + 2 = 9, all at the full rate: 9 × 169 = 1,521;
    ///   309 + 1,521 + 350 = 2,180.
    /// - ES-004 (green, Valladolid) at Lisboa pastry (PT, 74/day), 4 weeks:
    ///   496 km in 100–499 → green 285; days 28 + 6 = 34: 14 × 74 + 20 × 74 ×
    ///   0.7 = 1,036 + 1,036 = 2,072; 285 + 2,072 + 350 = 2,707.
    /// - FI-002 (green, Savonlinna) at Lisboa: 3,636 km in 3,000–3,999 →
    ///   green 785; 34 days as ES-004's: 2,072; + 350 + 125 = 3,332.
    /// - PT-001 (Lisboa) at Paderborn, 8 weeks: 2,002 km in 2,000–2,999 →
    ///   395; days 58: 1,036 + 44 × 74 × 0.7 = 1,036 + 2,279.20 = 3,315.20;
    ///   395 + 3,315.20 + 350 = 4,060.20.
    /// - DE-002 (Paderborn) at Salamanca (ES), 2 weeks: 1,623 km → 309;
    ///   days 16: 1,036 + 2 × 51.80 = 1,139.60; + 350 = 1,798.60.
    /// - ES-001, ES-003 (Valladolid) at Lisboa hotel, 4 weeks: 496 km → 211;
    ///   days 30: 1,036 + 16 × 51.80 = 1,864.80; + 350 + 125 = 2,550.80.
    /// - PL-001 (Lublin) at Paderborn, 6 weeks: 956 km → 309; days 44:
    ///   1,036 + 30 × 51.80 = 2,590; + 350 + 125 = 3,374.
    /// - PT-002 (Lisboa) at Salamanca, 3 weeks: 387 km → 211; days 23:
    ///   1,036 + 9 × 51.80 = 1,502.20; + 350 + 125 = 2,188.20.
    static let byHand: [String: [String]] = [
        "DE-001": ["1653", "309.00", "4641.00", "350.00", "125.00", "5425.00"],
        "DE-002": ["1623", "309.00", "1139.60", "350.00", "0.00", "1798.60"],
        "ES-001": ["496", "211.00", "1864.80", "350.00", "125.00", "2550.80"],
        "ES-003": ["496", "211.00", "1864.80", "350.00", "125.00", "2550.80"],
        "ES-004": ["496", "285.00", "2072.00", "350.00", "0.00", "2707.00"],
        "FI-002": ["3636", "785.00", "2072.00", "350.00", "125.00", "3332.00"],
        "PL-001": ["956", "309.00", "2590.00", "350.00", "125.00", "3374.00"],
        "PL-002": ["956", "309.00", "1521.00", "350.00", "0.00", "2180.00"],
        "PT-001": ["2002", "395.00", "3315.20", "350.00", "0.00", "4060.20"],
        "PT-002": ["387", "211.00", "1502.20", "350.00", "125.00", "2188.20"],
    ]

    @Test func everyCostOfTheExampleAsWorkedOutByHand() throws {
        let out = try CLI.tempDir().appendingPathComponent("money")
        let r = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--funding", Self.funding, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out.appendingPathComponent("assignments.csv"))
        #expect(rows.count == Self.byHand.count)
        let columns = ["distance_km", "travel", "individual", "organisational", "inclusion", "cost"]
        for row in rows {
            let id = row["participant_id"]!
            #expect(columns.map { row[$0] ?? "" } == Self.byHand[id], "\(id)")
        }
        let summary = try summaryObject(out)
        let money = try #require(summary["funding"] as? [String: Any])
        // 5,425 + 1,798.60 + 2 × 2,550.80 + 2,707 + 3,332 + 3,374 + 2,180 + 4,060.20 + 2,188.20 = 30,166.60
        #expect((money["total"] as? NSNumber)?.doubleValue == 30166.60)
        #expect((money["left"] as? NSNumber)?.doubleValue == 60000 - 30166.60)
        let text = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(text.contains("\"total\": 30166.60,"), "euros with two decimals (ruling 18)")
        let levels = try #require(summary["levels"] as? [[String: Any]])
        #expect(levels.last?["goal"] as? String == "cost" && levels.last?["value"] as? Int == 3_016_660)
        // The report shows the money: the total, the budget left, per sending country.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"money\">"))
        #expect(html.contains("The stays cost EUR 30166.60 in all. The budget of EUR 60000.00 leaves EUR 29833.40."))
        #expect(html.contains("<h3>By sending country</h3>"))
        // check --funding shows each participant's range before solving.
        let check = try CLI.run([
            "check", Self.round, "--policy", Self.policy, "--funding", Self.funding,
        ])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("  DE-001  4,824.40 at ES-SALAMANCA-HOSTEL … 5,425.00 at FI-SAVONLINNA-SPA"))
        #expect(check.stdout.contains("  ES-002  no candidate stay"))
        // verify recomputes the money; a hand-edited cost is a figure that differs.
        let verify = try CLI.run(["verify", Self.round, out.path, "--policy", Self.policy])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let assignments = out.appendingPathComponent("assignments.csv")
        let edited = try String(contentsOf: assignments, encoding: .utf8).replacingOccurrences(
            of: ",4641.00,", with: ",4640.00,")
        try edited.write(to: assignments, atomically: true, encoding: .utf8)
        let tampered = try CLI.run(["verify", Self.round, out.path, "--policy", Self.policy])
        #expect(tampered.status == 5, "\(tampered.stdout)")
        #expect(tampered.stdout.contains("individual is 4640.00; recomputed: 4641.00"))
    }

    /// A budget below what the locked stays cost: infeasible, and said in
    /// money; verify holds the budget as a rule.
    @Test func aBudgetTooSmallIsExplainedInMoney() throws {
        let dir = try CLI.tempDir()
        var policy = try String(contentsOfFile: Self.policy, encoding: .utf8)
        policy = policy.replacingOccurrences(of: "\"max\": 60000", with: "\"max\": 3000")
        let path = dir.appendingPathComponent("policy.json")
        try policy.write(to: path, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run([
            "solve", Self.round, "--policy", path.path, "--funding", Self.funding, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("budget EUR 3,000.00: short by EUR "), "\(r.stderr)")
    }

    /// `generate --funding` writes a located round and the example rates,
    /// which solve with a budget and verify.
    @Test func aGeneratedRoundWithItsRatesSolves() throws {
        let dir = try CLI.tempDir()
        let round = dir.appendingPathComponent("round.json").path, rates = dir.appendingPathComponent("rates.json").path
        let g = try CLI.run([
            "generate", "--participants", "40", "--hosts", "10", "--seed", "4", "--out", round, "--funding", rates,
        ])
        #expect(g.status == 0, "\(g.stderr)")
        let policy = dir.appendingPathComponent("policy.json")
        try """
        {"format": "allvet-policy/1", "objective": [{"goal": "placed"}, {"goal": "cost"}], "budget": {"max": 50000}}
        """.write(to: policy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run([
            "solve", round, "--policy", policy.path, "--funding", rates, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let money = try #require(try summaryObject(out)["funding"] as? [String: Any])
        let total = try #require((money["total"] as? NSNumber)?.doubleValue)
        #expect(total > 0 && total <= 50000)
    }

    /// `report` renders the money again from the folder (its funding file
    /// named in summary.json), and `export` writes the budget and the cost
    /// goal into the model: glpsol, another solver, reaches solve's optimum.
    @Test func reportAndExportCarryTheMoney() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("money")
        let r = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--funding", Self.funding, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let again = dir.appendingPathComponent("again.html")
        let report = try CLI.run(["report", out.path, "--out", again.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: again) == Data(contentsOf: out.appendingPathComponent("report.html")))
        let model = dir.appendingPathComponent("cost.lp")
        let args = ["export", Self.round, "--policy", Self.policy, "--to", "lp", "--level", "3", "--out", model.path]
        #expect(try CLI.run(args).status == 64, "a budget without --funding cannot be exported")
        let export = try CLI.run(args + ["--funding", Self.funding])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try String(contentsOf: model, encoding: .utf8).contains("= budget"), "the budget row is named")
        #expect(try Glpsol.optimum(model, format: "lp") == 3_016_660)
    }

    /// A budget that binds is the reason given to those it leaves out, in
    /// money (a hard rule like a quota: reason `quota`).
    @Test func aBindingBudgetIsTheReasonGiven() throws {
        let dir = try CLI.tempDir()
        var policy = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.policy))) as? [String: Any])
        policy["budget"] = ["max": 20000]
        policy["quotas"] = []
        let path = dir.appendingPathComponent("policy.json")
        try JSONSerialization.data(withJSONObject: policy).write(to: path)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run([
            "solve", Self.round, "--policy", path.path, "--funding", Self.funding, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let unplaced = try readCSV(out.appendingPathComponent("unplaced.csv")).filter { $0["reason"] != "no_candidate" }
        #expect(!unplaced.isEmpty)
        // 20,000 − 17,974.40 spent = 2,025.60 left, less than any stay with a free place costs.
        for row in unplaced {
            #expect(row["reason"] == "quota", "\(row)")
            #expect(row["detail"]?.hasPrefix("placing would break the budget (EUR 2,025.60 left; ") == true, "\(row)")
        }
    }

    @Test func usageAndInputErrors() throws {
        let dir = try CLI.tempDir()
        // A budget or a cost goal without --funding: exit 64.
        let noFunding = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--out", dir.appendingPathComponent("a").path,
        ])
        #expect(noFunding.status == 64)
        #expect(noFunding.stderr.contains("add --funding FILE"))
        // A host without a location: exit 65, naming its JSON path.
        var round = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.round))) as? [String: Any])
        var hosts = try #require(round["hosts"] as? [[String: Any]])
        hosts[0]["location"] = nil
        round["hosts"] = hosts
        let path = dir.appendingPathComponent("round.json")
        try JSONSerialization.data(withJSONObject: round).write(to: path)
        let missing = try CLI.run([
            "solve", path.path, "--policy", Self.policy, "--funding", Self.funding, "--out",
            dir.appendingPathComponent("b").path,
        ])
        #expect(missing.status == 65, "\(missing.stderr)")
        #expect(missing.stderr.contains("$.hosts[0]: error: host PT-LISBOA-HOTEL has no location"), "\(missing.stderr)")
        // Overlapping bands in the funding file: exit 65, naming the band.
        var rates = try String(contentsOfFile: Self.funding, encoding: .utf8)
        rates = rates.replacingOccurrences(of: "\"min_km\": 100,", with: "\"min_km\": 90,")
        let ratesPath = dir.appendingPathComponent("funding.json")
        try rates.write(to: ratesPath, atomically: true, encoding: .utf8)
        let overlap = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--funding", ratesPath.path, "--out",
            dir.appendingPathComponent("c").path,
        ])
        #expect(overlap.status == 65)
        #expect(overlap.stderr.contains("$.travel.bands[1]: error: the band 90–499 km overlaps the band 10–99 km"))
    }
}

/// The documented sweep of docs/sweeps.md, "The price of a budget": as the
/// budget falls, placements never rise, each scenario stays within its
/// budget, and a cut costs placements somewhere.
@Suite struct BudgetSweepTests {
    @Test func placementsFallAsTheBudgetIsCut() throws {
        let out = try CLI.tempDir().appendingPathComponent("budget")
        let r = try CLI.run(["sweep", "instances/funding/sweep-budget.json", "--out", out.path, "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out.appendingPathComponent("comparison.csv"))
        #expect(rows.count == 10 && rows.allSatisfy { $0["status"] == "optimal" })
        var lastPlaced = Int.max
        for row in rows {
            let placed = try #require(Int(row["placed"] ?? ""))
            let cost = try #require(Double(row["cost"] ?? ""))
            if let budget = Double(row["budget.max"] ?? "") {
                #expect(cost <= budget, "\(row["scenario"]!): costs \(cost), budget \(budget)")
            }
            #expect(placed <= lastPlaced, "\(row["scenario"]!): more placed with a smaller budget")
            lastPlaced = placed
        }
        #expect(Int(rows.last!["placed_loss"] ?? "") ?? 0 > 0, "the smallest budget costs placements")
    }
}
