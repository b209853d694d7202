import AllVET
import Foundation
import Testing

/// Runs glpsol (installed by scripts/setup.sh) on a model file and returns
/// the optimal objective value of the file.
enum Glpsol {
    static let path = "/usr/bin/glpsol"

    static func optimum(_ file: URL, format: String) throws -> Double {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(
                "\(path) is missing: these tests check exported models with glpsol. Run scripts/setup.sh (apt-get install glpk-utils)."
            )
        }
        let report = file.deletingPathExtension().appendingPathExtension("report")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = [format == "lp" ? "--lp" : "--freemps", file.path, "--tmlim", "120", "-o", report.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, let text = try? String(contentsOf: report, encoding: .utf8) else {
            throw Failure("glpsol failed on \(file.lastPathComponent):\n\(log)")
        }
        // "Status:     INTEGER OPTIMAL" (a model without integer columns, such as one with no candidates: "OPTIMAL")
        let status = text.split(separator: "\n").first { $0.hasPrefix("Status:") }.map {
            $0.dropFirst(7).trimmingCharacters(in: .whitespaces)
        }
        guard status == "INTEGER OPTIMAL" || status == "OPTIMAL" else {
            throw Failure(
                "glpsol did not prove an optimum for \(file.lastPathComponent) (status \(status ?? "none")):\n\(log)")
        }
        // "Objective:  obj = 12.5 (MAXimum)"
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
            let eq = line.firstIndex(of: "="),
            let value = Double(line[line.index(after: eq)...].split(separator: " ").first ?? "")
        else {
            throw Failure("no objective line in glpsol's report:\n\(text)")
        }
        return value
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

/// `allvet export` run as a user would.
@Suite(.serialized) struct ExportCommandTests {
    /// The levels' values that `allvet solve` reports.
    static func solvedLevels(_ instance: String, policy: String?) throws -> [Double] {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run(
            ["solve", instance, "--out", out.path, "--quiet"] + (policy.map { ["--policy", $0] } ?? []))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        return (summary["levels"] as! [[String: Any]]).map { $0["value"] as! Double }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var policy: String?
        var expected: [Double]
        var testDescription: String { policy ?? "default policy" }
    }

    /// The example's optima, worked out by hand in SolveCommandTests.
    static let cases = [
        Case(policy: "instances/example-policy.json", expected: [12.5, 2]), Case(policy: nil, expected: [10, 1]),
    ]

    @Test(arguments: cases) func glpsolReachesTheOptimaOfSolveOnEveryLevel(_ c: Case) throws {
        let solved = try Self.solvedLevels("instances/example.json", policy: c.policy)
        #expect(solved == c.expected)
        let dir = try CLI.tempDir()
        for level in 1...2 {
            for format in ["lp", "mps"] {
                let file = dir.appendingPathComponent("level\(level).\(format)")
                let run = try CLI.run(
                    ["export", "instances/example.json", "--to", format, "--level", String(level), "--out", file.path]
                        + (c.policy.map { ["--policy", $0] } ?? []))
                try #require(run.status == 0, "stderr: \(run.stderr)")
                let text = try String(contentsOf: file, encoding: .utf8)
                let mark = format == "lp" ? "\\" : "*"
                #expect(text.hasPrefix("\(mark) allvet "))
                #expect(text.contains("\(mark) instance: instances/example.json (\"alliance-example\""))
                #expect(
                    text.contains(
                        "\(mark) level \(level) of 2: goal \(level == 1 ? "placed (maximise)" : "rank (minimise)")"))
                #expect(text.contains("\(mark) policy: \(c.policy ?? "none")"))
                #expect(text.contains("hold_0") == (level == 2))
                var value = try Glpsol.optimum(file, format: format)
                // The MPS file minimises the negated objective of a maximised level.
                if format == "mps" && level == 1 { value = -value }
                #expect(
                    abs(value - c.expected[level - 1]) < 1e-6,
                    "level \(level) \(format): glpsol \(value), solve \(c.expected[level - 1])")
            }
        }
    }

    @Test func decomposedAndDirectHoldTheSameValues() throws {
        // The level-2 model holds level 1 at its optimum, whichever method found it.
        let instance = InstanceFiles.generated(participants: 60, hosts: 15, seed: 2)
        var direct = EngineOptions(timeLimit: 120)
        direct.method = .direct
        let a = try Engine().levelModel(instance, policy: .default, level: 1, options: direct)
        let b = try Engine().levelModel(instance, policy: .default, level: 1, options: EngineOptions(timeLimit: 120))
        #expect(a.earlier.levels.count == 1 && b.earlier.levels.count == 1)
        #expect(
            a.earlier.levels.allSatisfy { $0.status == .optimal }
                && b.earlier.levels.allSatisfy { $0.status == .optimal })
        #expect(a.earlier.levels.map { $0.value } == b.earlier.levels.map { $0.value })
        let (ma, mb) = (try #require(a.model), try #require(b.model))
        #expect(ma == mb, "the same rows, with the same hold row")
    }

    @Test(arguments: [(0, 0), (1, 1), (20, 5), (200, 50)]) func csvJSONCSVRoundTripsAreIdentical(_ size: (Int, Int))
        throws
    {
        // The CSV form has no name field: a folder's round is named after the folder, so the
        // folders carry the round's name.
        let dir = try CLI.tempDir()
        let name = "synthetic-n\(size.0)-m\(size.1)-s11"
        for sub in ["1", "2"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent(sub), withIntermediateDirectories: false)
        }
        let csv1 = dir.appendingPathComponent("1/" + name), json1 = dir.appendingPathComponent("b.json")
        let csv2 = dir.appendingPathComponent("2/" + name), json2 = dir.appendingPathComponent("d.json")
        let gen = try CLI.run([
            "generate", "--participants", String(size.0), "--hosts", String(size.1), "--seed", "11", "--format", "csv",
            "--out", csv1.path,
        ])
        try #require(gen.status == 0, "stderr: \(gen.stderr)")
        for (from, to, format) in [(csv1, json1, "json"), (json1, csv2, "csv"), (csv2, json2, "json")] {
            let run = try CLI.run(["export", from.path, "--to", format, "--out", to.path])
            try #require(run.status == 0, "stderr: \(run.stderr)")
        }
        #expect(try GenerateCommandTests.folder(csv1) == GenerateCommandTests.folder(csv2))
        #expect(try Data(contentsOf: json1) == Data(contentsOf: json2))
        // And the JSON is what `generate` writes directly.
        let direct = dir.appendingPathComponent("direct.json")
        #expect(
            try CLI.run([
                "generate", "--participants", String(size.0), "--hosts", String(size.1), "--seed", "11", "--out",
                direct.path,
            ]).status == 0)
        #expect(try Data(contentsOf: direct) == Data(contentsOf: json1))
    }

    @Test func exampleJSONAndCSVFolderConvertIntoEachOther() throws {
        let dir = try CLI.tempDir()
        let canonical = dir.appendingPathComponent("canonical.json")
        #expect(try CLI.run(["export", "instances/example.json", "--to", "json", "--out", canonical.path]).status == 0)
        // JSON → CSV → JSON, the folder named after the round: identical.
        let csv = dir.appendingPathComponent("alliance-example"), back = dir.appendingPathComponent("back.json")
        let toCSV = try CLI.run(["export", "instances/example.json", "--to", "csv", "--out", csv.path])
        #expect(toCSV.status == 0)
        #expect(!toCSV.stderr.contains("note:"))
        #expect(try CLI.run(["export", csv.path, "--to", "json", "--out", back.path]).status == 0)
        #expect(try Data(contentsOf: canonical) == Data(contentsOf: back))
        // The bundled CSV folder is the same round under its folder's name.
        let fromCSV = dir.appendingPathComponent("from-csv.json")
        #expect(try CLI.run(["export", "instances/example-csv", "--to", "json", "--out", fromCSV.path]).status == 0)
        let renamed = try String(contentsOf: canonical, encoding: .utf8)
            .replacingOccurrences(of: #""name": "alliance-example""#, with: #""name": "example-csv""#)
        #expect(try String(contentsOf: fromCSV, encoding: .utf8) == renamed)
        // A folder of another name gets a note, and the round that name.
        let other = try CLI.run([
            "export", "instances/example.json", "--to", "csv", "--out", dir.appendingPathComponent("other").path,
        ])
        #expect(other.status == 0)
        #expect(other.stderr.contains("named \"other\" (after the folder)"))
        // The same round solves the same from either form.
        #expect(try Self.solvedLevels(back.path, policy: "instances/example-policy.json") == [12.5, 2])
    }

    @Test func neverOverwritesInputsAndAsksForForce() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("in.json")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("instances/example.json"), to: input)
        let original = try Data(contentsOf: input)
        // The input itself, even with --force.
        let same = try CLI.run(["export", input.path, "--to", "json", "--out", input.path, "--force"])
        #expect(same.status == 64)
        #expect(same.stderr.contains("would overwrite the input"))
        // A folder holding the input.
        #expect(try CLI.run(["export", input.path, "--to", "csv", "--out", dir.path, "--force"]).status == 64)
        #expect(try Data(contentsOf: input) == original)
        // The policy.
        let policy = dir.appendingPathComponent("p.json")
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("instances/example-policy.json"), to: policy)
        #expect(
            try CLI.run(["export", input.path, "--policy", policy.path, "--to", "lp", "--out", policy.path, "--force"])
                .status == 64)

        let out = dir.appendingPathComponent("m.lp")
        #expect(try CLI.run(["export", input.path, "--to", "lp", "--out", out.path]).status == 0)
        let again = try CLI.run(["export", input.path, "--to", "mps", "--out", out.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("\\"))
        #expect(try CLI.run(["export", input.path, "--to", "mps", "--out", out.path, "--force"]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("*"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in.json", "m.lp", "p.json"])
    }

    @Test func argumentsAreChecked() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("x").path
        // Level beyond the policy's goals.
        let beyond = try CLI.run(["export", "instances/example.json", "--to", "lp", "--level", "3", "--out", out])
        #expect(beyond.status == 64)
        #expect(beyond.stderr.contains("the policy has 2 goals"))
        #expect(
            try CLI.run(["export", "instances/example.json", "--to", "lp", "--level", "0", "--out", out]).status == 64)
        #expect(
            try CLI.run(["export", "instances/example.json", "--to", "csv", "--level", "2", "--out", out]).status == 64)
        #expect(
            try CLI.run([
                "export", "instances/example.json", "--to", "json", "--policy", "instances/example-policy.json",
                "--out", out,
            ]).status == 64)
        #expect(try CLI.run(["export", "instances/example.json", "--to", "xls", "--out", out]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: out))
        // Invalid input: 65, nothing written.
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"format": "allvet-instance/1"}"#.write(to: bad, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["export", bad.path, "--to", "csv", "--out", out]).status == 65)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func infeasibleEarlierLevelExitsWith2() throws {
        let run = try CLI.run([
            "export", "instances/quotas-that-conflict.json", "--policy", "instances/quotas-that-conflict-policy.json",
            "--to", "lp", "--level", "2", "--out", try CLI.tempDir().appendingPathComponent("x.lp").path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("infeasible"))
    }
}
