import Foundation
import Testing

/// `allvet solve` and `allvet check` run as a user would, on the bundled example.
@Suite(.serialized) struct SolveCommandTests {
    /// The example round under its policy, worked out by hand:
    /// - placed: all ten can be placed at once (the run shows it), so the optimum is the upper bound
    ///   10 + 0.5·5 = 12.5 (five participants have fewer opportunities and weigh 1.5).
    /// - rank: FI-001's first choice DE-PADERBORN-CARE needs de B1, which FI-001 lacks, so FI-001 ranks ≥ 2.
    ///   PL-002's first choice DE-PADERBORN-METAL/shadowing would be a second PL participant there next to
    ///   PL-001, whose only candidate is DE-PADERBORN-METAL/cnc (FI-SAVONLINNA-TECH needs en B2; PL-001 has B1);
    ///   `mixed-groups` allows one per host and country, so PL-002 ranks ≥ 2 too. Everyone else gets rank 1:
    ///   the optimum is 1 + 1 = 2.
    @Test func solvesTheExampleToItsOptimum() throws {
        let out = try CLI.tempDir().appendingPathComponent("results")
        let run = try CLI.run([
            "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out", out.path,
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        #expect(summary["format"] as? String == "allvet-result/1")
        #expect(summary["status"] as? String == "optimal")
        let levels = summary["levels"] as! [[String: Any]]
        #expect(levels.map { $0["goal"] as? String } == ["placed", "rank"])
        #expect(levels.map { $0["value"] as? Double } == [12.5, 2])
        #expect(levels.map { $0["status"] as? String } == ["optimal", "optimal"])
        #expect(summary["placed"] as? Int == 10)
        let model = summary["model"] as! [String: Any]
        #expect((model["columns"] as? Int ?? 0) > 0)

        let rows = try readCSV(out.appendingPathComponent("assignments.csv"))
        #expect(rows.count == 10)
        #expect(rows.map { $0["participant_id"]! } == rows.map { $0["participant_id"]! }.sorted())
        let ranks = Dictionary(uniqueKeysWithValues: rows.map { ($0["participant_id"]!, Int($0["rank"]!)!) })
        #expect(ranks["FI-001"] == 2 && ranks["PL-002"] == 2)
        #expect(ranks.values.reduce(0) { $0 + $1 - 1 } == 2)
        // Stays run Monday to Sunday for the participant's weeks.
        for r in rows {
            let start = try #require(ISO8601DateFormatter.day(r["start"]!)),
                end = try #require(ISO8601DateFormatter.day(r["end"]!))
            #expect(Calendar.utc.component(.weekday, from: start) == 2)  // Monday
            #expect(Int(end.timeIntervalSince(start) / 86_400) == 7 * Int(r["weeks"]!)! - 1)
        }
        #expect(try readCSV(out.appendingPathComponent("unplaced.csv")).isEmpty)
    }

    @Test func defaultPolicyWithoutQuotas() throws {
        // Without the policy: goals [placed, rank] unweighted, no quotas. All ten placed; PL-002 now gets
        // DE-PADERBORN-METAL/shadowing (rank 1) and only FI-001 ranks 2: rank 1.
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run(["solve", "instances/example.json", "--out", out.path, "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        let levels = summary["levels"] as! [[String: Any]]
        #expect(levels.map { $0["value"] as? Double } == [10, 1])
    }

    @Test func csvFolderGivesTheSameOptimumAndHash() throws {
        let dir = try CLI.tempDir()
        let a = try CLI.run([
            "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out",
            dir.appendingPathComponent("json").path,
        ])
        let b = try CLI.run([
            "solve", "instances/example-csv", "--policy", "instances/example-policy.json", "--out",
            dir.appendingPathComponent("csv").path,
        ])
        #expect(a.status == 0 && b.status == 0)
        let sa = try String(contentsOf: dir.appendingPathComponent("json/assignments.csv"), encoding: .utf8)
        let sb = try String(contentsOf: dir.appendingPathComponent("csv/assignments.csv"), encoding: .utf8)
        #expect(sa == sb)
    }

    @Test func refusesToOverwriteAFolderItDidNotWrite() throws {
        let dir = try CLI.tempDir()
        let mine = dir.appendingPathComponent("notes.txt")
        try "keep me".write(to: mine, atomically: true, encoding: .utf8)
        let run = try CLI.run(["solve", "instances/example.json", "--out", dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("was not written by allvet"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "keep me")
        // Its own results folder is replaced.
        let out = dir.appendingPathComponent("r")
        #expect(try CLI.run(["solve", "instances/example.json", "--out", out.path, "--quiet"]).status == 0)
        #expect(try CLI.run(["solve", "instances/example.json", "--out", out.path, "--quiet"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func inputErrorsExitWith65AndNameThePlace() throws {
        let dir = try CLI.tempDir()
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"format": "allvet-instance/1", "participants": [{"id": "a"}], "hosts": []}"#.write(
            to: bad, atomically: true, encoding: .utf8)
        let run = try CLI.run(["solve", bad.path, "--out", dir.appendingPathComponent("r").path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("$.participants[0]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r").path))
    }

    @Test func infeasibleExitsWith2() throws {
        // A hard min_count of 20 fewer-opportunities placements in a round of ten.
        let dir = try CLI.tempDir()
        let policy = dir.appendingPathComponent("p.json")
        try
            #"{"format": "allvet-policy/1", "quotas": [{"name": "many", "who": {"fewer_opportunities": true}, "min_count": 20}]}"#
            .write(to: policy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r")
        let run = try CLI.run(["solve", "instances/example.json", "--policy", policy.path, "--out", out.path])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        #expect(summary["status"] as? String == "infeasible")
    }

    @Test func checkReportsWhatToKnowBeforeSolving() throws {
        let run = try CLI.run(["check", "instances/example.json", "--policy", "instances/example-policy.json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("participants: 10   hosts: 8   offers: 9"))
        #expect(run.stdout.contains("by country: DE 2, ES 2, FI 2, PL 2, PT 2"))
        #expect(run.stdout.contains("participants without any candidate: 0"))
        #expect(run.stderr.contains("PL-LUBLIN-RAIL"))  // the warning
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let run = try CLI.run(["--help"])
        #expect(run.stdout.contains("65   input error"))
        #expect(run.stdout.contains("2    infeasible"))
    }
}

extension ISO8601DateFormatter {
    static func day(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f.date(from: s)
    }
}

extension Calendar {
    static var utc: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }
}
