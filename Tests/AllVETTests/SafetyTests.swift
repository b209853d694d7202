import AllVET
import Foundation
import RoundGenerator
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func summaryObject(_ folder: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json")))
        as! [String: Any]
}

/// A generated round big enough to take many seconds to solve, written as JSON.
func largeRound(in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent("large.json")
    try InstanceJSONWriter.write(RoundGenerator(participants: 1000, hosts: 250, seed: 7).generate()).write(
        to: url, atomically: true, encoding: .utf8)
    return url
}

/// Starts `allvet` with the arguments, output to files (no pipes to drain).
func startCLI(_ arguments: [String], in dir: URL) throws -> Process {
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = arguments
    p.currentDirectoryURL = CLI.root
    p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    p.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try p.run()
    return p
}

@Suite(.serialized) struct InfeasibleTests {
    @Test func aQuotaNobodyCanMeetIsNamedWithItsShortfall() throws {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run([
            "solve", "instances/example.json", "--policy",
            fixtures.appendingPathComponent("infeasible/too-many-fewer-opportunities.policy.json").path,
            "--out", out.path,
        ])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("many min_count 20: short by 15 placements"))
        #expect(!run.stderr.contains("mixed-groups"))
        let conflicts = try #require(try summaryObject(out)["conflicts"] as? [String: Any])
        let quotas = conflicts["quotas"] as! [[String: Any]]
        #expect(quotas.map { $0["name"] as? String } == ["many"])
        #expect(quotas.first?["by"] as? Double == 15)
        // The infeasible folder verifies too (no stays, every participant accounted for).
        let verify = try CLI.run([
            "verify", "instances/example.json", out.path, "--policy",
            fixtures.appendingPathComponent("infeasible/too-many-fewer-opportunities.policy.json").path,
        ])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func twoQuotasThatCannotBothHoldAreNamedAndTheRoomTheyNeed() throws {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let f = fixtures.appendingPathComponent("infeasible")
        let run = try CLI.run([
            "solve", f.appendingPathComponent("one-week.instance.json").path,
            "--policy", f.appendingPathComponent("one-week.policy.json").path, "--out", out.path,
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let conflicts = try #require(try summaryObject(out)["conflicts"] as? [String: Any])
        let quotas = conflicts["quotas"] as! [[String: Any]]
        let names = Set(quotas.compactMap { $0["name"] as? String })
        #expect(!names.isEmpty && names.isSubset(of: ["women", "men"]))
        #expect(quotas.reduce(0.0) { $0 + ($1["by"] as! Double) } == 2)
        let capacities = conflicts["capacities"] as! [[String: Any]]
        #expect(
            capacities.map { $0["text"] as? String } == [
                "offer DE-KITCHEN/cook capacity 2 (week=2026-03-02): over by 2 placements"
            ])
        #expect(run.stderr.contains("or, keeping every quota and lock, more room at:"))
    }
}

@Suite(.serialized) struct SafetyTests {
    /// Without timings, the summary of a run.
    func withoutTimings(_ s: String) -> String {
        s.replacingOccurrences(of: #""timings_s": \{[^}]*\}"#, with: "", options: .regularExpression)
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let dir = try CLI.tempDir()
        for name in ["a", "b"] {
            let run = try CLI.run([
                "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out",
                dir.appendingPathComponent(name).path, "--quiet",
            ])
            #expect(run.status == 0)
        }
        for file in ["assignments.csv", "unplaced.csv", "summary.json"] {
            var a = try String(contentsOf: dir.appendingPathComponent("a/" + file), encoding: .utf8)
            var b = try String(contentsOf: dir.appendingPathComponent("b/" + file), encoding: .utf8)
            if file == "summary.json" { a = withoutTimings(a); b = withoutTimings(b); #expect(a.count > 500) }
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func formulaLikeIDsAreNeutralisedAndVerifyReadsThemBack() throws {
        let dir = try CLI.tempDir()
        let round = dir.appendingPathComponent("round.json")
        try #"""
        {"format": "allvet-instance/1", "name": "inject", "participants": [
          {"id": "=HYPERLINK(\"x\")", "country": "ES", "sector": "food", "languages": {}, "available_from": "2026-03-02", "available_to": "2026-03-29", "weeks": 1},
          {"id": "-2", "country": "ES", "sector": "metal", "languages": {}, "available_from": "2026-03-02", "available_to": "2026-03-29", "weeks": 1}],
         "hosts": [{"id": "@HOST", "country": "DE", "offers": [
          {"id": "+OFFER", "sectors": ["food"], "from": "2026-03-02", "to": "2026-03-29", "capacity": 1}]}]}
        """#.write(to: round, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r")
        let run = try CLI.run(["solve", round.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let assignments = try String(contentsOf: out.appendingPathComponent("assignments.csv"), encoding: .utf8)
        #expect(assignments.contains("\"'=HYPERLINK(\"\"x\"\")\",'@HOST,'+OFFER,2026-03-02"))
        let unplaced = try String(contentsOf: out.appendingPathComponent("unplaced.csv"), encoding: .utf8)
        #expect(unplaced.hasPrefix("participant_id,reason,detail\n'-2,no_candidate,sector: "))
        let verify = try CLI.run(["verify", round.path, out.path])
        #expect(verify.stdout == "verified: 1 stay, every rule holds\n")
    }

    @Test func aKilledRunLeavesNoPartialFolderAndTheNextRunCleansUp() throws {
        let dir = try CLI.tempDir()
        let round = try largeRound(in: dir)
        let out = dir.appendingPathComponent("r")
        let p = try startCLI(["solve", round.path, "--out", out.path, "--time-limit", "120", "--no-verify"], in: dir)
        Thread.sleep(forTimeInterval: 2)
        let wasRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        if wasRunning { #expect(!FileManager.default.fileExists(atPath: out.path)) }
        // Nothing but the round is visible; a staging folder a kill could leave mid-write is hidden and stale.
        let visible = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }
            .sorted()
        #expect(visible == (wasRunning ? ["large.json"] : ["large.json", "r"]))
        let stale = dir.appendingPathComponent(".r.partial-\(p.processIdentifier)")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try "half".write(to: stale.appendingPathComponent("assignments.csv"), atomically: true, encoding: .utf8)
        let next = try CLI.run(["solve", "instances/example.json", "--out", out.path, "--quiet"])
        #expect(next.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["large.json", "r"])
    }

    @Test func sigintWritesTheBestSolutionSoFarMarkedInterrupted() throws {
        let dir = try CLI.tempDir()
        let round = try largeRound(in: dir)
        let out = dir.appendingPathComponent("r")
        let started = Stopwatch()
        let p = try startCLI(["solve", round.path, "--out", out.path, "--time-limit", "120"], in: dir)
        Thread.sleep(forTimeInterval: 3)
        let wasRunning = p.isRunning
        let signalled = started.elapsed
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let summary = try summaryObject(out)
        if wasRunning {
            #expect(p.terminationStatus == 130)
            #expect(summary["interrupted"] as? Bool == true)
            // The solve stops within about a second of Ctrl-C (docs/model.md, "Time limits and Ctrl-C"): reading,
            // building and solving together end soon after the signal. (Writing and verifying follow; this debug
            // build is slow at them, so the wall clock to exit is measured on the release build, not here.)
            let timings = summary["timings_s"] as? [String: Any] ?? [:]
            let work =
                (timings["read"] as? Double ?? 0) + (timings["build"] as? Double ?? 0)
                + ((timings["solve"] as? [Double]) ?? []).reduce(0, +)
            #expect(work < signalled + 1.5, "solving went on \(work - signalled) s after SIGINT")
        } else {
            // The solve ended before the signal: a normal result.
            #expect(p.terminationStatus == 0)
        }
        // Either way the folder is whole and verifies.
        let verify = try CLI.run(["verify", round.path, out.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// `--time-limit` covers every solve of the run through the one budget:
    /// on a round far from proven in the time (the default policy on 1,000 ×
    /// 250), the run ends about when the limit says, with a verified result.
    @Test func theTimeLimitEndsTheWholeRun() throws {
        let dir = try CLI.tempDir()
        let round = try largeRound(in: dir)
        let out = dir.appendingPathComponent("r")
        let clock = Stopwatch()
        let run = try CLI.run(["solve", round.path, "--out", out.path, "--time-limit", "4", "--quiet"])
        let seconds = clock.elapsed
        #expect([0, 3].contains(run.status), "\(run.stderr)")
        // Building and solving end within about the limit; writing and verifying follow (slow in this debug
        // build), so the wall clock gets a wide margin.
        let timings = try summaryObject(out)["timings_s"] as? [String: Any] ?? [:]
        let work = (timings["build"] as? Double ?? 0) + ((timings["solve"] as? [Double]) ?? []).reduce(0, +)
        #expect(work < 4 + 1, "building and solving took \(work) s under a 4 s limit")
        #expect(seconds < 20, "a 4 s limit took \(seconds) s in all")
        let verify = try CLI.run(["verify", round.path, out.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func theEngineStopsAfterTheFirstIncumbentAndKeepsIt() throws {
        let instance = RoundGenerator(participants: 150, hosts: 40, seed: 3).generate()
        var options = EngineOptions(timeLimit: 60)
        let seen = StopFlag()
        options.levelProgress = { if $0.incumbent != nil { seen.set() } }
        options.shouldStop = { seen.isSet }
        let result = try Engine().solve(instance, policy: .default, options: options)
        #expect(result.interrupted)
        #expect(!result.chosen.isEmpty)
        let files = ResultFiles(result: result, inputHash: "test")
        let summary = files.summary(timings: Timings()).rendered()
        #expect(summary.contains("\"interrupted\": true"))
        let report = ResultsVerifier(instance: instance, policy: .default)
            .verify(ResultsText(assignments: files.assignments, unplaced: files.unplaced, summary: summary))
        #expect(report.holds, "\(report.text)")
    }
}

final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
