import AllVET
import Foundation
import Testing

/// Cases that once crashed allvet or lost a file, each reproduced first.
@Suite struct HardeningTests {
    static let hostScopedPolicy = """
        {
          "format": "allvet-policy/1",
          "quotas": [
            { "name": "per-host", "within": ["host"], "max_count": 2 },
            { "name": "per-offer-country", "who": { "kind": "apprentice" }, "within": ["offer", "country"], "min_share": 0.1 }
          ]
        }
        """

    /// A round with no hosts and quotas whose `within` has placement-side
    /// keys crashed solve, verify, export and sweep (an empty scope tuple
    /// was indexed). Now such a rule stands in no scope.
    @Test(arguments: [0, 3]) func placementScopesWithoutHostsOrOffers(hosts: Int) throws {
        let dir = try CLI.tempDir()
        let round = dir.appendingPathComponent("round.json").path
        let policy = dir.appendingPathComponent("policy.json").path
        var instance = InstanceFiles.generated(participants: 6, hosts: hosts, seed: 2)
        for h in instance.hosts.indices { instance.hosts[h].offers = [] }  // hosts without offers
        try InstanceJSONWriter.write(instance).write(toFile: round, atomically: true, encoding: .utf8)
        try Self.hostScopedPolicy.write(toFile: policy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r").path
        let solve = try CLI.run(["solve", round, "--policy", policy, "--out", out, "--quiet"])
        #expect(solve.reason == .exit && solve.status == 0, "\(solve.stderr)")
        let verify = try CLI.run(["verify", round, out, "--policy", policy])
        #expect(verify.reason == .exit && verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let export = try CLI.run([
            "export", round, "--policy", policy, "--to", "lp", "--out", dir.appendingPathComponent("m.lp").path,
        ])
        #expect(export.reason == .exit && export.status == 0, "\(export.stderr)")
        let summary = try summaryObject(URL(fileURLWithPath: out))
        let quotas = summary["quotas"] as? [[String: Any]] ?? []
        // Hosts without offers are scopes of `host` (with nothing placed); `offer` has none.
        #expect(quotas.filter { $0["name"] as? String == "per-offer-country" }.isEmpty)
        #expect(quotas.filter { $0["name"] as? String == "per-host" }.count == hosts)
    }

    /// Decimals with 15 to 18 digits, as spreadsheets and float-to-text
    /// conversions write them, overflowed `Int` in the exact quota tests
    /// (`min_rate 0.999999999999999999` on the example, `min_parity
    /// 0.333333333333333` on 290 participants) and crashed after the solve.
    @Test(arguments: [
        ("min_rate", "0.999999999999999999", 10),
        ("min_parity", "0.333333333333333", 290),
        ("min_share", "0.12345678901234567", 290),
    ])
    func longDecimalsAreExact(bound: String, literal: String, participants: Int) throws {
        let dir = try CLI.tempDir()
        let round = dir.appendingPathComponent("round.json").path
        let policy = dir.appendingPathComponent("policy.json").path
        let instance = InstanceFiles.generated(participants: participants, hosts: max(8, participants / 4), seed: 3)
        try InstanceJSONWriter.write(instance).write(toFile: round, atomically: true, encoding: .utf8)
        let text = """
            { "format": "allvet-policy/1",
              "quotas": [ { "name": "long", "who": { "kind": "apprentice" }, "within": ["country"], "\(bound)": \(literal) } ],
              "limits": { "time_s": 60 } }
            """
        try text.write(toFile: policy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r").path
        let solve = try CLI.run(["solve", round, "--policy", policy, "--out", out, "--quiet"])
        #expect(solve.reason == .exit, "killed by signal \(solve.status): \(solve.stderr)")
        #expect([0, 2].contains(solve.status), "\(solve.stderr)")
        let verify = try CLI.run(["verify", round, out, "--policy", policy])
        #expect(verify.reason == .exit && verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// `solve res/round.json --policy res/policy.json --out res` deleted both
    /// inputs; a file a user adds to a results folder was dropped.
    @Test func resultsNeverReplaceInputsOrForeignFiles() throws {
        let dir = try CLI.tempDir()
        let res = dir.appendingPathComponent("res")
        let first = try CLI.run(["solve", "instances/example.json", "--out", res.path, "--quiet"])
        #expect(first.status == 0)
        let round = res.appendingPathComponent("round.json").path
        try FileManager.default.copyItem(
            atPath: CLI.root.appendingPathComponent("instances/example.json").path, toPath: round)
        let inside = try CLI.run(["solve", round, "--out", res.path, "--quiet"])
        #expect(inside.status == 64, "\(inside.stderr)")
        #expect(inside.stderr.contains("would replace or write into the input"))
        // A file of the user's in the folder: the folder is left as it is.
        let again = try CLI.run(["solve", "instances/example.json", "--out", res.path, "--quiet"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("holds files allvet did not write (round.json)"))
        #expect(FileManager.default.fileExists(atPath: round))
    }

    /// `--force` turned a device or a FIFO into a regular file.
    @Test func forceReplacesOnlyWhatAllvetCouldHaveWritten() throws {
        let dir = try CLI.tempDir()
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try CLI.run(["export", "instances/example.json", "--to", "json", "--out", fifo, "--force"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("is a device, FIFO or socket"))
        #expect(FileKind(path: fifo) == .special)
        // A folder with other files is not replaced by a CSV export either.
        let folder = dir.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let csv = try CLI.run(["export", "instances/example.json", "--to", "csv", "--out", folder.path, "--force"])
        #expect(csv.status == 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
        // A regular file is replaced as before.
        let file = dir.appendingPathComponent("round.json").path
        try "old".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(
            try CLI.run(["export", "instances/example.json", "--to", "json", "--out", file, "--force"]).status == 0)
    }

    /// A symbolic link given as `--out` became a real folder; `--out ""`
    /// said ": exists".
    @Test func outLinksAreFollowedAndEmptyOutIsAUsageError() throws {
        let dir = try CLI.tempDir()
        let target = dir.appendingPathComponent("target")
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let run = try CLI.run(["solve", "instances/example.json", "--out", link.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileKind(path: link.path) == .symbolicLink)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("summary.json").path))
        let empty = try CLI.run(["solve", "instances/example.json", "--out", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--out is empty"))
    }

    /// `allvet check ... | head -1` ended with SIGPIPE (exit 141).
    @Test func aClosedPipeIsNotACrash() throws {
        // allvet writes to a pipe whose reader has already gone.
        let pipe = Pipe()
        let q = Process()
        q.executableURL = CLI.binary
        q.arguments = ["check", "instances/example.json"]
        q.currentDirectoryURL = CLI.root
        q.standardOutput = pipe
        try pipe.fileHandleForReading.close()
        try q.run()
        q.waitUntilExit()
        #expect(q.terminationReason == .exit, "killed by signal \(q.terminationStatus)")
        #expect(q.terminationStatus == 0)
    }

    /// `sweep --merge` followed `"folder": "../.."` from a forged sweep.json.
    @Test func mergeRefusesFoldersThatAreNotPlainNames() throws {
        let dir = try CLI.tempDir()
        let shard = dir.appendingPathComponent("shard")
        try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: false)
        let forged = """
            { "format": "allvet-sweep-run/1", "sweep_hash": "x", "instance": "r",
              "scenarios": [ { "name": "s", "folder": "../..", "values": [] } ] }
            """
        try forged.write(to: shard.appendingPathComponent("sweep.json"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["sweep", "--merge", shard.path, "--out", dir.appendingPathComponent("m").path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("not a plain folder name"))
    }

    /// A run that ended with no solution marked everyone `capacity` ("the
    /// optimum uses the places otherwise"), and a stop before the first
    /// solution wrote `bound: 1.7976931348623157e+308`. (The direct model:
    /// the decomposition keeps the plain greedy's solution, below.)
    @Test func noSolutionMeansNotSolvedAndNoFakeBound() throws {
        let dir = try CLI.tempDir()
        let round = try largeRound(in: dir)
        let out = dir.appendingPathComponent("r")
        let run = try CLI.run([
            "solve", round.path, "--out", out.path, "--time-limit", "0.01", "--quiet", "--method", "direct",
        ])
        #expect(run.status == 3, "\(run.stderr)")
        let unplaced = try String(contentsOf: out.appendingPathComponent("unplaced.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 2).map(String.init) }
        #expect(!unplaced.isEmpty)
        #expect(unplaced.allSatisfy { $0[1] == "not_solved" || $0[1] == "no_candidate" })
        #expect(unplaced.contains { $0[1] == "not_solved" && $0[2].contains("within the time limit") })
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(!summary.contains("e+308"))
        let verify = try CLI.run(["verify", round.path, out.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// Cut short before any master solves, the decomposition keeps the plain
    /// greedy's solution (issue 15): exit 0, `feasible`, verified, and no
    /// participant with a candidate marked `not_solved`.
    @Test func aRunCutShortKeepsTheGreedysSolution() throws {
        let dir = try CLI.tempDir()
        let round = try largeRound(in: dir)
        let out = dir.appendingPathComponent("r")
        let run = try CLI.run(["solve", round.path, "--out", out.path, "--time-limit", "0.01", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"status\": \"feasible\""), "\(summary.prefix(400))")
        let unplaced = try String(contentsOf: out.appendingPathComponent("unplaced.csv"), encoding: .utf8)
        #expect(!unplaced.contains(",not_solved,"))
        let verify = try CLI.run(["verify", round.path, out.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// `verify` ignored `input_hash` and whether bound, value and gap agree.
    @Test func verifyChecksTheInputHashAndEachLevelsBoundAndGap() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("r")
        let policy = "instances/example-policy.json"
        #expect(
            try CLI.run(["solve", "instances/example.json", "--policy", policy, "--out", out.path, "--quiet"]).status
                == 0)
        // Other inputs: the same round under the default policy.
        // A summary finding (exit 5, issue 11): the stays still keep every rule of the round given.
        let other = try CLI.run(["verify", "instances/example.json", out.path])
        #expect(other.status == 5)
        #expect(other.stdout.contains("input_hash"))
        let summaryURL = out.appendingPathComponent("summary.json")
        let original = try String(contentsOf: summaryURL, encoding: .utf8)
        for (from, to, rule) in [
            ("\"bound\": 12.5,", "\"bound\": 13,", "$.levels[0].bound"),  // a proven level whose bound is not its value
            ("\"gap\": 0,", "\"gap\": 0.5,", "$.levels[0].gap"),
            ("      \"status\": \"optimal\"\n", "      \"status\": \"solved\"\n", "$.levels[0].status"),
        ] {
            #expect(original.contains(from), "the summary has no \(from)")
            try original.replacingOccurrences(of: from, with: to).write(
                to: summaryURL, atomically: true, encoding: .utf8)
            let run = try CLI.run(["verify", "instances/example.json", out.path, "--policy", policy])
            #expect(run.status == 5, "\(from) → \(to)")
            #expect(run.stdout.contains(rule), "\(run.stdout)")
        }
        try original.write(to: summaryURL, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["verify", "instances/example.json", out.path, "--policy", policy]).status == 0)
    }
}
