import Foundation
import Testing

/// The hand-made edge cases in instances/, solved end to end; their optima
/// are worked out in instances/README.md (and cross-checked with glpsol in
/// `exportedModelsAgreeWithGlpsol`).
@Suite(.serialized) struct EdgeCaseInstanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var instance: String
        var policy: String?
        var exit: Int32
        var status: String
        var levels: [Double]
        var placed: Int
        var testDescription: String { instance + (policy.map { " + " + $0 } ?? "") }
    }

    static let cases = [
        Case(instance: "everyone-fits.json", policy: nil, exit: 0, status: "optimal", levels: [4, 0], placed: 4),
        Case(
            instance: "nobody-fits.json", policy: "nobody-fits-policy.json", exit: 0, status: "optimal",
            levels: [0, 0], placed: 0),
        Case(instance: "nobody-fits.json", policy: nil, exit: 0, status: "optimal", levels: [1, 0], placed: 1),
        Case(instance: "one-popular-host.json", policy: nil, exit: 0, status: "optimal", levels: [5, 3], placed: 5),
        Case(instance: "quotas-that-bind.json", policy: nil, exit: 0, status: "optimal", levels: [3, 0], placed: 3),
        Case(
            instance: "quotas-that-bind.json", policy: "quotas-that-bind-policy.json", exit: 0, status: "optimal",
            levels: [2, 1], placed: 2),
        Case(
            instance: "quotas-that-conflict.json", policy: "quotas-that-conflict-policy.json", exit: 2,
            status: "infeasible", levels: [], placed: 0),
    ]

    static func summary(_ out: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
    }

    @Test(arguments: cases) func solvesToTheKnownOptimum(_ c: Case) throws {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run(
            ["solve", "instances/" + c.instance, "--out", out.path, "--quiet"]
                + (c.policy.map { ["--policy", "instances/" + $0] } ?? []))
        #expect(run.status == c.exit, "stderr: \(run.stderr)")
        let s = try Self.summary(out)
        #expect(s["status"] as? String == c.status)
        #expect(s["placed"] as? Int == c.placed)
        if !c.levels.isEmpty {
            let levels = s["levels"] as! [[String: Any]]
            #expect(levels.map { $0["value"] as? Double } == c.levels)
        }
    }

    @Test func nobodyFitsNamesEachFilter() throws {
        // Each participant's id ends in the one filter that removes it.
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run([
            "solve", "instances/nobody-fits.json", "--policy", "instances/nobody-fits-policy.json", "--out", out.path,
            "--quiet",
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = try readCSV(out.appendingPathComponent("unplaced.csv"))
        #expect(rows.count == 9)
        for r in rows {
            let id = r["participant_id"]!
            let filter = String(id.split(separator: "-", maxSplits: 1)[1])
            #expect(r["reason"] == "no_candidate", "\(id)")
            #expect(r["detail"]?.hasPrefix(filter) == true, "\(id): \(r["detail"] ?? "")")
        }
        let check = try CLI.run([
            "check", "instances/nobody-fits.json", "--policy", "instances/nobody-fits-policy.json",
        ])
        #expect(check.status == 0)
        #expect(check.stdout.contains("participants without any candidate: 9"))
    }

    /// The optimum of every level of every feasible case, again by glpsol on the exported LP.
    @Test func exportedModelsAgreeWithGlpsol() throws {
        let dir = try CLI.tempDir()
        for (n, c) in Self.cases.enumerated() where c.exit == 0 {
            for level in 1...2 {
                let file = dir.appendingPathComponent("m\(n)-\(level).lp")
                let run = try CLI.run(
                    ["export", "instances/" + c.instance, "--to", "lp", "--level", String(level), "--out", file.path]
                        + (c.policy.map { ["--policy", "instances/" + $0] } ?? []))
                try #require(run.status == 0, "stderr: \(run.stderr)")
                let value = try Glpsol.optimum(file, format: "lp")
                #expect(abs(value - c.levels[level - 1]) < 1e-6, "\(c.testDescription) level \(level): glpsol \(value)")
            }
        }
    }

    @Test func readmeDescribesEveryInstance() throws {
        let dir = CLI.root.appendingPathComponent("instances")
        let readme = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name != "README.md" {
            #expect(readme.contains("`\(name)"), "instances/README.md does not mention \(name)")
        }
    }

    @Test func generatedFamiliesPassCheck() throws {
        let dir = CLI.root.appendingPathComponent("instances")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("synthetic-") }
        #expect(files.count >= 3)
        for f in files {
            let run = try CLI.run(["check", dir.appendingPathComponent(f).path])
            #expect(run.status == 0, "\(f): \(run.stderr)")
        }
    }
}
