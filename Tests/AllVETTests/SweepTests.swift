import AllVET
import Foundation
import RoundGenerator
import Testing

/// A small generated round (40 participants, 12 hosts: each solve well
/// under a second) and a sweep over it, written to a fresh folder.
struct SweepFixture {
    let dir: URL
    let instance: Instance

    /// The base policy, with `min_share` of the fewer-opportunities quota in place.
    static func policyText(minShare: String = "0.2") -> String {
        """
        {
          "format": "allvet-policy/1",
          "objective": [ { "goal": "placed" }, { "goal": "rank" } ],
          "quotas": [
            { "name": "fewer-opportunities", "who": { "fewer_opportunities": true }, "min_share": \(minShare) },
            { "name": "gender-balance", "who": { "gender": "F" }, "max_share": 0.7 }
          ],
          "limits": { "time_s": 30 }
        }
        """
    }

    static let gridValues = ["0", "0.3", "0.5"]

    /// Scenarios: base, no-quotas, an unknown quota (fails), an impossible
    /// count (infeasible), then the grid over min_share.
    static let sweepText = """
        {
          "format": "allvet-sweep/1",
          "instance": "round.json",
          "policy": "policies/base.json",
          "scenarios": [
            { "name": "base" },
            { "name": "no-quotas", "quotas": [] },
            { "name": "typo", "set": { "quotas.fewer-oportunities.min_share": 0.3 } },
            { "name": "impossible", "set": { "quotas.fewer-opportunities.min_count": 1000 } }
          ],
          "grid": { "quotas.fewer-opportunities.min_share": [0, 0.3, 0.5] }
        }
        """

    init() throws {
        dir = try CLI.tempDir()
        instance = RoundGenerator(participants: 40, hosts: 12, seed: 5).generate()
        try InstanceJSONWriter.write(instance).write(
            to: dir.appendingPathComponent("round.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try Self.policyText().write(
            to: dir.appendingPathComponent("policies/base.json"), atomically: true, encoding: .utf8)
        try Self.sweepText.write(to: dir.appendingPathComponent("sweep.json"), atomically: true, encoding: .utf8)
    }

    var sweepFile: String { dir.appendingPathComponent("sweep.json").path }
}

/// The input hash a results folder's summary.json records.
func hash(_ folder: String) throws -> String? {
    let summary =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        as? [String: Any]
    return summary?["input_hash"] as? String
}

/// comparison.csv as rows with the solve time left out (the one column that differs between runs).
func comparisonWithoutTimes(_ url: URL) throws -> [[String: String]] {
    try readCSV(url).map {
        var r = $0; r["solve_s"] = nil; return r
    }
}

@Suite(.serialized) struct SweepTests {
    @Test func readsScenariosAndGridInOrderWithStableNames() throws {
        let f = try SweepFixture()
        let spec = try SweepSpec.read(path: f.sweepFile)
        #expect(
            spec.scenarios.map(\.name) == [
                "base", "no-quotas", "typo", "impossible",
                "grid-min_share=0", "grid-min_share=0.3", "grid-min_share=0.5",
            ])
        #expect(spec.instancePath == f.dir.appendingPathComponent("round.json").standardizedFileURL.path)
        #expect(spec.policyPath == f.dir.appendingPathComponent("policies/base.json").standardizedFileURL.path)
        // Several keys: their combinations, the last varying fastest; clashing last parts keep the whole key.
        let grid = SweepSpec.gridScenarios([
            ("quotas.a.min_share", [JSONValue(.number("0.1")), JSONValue(.number("0.2"))]),
            ("quotas.b.min_share", [JSONValue(.number("1"))]), ("limits.time_s", [JSONValue(.number("5"))]),
        ])
        #expect(
            grid.map(\.name) == [
                "grid-quotas.a.min_share=0.1+quotas.b.min_share=1+time_s=5",
                "grid-quotas.a.min_share=0.2+quotas.b.min_share=1+time_s=5",
            ])
        #expect(SweepSpec.folderName("a/b c<script>") == "a_b_c_script_")
        #expect(SweepSpec.folderName("..") == "_.")
    }

    @Test func badSweepFilesAreInputErrorsWithPaths() throws {
        let text =
            #"{"format": "allvet-sweep/1", "instance": "x.json", "scenarios": [{"name": "a", "sett": {}}, {"name": "a"}], "grid": {"k": []}}"#
        #expect(throws: InputError.self) { try SweepSpec.read(data: Array(text.utf8), file: "s.json", folder: "/") }
        do {
            _ = try SweepSpec.read(data: Array(text.utf8), file: "s.json", folder: "/")
        } catch {
            let all = error.description
            #expect(all.contains("$.scenarios[0].sett: error: unknown field \"sett\""))
            #expect(all.contains("$.grid.k: error: expected a non-empty array"))
        }
        let dup = #"{"format": "allvet-sweep/1", "instance": "x.json", "scenarios": [{"name": "a"}, {"name": "a"}]}"#
        #expect(throws: InputError.self) { try SweepSpec.read(data: Array(dup.utf8), file: "s.json", folder: "/") }
    }

    @Test func scenarioChangesGoThroughThePolicyReader() throws {
        let f = try SweepFixture()
        let base = try JSONValue.parse(SweepFixture.policyText()).value
        func policy(_ changes: [(String, String)]) throws(ScenarioError) -> Policy {
            var list: [SweepSpec.Change] = []
            for (k, v) in changes { list.append(SweepSpec.Change(key: k, value: try! JSONValue.parse(v).value)) }
            return try ScenarioPolicy.policy(base: base, changes: list, instance: f.instance, file: "base.json")
        }
        #expect(
            try policy([("quotas.fewer-opportunities.min_share", "0.35")]).quotas[0].bounds == [
                .minShare(ExactDecimal(literal: "0.35")!)
            ])
        #expect(try policy([("quotas", "[]")]).quotas.isEmpty)
        #expect(try policy([("limits.time_s", "7"), ("require_abroad", "false")]).limits.timeSeconds == 7)
        #expect(try policy([("objective.rank.cost", "\"squared\"")]).objective[1] == .rank(cost: .squared))
        #expect(try policy([("quotas.gender-balance.soft", "2")]).quotas[1].soft == 2)
        #expect(
            try policy([("quotas.gender-balance.soft", "2"), ("quotas.gender-balance.soft", "null")]).quotas[1].soft
                == nil)
        #expect(throws: ScenarioError.self) { try policy([("quotas.nope.min_share", "0.3")]) }
        #expect(throws: ScenarioError.self) { try policy([("quotas.fewer-opportunities.min_share", "1.5")]) }
        #expect(throws: ScenarioError.self) { try policy([("objective.worst_rank.cost", "\"linear\"")]) }
        #expect(throws: ScenarioError.self) { try policy([("limits.threads", "2")]) }
        do { _ = try policy([("quotas.nope.min_share", "0.3")]) } catch {
            #expect(error.message.contains("no quota named \"nope\""))
            #expect(error.message.contains("\"fewer-opportunities\""))
        }
    }

    /// The rows equal what solving each scenario alone gives, the policy made by hand.
    @Test func gridRowsEqualSolvingEachScenarioAlone() throws {
        let f = try SweepFixture()
        let plan = try SweepPlan.load(SweepSpec.read(path: f.sweepFile))
        let out = f.dir.appendingPathComponent("out").path
        let runs = try SweepRunner(plan: plan, out: out, executable: CLI.binary.path, jobs: 2).run()
        #expect(runs.count == 7)
        let comparison = SweepComparison(manifest: plan.manifest, folders: [out])
        try OutputFiles.writeFile(Array(comparison.csv.utf8), to: out + "/comparison.csv", force: true)
        let rows = Dictionary(
            uniqueKeysWithValues: try readCSV(URL(fileURLWithPath: out + "/comparison.csv")).map {
                ($0["scenario"]!, $0)
            })

        var basePlaced = 0, baseMean = 0.0
        for (name, share) in [("base", "0.2")] + SweepFixture.gridValues.map({ ("grid-min_share=\($0)", $0) }) {
            let (policy, _) = try PolicyJSONReader.read(
                data: Array(SweepFixture.policyText(minShare: share).utf8), file: "p.json", instance: f.instance)
            let alone = try Engine().solve(f.instance, policy: policy, options: EngineOptions())
            let figures = RoundFigures(
                instance: f.instance, policy: policy, candidates: alone.candidates, chosen: alone.chosen)
            let ranks = alone.chosen.map { alone.candidates.ranks[$0] }
            let mean = Double(ranks.reduce(0, +)) / Double(ranks.count)
            if name == "base" { (basePlaced, baseMean) = (figures.placed, mean) }
            let row = try #require(rows[name])
            #expect(row["status"] == alone.status.rawValue)
            #expect(row["placed"] == String(figures.placed), "\(name)")
            #expect(row["mean_rank"] == SweepComparison.fmt(mean), "\(name)")
            #expect(row["worst_rank"] == String(ranks.max()!))
            #expect(row["placed_loss"] == String(basePlaced - figures.placed))
            #expect(row["mean_rank_loss"] == SweepComparison.fmt(mean - baseMean))
            let slack = figures.quotas.first { $0.name == "fewer-opportunities" }!.slack
            #expect(row["quota:fewer-opportunities:min_share:slack"] == SweepComparison.fmt(slack))
            let fo = figures.groups.first { $0.key == "fewer_opportunities" }!.values.first { $0.value == "true" }!
            #expect(
                row["rate:fewer_opportunities=true"] == SweepComparison.fmt(Double(fo.placed) / Double(fo.participants))
            )
            if name.hasPrefix("grid") { #expect(row["quotas.fewer-opportunities.min_share"] == share) }
            // The scenario's summary has the hash `allvet solve` gives for the same round and policy.
            let folder = "\(out)/scenarios/\(SweepSpec.folderName(name))"
            #expect(try hash(folder) == plan.inputHash(policy))
            if name == "base" {
                let alone = f.dir.appendingPathComponent("alone").path
                #expect(
                    try CLI.run([
                        "solve", f.dir.appendingPathComponent("round.json").path, "--policy", folder + "/policy.json",
                        "--out", alone, "--quiet",
                    ]).status == 0)
                #expect(try hash(alone) == hash(folder))
            }
        }
        // Failing and infeasible scenarios are reported in their rows; the others ran.
        #expect(rows["typo"]?["status"] == "error")
        #expect(rows["typo"]?["error"]?.contains("no quota named \"fewer-oportunities\"") == true)
        #expect(rows["impossible"]?["status"] == "infeasible")
        #expect(rows["impossible"]?["placed"] == "")
        #expect(rows["no-quotas"]?["quota:fewer-opportunities:min_share:slack"] == "")
        #expect(Int(rows["no-quotas"]!["placed"]!)! >= basePlaced)
    }

    @Test func cliSweepResumesAndShardsMergeToTheSameComparison() throws {
        let f = try SweepFixture()
        let full = f.dir.appendingPathComponent("full")
        let first = try CLI.run(["sweep", f.sweepFile, "--out", full.path, "--jobs", "2"])
        #expect(first.status == 1, "a failing scenario makes the exit code 1; stderr: \(first.stderr)")
        #expect(first.stderr.contains("[7/7]"))
        #expect(first.stderr.contains("typo: failed"))
        for name in [
            "comparison.csv", "comparison.html", "sweep.json", "scenarios/grid-min_share=0.3/report.html",
            "scenarios/grid-min_share=0.3/policy.json", "scenarios/typo/failure.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: full.appendingPathComponent(name).path), "\(name)")
        }

        // Resumed: nothing solved again, nothing rewritten.
        let summary = full.appendingPathComponent("scenarios/base/summary.json")
        let before = try FileManager.default.attributesOfItem(atPath: summary.path)[.modificationDate] as! Date
        let inode = try FileManager.default.attributesOfItem(atPath: summary.path)[.systemFileNumber] as! UInt64
        let again = try CLI.run(["sweep", f.sweepFile, "--out", full.path])
        #expect(again.stdout.contains("0 solved, 6 already done, 1 failed"), "\(again.stdout)")
        #expect(again.stderr.components(separatedBy: "already done, skipped").count - 1 == 6)
        #expect(try FileManager.default.attributesOfItem(atPath: summary.path)[.modificationDate] as! Date == before)
        #expect(try FileManager.default.attributesOfItem(atPath: summary.path)[.systemFileNumber] as! UInt64 == inode)
        #expect(try comparisonWithoutTimes(full.appendingPathComponent("comparison.csv")).count == 7)

        // A changed base policy is a different input: the changed scenarios are solved again.
        // (Checked by removing one folder: only it is solved.)
        try FileManager.default.removeItem(at: full.appendingPathComponent("scenarios/grid-min_share=0.5"))
        let third = try CLI.run(["sweep", f.sweepFile, "--out", full.path])
        #expect(third.stdout.contains("1 solved, 5 already done, 1 failed"), "\(third.stdout)")

        // Shards, merged, equal the unsharded run apart from solve times.
        var shardDirs: [String] = []
        for k in 0..<3 {
            let d = f.dir.appendingPathComponent("shard-\(k)").path
            shardDirs.append(d)
            let r = try CLI.run(["sweep", f.sweepFile, "--out", d, "--shard", "\(k)/3", "--jobs", "1", "--quiet"])
            #expect(r.status == (k == 2 ? 1 : 0), "shard \(k): \(r.stderr)")  // "typo" is index 2
            #expect(
                try readCSV(URL(fileURLWithPath: d + "/comparison.csv")).map { $0["scenario"]! }.count
                    == (k == 0 ? 3 : 2))
        }
        let merged = f.dir.appendingPathComponent("merged")
        let m = try CLI.run(["sweep", "--merge"] + shardDirs + ["--out", merged.path])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.contains("7 of 7 scenarios merged"))
        #expect(
            try comparisonWithoutTimes(merged.appendingPathComponent("comparison.csv"))
                == comparisonWithoutTimes(full.appendingPathComponent("comparison.csv")))
        let header = try String(contentsOf: merged.appendingPathComponent("comparison.csv"), encoding: .utf8).prefix(
            while: { $0 != "\n" })
        let fullHeader = try String(contentsOf: full.appendingPathComponent("comparison.csv"), encoding: .utf8).prefix(
            while: { $0 != "\n" })
        #expect(header == fullHeader)

        // A merge with a shard missing says so and marks the rows.
        let partial = try CLI.run([
            "sweep", "--merge", shardDirs[0], shardDirs[1], "--out", f.dir.appendingPathComponent("partial").path,
        ])
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("2 scenarios have no folder"))
        #expect(
            try readCSV(f.dir.appendingPathComponent("partial/comparison.csv")).filter { $0["status"] == "missing" }
                .count == 2)
    }

    @Test func cliRefusesBadArgumentsAndForeignFolders() throws {
        let f = try SweepFixture()
        #expect(try CLI.run(["sweep", "--out", "x"]).status == 64)
        #expect(try CLI.run(["sweep", f.sweepFile, "--out", "x", "--shard", "3/3"]).status == 64)
        #expect(try CLI.run(["sweep", f.sweepFile, "--out", "x", "--jobs", "0"]).status == 64)
        let foreign = f.dir.appendingPathComponent("policies").path
        let r = try CLI.run(["sweep", f.sweepFile, "--out", foreign])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a sweep folder"))
        let bad = f.dir.appendingPathComponent("bad.json")
        try #"{"format": "allvet-sweep/1", "instance": "round.json", "grid": {"quotas.x.min_share": 0.3}}"#.write(
            to: bad, atomically: true, encoding: .utf8)
        let b = try CLI.run(["sweep", bad.path, "--out", f.dir.appendingPathComponent("o").path])
        #expect(b.status == 65)
        #expect(b.stderr.contains("$.grid.quotas.x.min_share"))
        let merge = try CLI.run(["sweep", "--merge", f.dir.path, "--out", f.dir.appendingPathComponent("m").path])
        #expect(merge.status == 65)
        #expect(try CLI.run(["sweep", "--help"]).stdout.contains("--shard"))
    }
}
