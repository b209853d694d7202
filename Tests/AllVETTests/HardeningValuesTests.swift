import AllVET
import Foundation
import Testing

/// Values that once gave a wrong answer reported as optimal (issue 14,
/// items 5 and 6), run as a user runs them.
@Suite struct HardeningValuesTests {
    /// The example's policy with `edit` applied to its text.
    static func editedPolicy(_ edit: (String) -> String) throws -> String {
        let dir = try CLI.tempDir()
        let text = try String(
            contentsOf: CLI.root.appendingPathComponent("instances/example-policy.json"), encoding: .utf8)
        let path = dir.appendingPathComponent("policy.json").path
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `soft: 1e10` made the pair method report 9 placed as optimal (12.5 is);
    /// `weight 1e154` with `soft 1e300` 0 placed; `weight 1e-300` broke a hard
    /// quota; `weight 1e308` a NaN bound. Each is now refused before solving,
    /// with the supported range.
    @Test(arguments: [
        ("\"soft\": 1e10", "$.quotas[1].soft: error: soft 10000000000 is outside the supported range"),
        ("\"weight\": 1e154", "$.objective[0].weights[0].weight: error: the weight 1e+154 is outside"),
        ("\"weight\": 1e-300", "$.objective[0].weights[0].weight: error: the weight 1e-300 is outside"),
        ("\"weight\": 1e308", "$.objective[0].weights[0].weight: error: the weight 1e+308 is outside"),
        ("\"weight\": 0.001", "$.quotas[1].soft: error: soft 2000 is more than 1000000 times the smallest weight"),
    ])
    func weightsAndSoftPenaltiesOutsideTheRangeAreRefused(_ value: String, _ message: String) throws {
        let policy = try Self.editedPolicy { text in
            var t = text
            if value.hasPrefix("\"soft\"") {
                t = t.replacingOccurrences(of: "\"soft\": 2", with: value)
            } else {
                t = t.replacingOccurrences(of: "\"weight\": 1.5", with: value)
            }
            if value == "\"weight\": 0.001" { t = t.replacingOccurrences(of: "\"soft\": 2", with: "\"soft\": 2000") }
            return t
        }
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run([
            "solve", CLI.root.appendingPathComponent("instances/example.json").path,
            "--policy", policy, "--out", out, "--method", "decomposed",
        ])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// The edges of the range solve, and both methods agree on them.
    @Test(arguments: ["\"soft\": 1000000", "\"weight\": 1000", "\"weight\": 0.001"])
    func theEdgesOfTheRangeSolveAlikeInBothMethods(_ value: String) throws {
        let policy = try Self.editedPolicy { text in
            value.hasPrefix("\"soft\"")
                ? text.replacingOccurrences(of: "\"soft\": 2", with: value)
                : text.replacingOccurrences(of: "\"weight\": 1.5", with: value)
        }
        var values: [String] = []
        for method in ["direct", "decomposed"] {
            let out = try CLI.tempDir().appendingPathComponent("r").path
            let run = try CLI.run([
                "solve", CLI.root.appendingPathComponent("instances/example.json").path,
                "--policy", policy, "--out", out, "--method", method, "--quiet",
            ])
            #expect(run.status == 0, "\(method): \(run.stderr)")
            let summary = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json")))
            let levels = (summary as? [String: Any])?["levels"] as? [[String: Any]] ?? []
            values.append(levels.map { "\($0["value"] ?? "-") \($0["status"] ?? "-")" }.joined(separator: ", "))
        }
        #expect(values.count == 2 && values[0] == values[1], "\(values)")
        #expect(values.first?.contains("optimal") == true)
    }

    /// `"es"` as a participant's country was a country of its own, so an ES
    /// participant was placed in ES under `require_abroad`. It is read as ES
    /// (with a warning) and the only offer, in Spain, is not abroad.
    @Test func aLowerCaseCountryNoLongerDefeatsRequireAbroad() throws {
        let round = try CLI.tempDir().appendingPathComponent("round.json").path
        try """
        {"format": "allvet-instance/1", "participants": [
          {"id": "P1", "country": "es", "sector": "food", "languages": {},
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 2}],
         "hosts": [{"id": "H1", "country": "ES ", "offers": [
          {"id": "H1/o", "sectors": ["food"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 1}]}]}
        """.write(toFile: round, atomically: true, encoding: .utf8)
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run(["solve", round, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the country \"es\" is read as \"ES\""))
        #expect(run.stderr.contains("the country \"ES \" is read as \"ES\""))
        let unplaced = try readCSV(URL(fileURLWithPath: out).appendingPathComponent("unplaced.csv"))
        #expect(unplaced.map { $0["reason"] ?? "" } == ["no_candidate"], "\(unplaced)")
        #expect(unplaced.first?["detail"]?.contains("abroad") == true, "\(unplaced)")
    }
}
