import AllVET
import Foundation
import Testing

/// `verify` judges the stays (issue 11): a hand-edited plan is checked on
/// its rules, with stale figures of the old summary.json as a separate
/// finding (exit 5), and results written by another tool (an
/// assignments.csv alone, or a summary with fewer keys) are judged on
/// their stays.
@Suite struct HandEditedVerifyTests {
    static let round = "instances/example.json"

    static func solved() throws -> URL {
        let out = try CLI.tempDir().appendingPathComponent("r")
        let run = try CLI.run(["solve", round, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func write(_ lines: [String], _ url: URL) throws {
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aHandUnplacedParticipantKeepsEveryRuleAndTheOldFiguresAreSaidToDiffer() throws {
        let out = try Self.solved()
        let a = out.appendingPathComponent("assignments.csv"), u = out.appendingPathComponent("unplaced.csv")
        var rows = try Self.lines(a)
        let moved = rows.remove(at: 1)
        try Self.write(rows, a)
        try Self.write(try Self.lines(u) + [moved.split(separator: ",")[0] + ",capacity,taken out by hand"], u)
        let run = try CLI.run(["verify", Self.round, out.path])
        #expect(run.status == 5, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("every rule holds for the 9 stays, but summary.json differs from them"))
        #expect(run.stdout.contains("summary.json $.placed: [figure] is 10; recomputed from the stays: 9"))
    }

    @Test func aStayMovedToATuesdayBreaksARule() throws {
        let out = try Self.solved()
        let a = out.appendingPathComponent("assignments.csv")
        var rows = try Self.lines(a)
        var cells = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[3] = Day(iso: cells[3])!.adding(days: 1).iso
        rows[1] = cells.joined(separator: ",")
        try Self.write(rows, a)
        let run = try CLI.run(["verify", Self.round, out.path])
        #expect(run.status == 4, "\(run.stdout)")
        #expect(run.stdout.contains("[monday]"))
    }

    @Test func anotherToolsAssignmentsAloneAreJudgedOnTheirStays() throws {
        let out = try Self.solved()
        try FileManager.default.removeItem(at: out.appendingPathComponent("unplaced.csv"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("summary.json"))
        let run = try CLI.run(["verify", Self.round, out.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("verified: 10 stays, every rule holds"))
        #expect(run.stdout.contains("note: no unplaced.csv") && run.stdout.contains("note: no summary.json"))
    }

    @Test func aSummaryWithFewerKeysIsComparedOnTheKeysItHas() throws {
        let out = try Self.solved()
        let s = out.appendingPathComponent("summary.json")
        try #"{"placed": 10, "solver": "another"}"#.write(to: s, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["verify", Self.round, out.path])
        #expect(ok.status == 0, "\(ok.stdout)")
        try #"{"placed": 11}"#.write(to: s, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["verify", Self.round, out.path])
        #expect(stale.status == 5, "\(stale.stdout)")
        #expect(stale.stdout.contains("$.placed: [figure] is 11; recomputed from the stays: 10"))
    }
}
