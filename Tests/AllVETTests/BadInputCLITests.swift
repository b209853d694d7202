import Foundation
import Testing

/// The library's bad-input corpora (Tests/PlacementModelTests/Fixtures/bad-json
/// and Tests/PlacementCSVTests/Fixtures/bad-csv), run through the command
/// line: every file must end in exit code 65 with the expected messages on
/// standard error — never a crash (a signal), never a solve.
@Suite struct BadInputCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// `check` arguments: the instance and, for a policy fixture, `--policy FILE`.
        var arguments: [String]
        var expected: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let jsonDir = CLI.root.appendingPathComponent("Tests/PlacementModelTests/Fixtures/bad-json")
    static let csvDir = CLI.root.appendingPathComponent("Tests/PlacementCSVTests/Fixtures/bad-csv")

    /// bad-json: `expected.tsv` lines `file<TAB>text`; policy-* files are policies for instances/example.json.
    static let jsonCases: [Case] = {
        let tsv = (try? String(contentsOf: jsonDir.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
        var table: [String: [String]] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { table[String(parts[0]), default: []].append(String(parts[1])) }
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: jsonDir.path)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        return files.map { name in
            let path = jsonDir.appendingPathComponent(name).path
            let args = name.hasPrefix("policy-") ? ["instances/example.json", "--policy", path] : [path]
            return Case(arguments: args, expected: table[name] ?? [])
        }
    }()

    /// bad-csv: one folder a case, with the lines of its `expected.txt`.
    static let csvCases: [Case] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: csvDir.path)) ?? []).sorted()
        return names.map { name in
            let folder = csvDir.appendingPathComponent(name)
            let expected =
                ((try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            return Case(arguments: [folder.path], expected: expected)
        }
    }()

    @Test func corporaAreLargeAndEveryCaseHasExpectations() {
        #expect(Self.jsonCases.count + Self.csvCases.count >= 40)
        #expect(Self.jsonCases.count >= 30 && Self.csvCases.count >= 15)
        for c in Self.jsonCases + Self.csvCases {
            #expect(!c.expected.isEmpty, "no expectations for \(c.testDescription)")
        }
    }

    @Test(arguments: jsonCases + csvCases) func checkRejectsWithExitCode65(_ c: Case) throws {
        let run = try CLI.run(["check"] + c.arguments)
        #expect(run.reason == .exit, "killed by signal \(run.status): \(c.testDescription)")
        #expect(run.status == 65, "exit \(run.status); stderr:\n\(run.stderr)")
        for e in c.expected { #expect(run.stderr.contains(e), "missing \"\(e)\" in:\n\(run.stderr)") }
        #expect(run.stderr.contains("nothing was solved"))
        #expect(run.stdout.isEmpty)
    }

    /// `solve` stops at the same place: exit 65 and no results folder, so
    /// the solver is never reached.
    @Test(arguments: jsonCases + csvCases) func solveStopsBeforeTheSolver(_ c: Case) throws {
        let out = try CLI.tempDir().appendingPathComponent("results")
        let run = try CLI.run(["solve"] + c.arguments + ["--out", out.path])
        #expect(run.reason == .exit, "killed by signal \(run.status): \(c.testDescription)")
        #expect(run.status == 65, "exit \(run.status); stderr:\n\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
