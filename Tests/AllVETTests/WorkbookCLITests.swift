import AllVET
import Foundation
import Testing

/// Rounds as workbooks through the command line (issue 13): a workbook
/// saved by LibreOffice solves to the optimum of the JSON round, `export
/// --to xlsx` writes one that solves the same, and results come as
/// `results.xlsx` too, holding exactly the rows of the CSV files.
@Suite struct WorkbookCLITests {
    static let round = CLI.root.appendingPathComponent("instances/example.json").path
    static let policy = CLI.root.appendingPathComponent("instances/example-policy.json").path

    static func solve(_ round: String, _ extra: [String] = []) throws -> (out: String, run: CLIRun) {
        let out = try CLI.tempDir().appendingPathComponent("results").path
        let run = try CLI.run(["solve", round, "--policy", policy, "--out", out] + extra)
        return (out, run)
    }

    static func file(_ folder: String, _ name: String) -> URL {
        URL(fileURLWithPath: folder).appendingPathComponent(name)
    }

    @Test func aLibreOfficeWorkbookSolvesToTheJSONOptimumAndGetsResultsXLSX() throws {
        let json = try Self.solve(Self.round)
        #expect(json.run.status == 0, "\(json.run.stderr)")
        let workbook = CLI.root.appendingPathComponent("Tests/PlacementXLSXTests/Fixtures/example-libreoffice.xlsx")
        let xlsx = try Self.solve(workbook.path)
        #expect(xlsx.run.status == 0, "\(xlsx.run.stderr)")
        #expect(try DialectCLITests.levels(xlsx.out) == DialectCLITests.levels(json.out))
        #expect(try DialectCLITests.levels(xlsx.out).first == "placed 12.5 optimal")
        // A workbook round gets a workbook of results without asking; a JSON round only with --xlsx.
        #expect(FileManager.default.fileExists(atPath: Self.file(xlsx.out, "results.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: Self.file(json.out, "results.xlsx").path))
        let bytes = try [UInt8](Data(contentsOf: Self.file(xlsx.out, "results.xlsx")))
        let sheets = try InstanceXLSXReader.sheets(bytes: bytes)
        #expect(sheets.map(\.name) == ["assignments", "unplaced"])
        #expect(sheets.first?.rows.count == 11, "a header and the 10 placed")
        for (sheet, csv) in zip(sheets, ["assignments.csv", "unplaced.csv"]) {
            let text = try String(contentsOf: Self.file(xlsx.out, csv), encoding: .utf8)
            // Dates come back as yyyy-mm-dd from date cells and numbers as numbers: the same cells as the CSV.
            let csvRows = try #require(CSVParser.rows(ofWritten: text))
            // A sheet leaves out empty cells at a row's end; the CSV writes them.
            let padded = sheet.rows.map { $0 + Array(repeating: "", count: max(0, csvRows[0].count - $0.count)) }
            #expect(padded == csvRows, "\(sheet.name)")
        }
        let verify = try CLI.run(["verify", workbook.path, "--policy", Self.policy, xlsx.out])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func anExportedWorkbookSolvesTheSameAndTheFlagAddsResultsToAJSONRound() throws {
        let workbook = try CLI.tempDir().appendingPathComponent("alliance-example.xlsx").path
        let export = try CLI.run(["export", Self.round, "--to", "xlsx", "--out", workbook])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(!export.stderr.contains("note:"), "named after the round: no note")
        let fromWorkbook = try Self.solve(workbook)
        let fromJSON = try Self.solve(Self.round, ["--xlsx"])
        #expect(fromWorkbook.run.status == 0 && fromJSON.run.status == 0, "\(fromWorkbook.run.stderr)")
        for name in ["assignments.csv", "unplaced.csv", "results.xlsx"] {
            #expect(
                try Data(contentsOf: Self.file(fromWorkbook.out, name))
                    == Data(contentsOf: Self.file(fromJSON.out, name)),
                "\(name)")
        }
        let again = try CLI.run(["export", Self.round, "--to", "xlsx", "--out", workbook])
        #expect(again.status != 0 && again.stderr.contains("--force"), "never replaced without --force")
    }

    /// `generate --out x.xlsx` writes a workbook of the same round as `--out x.json`.
    @Test func generateWritesAWorkbookForAnXLSXPath() throws {
        let dir = try CLI.tempDir()
        let names = ["synthetic-n40-m10-s5.xlsx", "synthetic-n40-m10-s5.json"]
        for name in names {
            let run = try CLI.run([
                "generate", "--participants", "40", "--seed", "5", "--out", dir.appendingPathComponent(name).path,
            ])
            #expect(run.status == 0 && run.stdout.contains("(\(name.split(separator: ".").last!))"), "\(run.stderr)")
        }
        let back = dir.appendingPathComponent("back.json").path
        let export = try CLI.run(["export", dir.appendingPathComponent(names[0]).path, "--to", "json", "--out", back])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: back)) == Data(contentsOf: dir.appendingPathComponent(names[1])))
    }
}
