import AllVET
import Foundation
import PlacementXLSX
import Testing

/// A round after it is published (issue 11), as a coordinator runs it:
/// the withdrawal walkthrough of instances/withdrawal, agreed placements
/// that cannot all be kept, and the usage and input errors of re-planning.
@Suite struct ReplanningCLITests {
    static let dir = "instances/withdrawal/"

    /// Re-planned with `changes` first, only the withdrawn host's
    /// participants change, each with the reason; the committed results are
    /// what the commands of instances/README.md write; verify accepts them.
    @Test func onlyTheWithdrawnHostsParticipantsChange() throws {
        let out = try CLI.tempDir()
        let before = out.appendingPathComponent("results"), after = out.appendingPathComponent("replanned")
        let first = try CLI.run(["solve", Self.dir + "round.json", "--out", before.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CLI.run([
            "solve", Self.dir + "round-without-DE-H0001.json", "--previous", before.path, "--out", after.path, "--xlsx",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("the goal changes (keep stay) is put first, before placed, rank"))
        let previous = try readCSV(before.appendingPathComponent("assignments.csv"))
        let withdrawn = Set(previous.filter { $0["host_id"] == "DE-H0001" }.map { $0["participant_id"]! })
        #expect(withdrawn.count == 7)
        let changes = try readCSV(after.appendingPathComponent("changes.csv"))
        #expect(Set(changes.map { $0["participant_id"]! }) == withdrawn)
        #expect(changes.allSatisfy { $0["detail"] == "host withdrawn" })
        // Everybody else keeps the same offer and the same start.
        let now = try readCSV(after.appendingPathComponent("assignments.csv"))
        for row in previous where !withdrawn.contains(row["participant_id"]!) {
            let kept = now.first { $0["participant_id"] == row["participant_id"] }
            #expect(kept?["offer_id"] == row["offer_id"] && kept?["start"] == row["start"], "\(row)")
        }
        let summary = try summaryObject(after)
        let counts = summary["changes"] as? [String: Any]
        #expect(counts?["value"] as? Int == 7 && counts?["keep"] as? String == "stay")
        #expect((summary["levels"] as? [[String: Any]])?.first?["goal"] as? String == "changes")
        // The committed walkthrough is what these commands write.
        for (folder, file) in [
            ("results", "assignments.csv"), ("replanned", "assignments.csv"), ("replanned", "changes.csv"),
        ] {
            let committed = try String(contentsOfFile: Self.dir + folder + "/" + file, encoding: .utf8)
            let fresh = try String(
                contentsOf: (folder == "results" ? before : after).appendingPathComponent(file), encoding: .utf8)
            #expect(committed == fresh, "\(folder)/\(file) is stale: run the commands of instances/README.md")
        }
        // results.xlsx gains the sheet changes, the rows of changes.csv.
        let workbook = try InstanceXLSXReader.sheets(
            bytes: [UInt8](Data(contentsOf: after.appendingPathComponent("results.xlsx"))))
        #expect(workbook.map(\.name) == ["assignments", "unplaced", "changes"])
        #expect(workbook.last?.rows.count == 8, "a header and the seven changes")
        let verify = try CLI.run([
            "verify", Self.dir + "round-without-DE-H0001.json", after.path, "--previous", before.path,
        ])
        #expect(verify.status == 0, "\(verify.stdout)")
        // The report says what changed, for whom and why.
        let html = try String(contentsOf: after.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("What changed since the previous round") && html.contains("host withdrawn"))
    }

    /// Without `--previous` the same withdrawal moves people who had
    /// nothing to do with the host: the reason re-planning exists.
    @Test func aPlainResolveMovesOthersToo() throws {
        let out = try CLI.tempDir().appendingPathComponent("plain")
        let run = try CLI.run(["solve", Self.dir + "round-without-DE-H0001.json", "--out", out.path, "--quiet"])
        #expect(run.status == 0)
        let previous = try readCSV(URL(fileURLWithPath: Self.dir + "results/assignments.csv"))
        let now = try readCSV(out.appendingPathComponent("assignments.csv"))
        let moved = previous.filter { row in
            row["host_id"] != "DE-H0001"
                && !now.contains { $0["participant_id"] == row["participant_id"] && $0["start"] == row["start"] }
        }
        #expect(moved.count >= 1)
    }

    @Test func aChangesGoalWithoutPreviousIsAUsageError() throws {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run([
            "solve", Self.dir + "round.json", "--policy", Self.dir + "policy-keep-offer.json", "--out", out.path,
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("add --previous RESULTS_DIR"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func earlierResultsThatCannotBeReadAreAnInputError() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("r")
        let missing = try CLI.run([
            "solve", Self.dir + "round.json", "--previous", dir.appendingPathComponent("none").path, "--out", out.path,
        ])
        #expect(missing.status == 65 && missing.stderr.contains("--previous expects a results folder"))
        let earlier = dir.appendingPathComponent("earlier")
        try FileManager.default.createDirectory(at: earlier, withIntermediateDirectories: true)
        try "participant_id,host_id,offer_id,start\nES-00001,DE-H0001,DE-H0001/o1,2026-03-03\n".write(
            to: earlier.appendingPathComponent("assignments.csv"), atomically: true, encoding: .utf8)
        let tuesday = try CLI.run(["solve", Self.dir + "round.json", "--previous", earlier.path, "--out", out.path])
        #expect(tuesday.status == 65)
        #expect(tuesday.stderr.contains("assignments.csv: line 2, column \"start\": error: Expected the start Monday"))
    }

    /// Two locks that need the same single place in the same week: the
    /// round is infeasible and the explanation names both locks.
    @Test func clashingLocksAreExplainedByTheLocksInvolved() throws {
        let dir = try CLI.tempDir()
        var round = try String(contentsOfFile: "instances/example.json", encoding: .utf8)
        round =
            String(round[..<round.lastIndex(of: "}")!]) + """
                , "locks": [
                  {"participant": "ES-001", "offer": "PT-LISBOA-HOTEL/reception", "start": "2026-03-02"},
                  {"participant": "DE-002", "offer": "PT-LISBOA-HOTEL/reception", "start": "2026-03-09"}]}
                """
        let file = dir.appendingPathComponent("clash.json")
        try round.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["solve", file.path, "--out", dir.appendingPathComponent("r").path, "--quiet"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "locks of DE-002 and ES-001 need 2 places at PT-LISBOA-HOTEL/reception in week 2026-03-09; capacity 1"))
        // Re-planned into an infeasible round: no new plan, so no changes.csv.
        let earlier = dir.appendingPathComponent("earlier"), replanned = dir.appendingPathComponent("replanned")
        #expect(try CLI.run(["solve", "instances/example.json", "--out", earlier.path, "--quiet"]).status == 0)
        let again = try CLI.run([
            "solve", file.path, "--previous", earlier.path, "--out", replanned.path, "--quiet",
        ])
        #expect(again.status == 2)
        #expect(!FileManager.default.fileExists(atPath: replanned.appendingPathComponent("changes.csv").path))
        #expect(FileManager.default.fileExists(atPath: replanned.appendingPathComponent("summary.json").path))
        // A lock that no candidate satisfies is an input error naming the filter.
        let filtered = round.replacingOccurrences(
            of: "\"offer\": \"PT-LISBOA-HOTEL/reception\", \"start\": \"2026-03-09\"",
            with: "\"offer\": \"PT-LISBOA-PASTRY/bakery\"")
        try filtered.write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["solve", file.path, "--out", dir.appendingPathComponent("s").path])
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "$.locks[1]: error: the lock of DE-002 at offer PT-LISBOA-PASTRY/bakery has no candidate stay: every stay there falls to the filter \"sector\""
            ))
    }

    /// verify judges locks and bans like every other rule.
    @Test func verifyFindsABrokenLockAndABannedStay() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("r")
        let run = try CLI.run(["solve", Self.dir + "round.json", "--out", out.path, "--quiet"])
        #expect(run.status == 0)
        // Drop a locked participant's stay by hand.
        let a = out.appendingPathComponent("assignments.csv")
        let lines = try String(contentsOf: a, encoding: .utf8).split(separator: "\n").map(String.init)
        try (lines.filter { !$0.hasPrefix("ES-00002,") }.joined(separator: "\n") + "\n").write(
            to: a, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["verify", Self.dir + "round.json", out.path])
        #expect(broken.status == 4)
        #expect(
            broken.stdout.contains("[lock] ES-00002 is locked to offer NL-H0002/o1 from 2026-10-12, but not placed"))
    }

    /// The rounds example with its locks and bans (rounds.md's example
    /// without the groups and funding of issue 12): solved, verified, and a
    /// locked stay moved by hand judged on its rules.
    @Test func theRoundsExampleIsSolvedVerifiedAndAHandMovedLockIsCaught() throws {
        let round = "instances/rounds/rounds-example-agreements.json"
        let policy = "instances/rounds/rounds-example-agreements-policy.json"
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run(["solve", round, "--policy", policy, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let ok = try CLI.run(["verify", round, out.path, "--policy", policy])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("verified: 10 stays, every rule holds"), "\(ok.stdout)")
        let a = out.appendingPathComponent("assignments.csv")
        let moved = try String(contentsOf: a, encoding: .utf8).replacingOccurrences(
            of: "ES-001,PT-LISBOA-HOTEL,PT-LISBOA-HOTEL/reception,2026-03-02,2026-03-29",
            with: "ES-001,PT-LISBOA-HOTEL,PT-LISBOA-HOTEL/reception,2026-03-09,2026-04-05")
        try moved.write(to: a, atomically: true, encoding: .utf8)
        let caught = try CLI.run(["verify", round, out.path, "--policy", policy])
        #expect(caught.status == 4)
        #expect(
            caught.stdout.contains(
                "[lock] ES-001 is locked to offer PT-LISBOA-HOTEL/reception from 2026-03-02, but stays at PT-LISBOA-HOTEL/reception from 2026-03-09"
            ), "\(caught.stdout)")
        // A banned pair written in by hand is not a candidate: the tenth filter.
        var rows = try String(contentsOf: a, encoding: .utf8).split(separator: "\n").map(String.init)
        rows.append("ES-002,PT-LISBOA-PASTRY,PT-LISBOA-PASTRY/bakery,2026-06-08,2026-07-19,6,1")
        let header = rows.removeFirst()
        try ([header] + rows.sorted()).joined(separator: "\n").appending("\n").write(
            to: a, atomically: true, encoding: .utf8)
        let banned = try CLI.run(["verify", round, out.path, "--policy", policy])
        #expect(banned.status == 4)
        #expect(
            banned.stdout.contains(
                "[candidate] ES-002 at PT-LISBOA-PASTRY/bakery from 2026-06-08 is not a candidate: filter banned (ES-002 is banned from host PT-LISBOA-PASTRY)"
            ), "\(banned.stdout)")
    }
}
