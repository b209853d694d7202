import AllVET
import Foundation
import Testing

/// `allvet report` renders a report again from results and their round,
/// without solving (issue 16): the same bytes as `solve` wrote, a
/// pseudonymised one for a partner from the same solve, and a sweep's
/// comparison.
@Suite struct ReportCommandTests {
    static let round = CLI.root.appendingPathComponent("instances/example.json").path
    static let policy = CLI.root.appendingPathComponent("instances/example-policy.json").path

    static func text(_ folder: String, _ name: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aReportRenderedAgainIsTheOneSolveWrote() throws {
        let dir = try CLI.tempDir()
        let plain = dir.appendingPathComponent("plain").path, pseudo = dir.appendingPathComponent("pseudo").path
        #expect(try CLI.run(["solve", Self.round, "--policy", Self.policy, "--out", plain]).status == 0)
        #expect(
            try CLI.run(["solve", Self.round, "--policy", Self.policy, "--out", pseudo, "--pseudonymise"]).status == 0)
        let again = dir.appendingPathComponent("again.html").path
        let run = try CLI.run(["report", plain, "--out", again])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: again, encoding: .utf8) == Self.text(plain, "report.html"))
        // Pseudonymised from the plain solve: what solve --pseudonymise wrote, beside the results.
        let p = try CLI.run(["report", plain, "--pseudonymise"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(try Self.text(plain, "report-pseudonymised.html") == Self.text(pseudo, "report.html"))
        // Without either, report.html is not replaced.
        #expect(try CLI.run(["report", plain]).status == 64)
        // The folder stays allvet's: a new solve may replace it.
        #expect(try CLI.run(["solve", Self.round, "--out", plain]).status == 0)
    }

    @Test func aMovedRoundIsGivenAndAnotherRoundIsRefused() throws {
        let dir = try CLI.tempDir()
        let copy = dir.appendingPathComponent("round.json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.round), to: copy)
        let out = dir.appendingPathComponent("r").path
        #expect(try CLI.run(["solve", copy.path, "--out", out]).status == 0)
        let moved = dir.appendingPathComponent("moved.json")
        try FileManager.default.moveItem(at: copy, to: moved)
        let lost = try CLI.run(["report", out, "--pseudonymise"])
        #expect(lost.status == 65 && lost.stderr.contains("round.json"), "\(lost.stderr)")
        let found = try CLI.run(["report", out, "--pseudonymise", "--round", moved.path])
        #expect(found.status == 0, "\(found.stderr)")
        let other = try CLI.run([
            "report", out, "--pseudonymise", "--round",
            CLI.root.appendingPathComponent("instances/everyone-fits.json").path,
        ])
        #expect(other.status == 65 && other.stderr.contains("another round or policy"), "\(other.stderr)")
    }

    @Test func aSweepsComparisonIsRenderedAgainPseudonymised() throws {
        let demo = CLI.root.appendingPathComponent("instances/sweep-demo")
        let out = try CLI.tempDir().appendingPathComponent("sweep").path
        let sweep = try CLI.run(["sweep", demo.appendingPathComponent("sweep.json").path, "--out", out, "--quiet"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let run = try CLI.run(["report", out, "--pseudonymise"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try Self.text(out, "comparison-pseudonymised.html")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("policy-as-is"))
    }
}
