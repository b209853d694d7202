import AllVET
import Foundation
import Testing

/// Each sweep scenario is solved by `allvet solve` in a process of its own:
/// one dying process does not end the sweep, and the publisher's
/// verification reaches every scenario. The "executable" here is a shell
/// script in front of the real binary that misbehaves for one scenario,
/// as GLPK aborting the process would.
@Suite(.serialized) struct SweepProcessTests {
    /// A script that runs the real `allvet` except for the scenario whose
    /// folder is `folder`, where it does `action` instead. It logs every
    /// argument list to `calls.log` beside itself.
    static func wrapper(in dir: URL, folder: String, action: String) throws -> String {
        let path = dir.appendingPathComponent("fake-allvet.sh")
        let script = """
            #!/bin/sh
            echo "$*" >> "\(dir.path)/calls.log"
            case "$*" in
              *"/scenarios/\(folder) "*) \(action) ;;
            esac
            exec "\(CLI.binary.path)" "$@"
            """
        try script.write(to: path, atomically: true, encoding: .utf8)
        chmod(path.path, 0o755)
        return path.path
    }

    static func comparisonRows(_ out: String, plan: SweepPlan) -> [String: ComparisonRow] {
        let c = SweepComparison(manifest: plan.manifest, folders: [out])
        return Dictionary(uniqueKeysWithValues: c.rows.map { ($0.name, $0) })
    }

    @Test func aScenarioWhoseProcessDiesIsReportedAndTheOthersFinish() throws {
        let f = try SweepFixture()
        let plan = try SweepPlan.load(SweepSpec.read(path: f.sweepFile))
        let out = f.dir.appendingPathComponent("out").path
        let fake = try Self.wrapper(in: f.dir, folder: "no-quotas", action: "kill -9 $$")
        let runs = try SweepRunner(plan: plan, out: out, executable: fake, jobs: 2).run()
        #expect(runs.count == 7)
        let byName = Dictionary(uniqueKeysWithValues: runs.map { ($0.name, $0.outcome) })
        guard case .failed(let message)? = byName["no-quotas"] else {
            Issue.record("no-quotas: \(String(describing: byName["no-quotas"]))")
            return
        }
        #expect(message.contains("died (signal 9)"))
        #expect(byName["base"] == .solved(.optimal, interrupted: false))
        #expect(byName["impossible"] == .solved(.infeasible, interrupted: false))
        let solved = runs.filter { if case .solved = $0.outcome { true } else { false } }
        #expect(solved.count == 5)  // all but the dead one and the typo
        let rows = Self.comparisonRows(out, plan: plan)
        #expect(rows["no-quotas"]?.status == "error")
        #expect(rows["no-quotas"]?.error?.contains("signal 9") == true)
        #expect(rows["base"]?.status == "optimal")
        let failure = out + "/scenarios/no-quotas/failure.json"
        #expect(FileManager.default.fileExists(atPath: failure))
        // Nothing of the dead process is left beside the scenario folders.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out + "/scenarios").filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "left: \(leftovers)")
    }

    @Test func everyScenarioIsSolvedAndVerifiedByTheSolveCommand() throws {
        let f = try SweepFixture()
        let plan = try SweepPlan.load(SweepSpec.read(path: f.sweepFile))
        let out = f.dir.appendingPathComponent("out").path
        // After the real solve, the scenario `base` reports a verification failure (exit 4).
        let fake = try Self.wrapper(in: f.dir, folder: "base", action: "\"\(CLI.binary.path)\" \"$@\"; exit 4")
        let runs = try SweepRunner(plan: plan, out: out, executable: fake, jobs: 1).run()
        let calls = try String(contentsOf: f.dir.appendingPathComponent("calls.log"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // One `allvet solve` a scenario whose policy could be made (not the typo), never --no-verify.
        #expect(calls.count == 6)
        #expect(
            calls.allSatisfy { $0.hasPrefix("solve ") && $0.contains("--keep-policy") && !$0.contains("--no-verify") })
        guard case .failed(let message)? = runs.first(where: { $0.name == "base" })?.outcome else {
            Issue.record("base was not reported as failed")
            return
        }
        #expect(message.hasPrefix("verification failed"))
        // Each scenario folder holds what `allvet solve --keep-policy` writes.
        let items = Set(try FileManager.default.contentsOfDirectory(atPath: out + "/scenarios/no-quotas"))
        #expect(items == ["assignments.csv", "unplaced.csv", "summary.json", "report.html", "policy.json"])
    }

    @Test func aFolderWithAVerificationFailureIsAnErrorRow() throws {
        let f = try SweepFixture()
        let plan = try SweepPlan.load(SweepSpec.read(path: f.sweepFile))
        let out = f.dir.appendingPathComponent("out").path
        _ = try SweepRunner(plan: plan, out: out, executable: CLI.binary.path, jobs: 2).run()
        #expect(Self.comparisonRows(out, plan: plan)["base"]?.status == "optimal")
        try "quota broken\n".write(
            toFile: out + "/scenarios/base/VERIFICATION-FAILED.txt", atomically: true, encoding: .utf8)
        let row = Self.comparisonRows(out, plan: plan)["base"]
        #expect(row?.status == "error")
        #expect(row?.hasSolution == false)
        #expect(row?.error?.contains("verification failed") == true)
    }
}
