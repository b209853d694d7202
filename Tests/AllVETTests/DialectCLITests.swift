import AllVET
import Foundation
import Testing

/// A round saved by Spanish Excel (`;`, Windows-1252, dates day first,
/// `VERDADERO`, `8,0`, a trailing empty column) solves to the optimum of the
/// JSON round, and `check` says how each file was read (issue 13).
@Suite struct DialectCLITests {
    static func levels(_ out: String) throws -> [String] {
        let summary = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json")))
        let levels = (summary as? [String: Any])?["levels"] as? [[String: Any]] ?? []
        return levels.map { "\($0["goal"] ?? "-") \($0["value"] ?? "-") \($0["status"] ?? "-")" }
    }

    @Test func aSpanishExcelRoundSolvesToTheJSONOptimum() throws {
        let policy = CLI.root.appendingPathComponent("instances/example-policy.json").path
        let json = try CLI.tempDir().appendingPathComponent("json").path
        let fromJSON = try CLI.run([
            "solve", CLI.root.appendingPathComponent("instances/example.json").path, "--policy", policy, "--out", json,
        ])
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        let folder = CLI.root.appendingPathComponent("Tests/PlacementCSVTests/Fixtures/dialects/es-ES").path
        let csv = try CLI.tempDir().appendingPathComponent("csv").path
        let fromCSV = try CLI.run(["solve", folder, "--policy", policy, "--out", csv])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(try Self.levels(csv) == Self.levels(json))
        #expect(try Self.levels(csv).first == "placed 12.5 optimal")
        #expect(fromCSV.stderr.contains("hosts.csv: warning: Read as Windows-1252: the file is not UTF-8."))
        #expect(fromCSV.stderr.contains("participants.csv: warning: Read with a semicolon (;) between cells"))
    }

    /// `--encoding` reaches the reader: forced UTF-8 refuses the Spanish
    /// file's Windows-1252 bytes, naming the file.
    @Test func theEncodingOptionIsPassedToTheReader() throws {
        let folder = CLI.root.appendingPathComponent("Tests/PlacementCSVTests/Fixtures/dialects/es-ES").path
        let forced = try CLI.run(["check", folder, "--encoding", "utf-8"])
        #expect(forced.status == 65, "\(forced.stderr)")
        #expect(forced.stderr.contains("hosts.csv: line 3: error: The cell is not valid UTF-8"), "\(forced.stderr)")
        let windows = try CLI.run(["check", folder, "--encoding", "windows-1252"])
        #expect(windows.status == 0, "\(windows.stderr)")
        #expect(!windows.stderr.contains("Read as Windows-1252"))
        let wrong = try CLI.run(["check", folder, "--encoding", "latin9"])
        #expect(wrong.status == 64, "\(wrong.stderr)")
    }

    /// Output CSVs opened as one column in Spanish Excel: `--csv-dialect
    /// excel-eu` writes `;`, decimal commas, a byte-order mark and CRLF, and
    /// `verify` reads the folder as it reads the default one.
    @Test func excelEUResultsOpenInASemicolonLocaleAndVerify() throws {
        let round = CLI.root.appendingPathComponent("instances/example.json").path
        let policy = CLI.root.appendingPathComponent("instances/example-policy.json").path
        let out = try CLI.tempDir().appendingPathComponent("eu").path
        let run = try CLI.run(["solve", round, "--policy", policy, "--out", out, "--csv-dialect", "excel-eu"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("assignments.csv")))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.hasPrefix("\u{FEFF}participant_id;host_id;offer_id;start;end;weeks;rank\r\n"), "\(text)")
        #expect(!text.contains(","))
        let verify = try CLI.run(["verify", round, out, "--policy", policy])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        let sweep = try CLI.tempDir().appendingPathComponent("sweep").path
        let swept = try CLI.run([
            "sweep", CLI.root.appendingPathComponent("instances/sweep-demo/sweep.json").path, "--out", sweep,
            "--csv-dialect", "excel-eu", "--jobs", "2",
        ])
        #expect(swept.status == 0, "\(swept.stderr)")
        let comparison = try String(
            contentsOf: URL(fileURLWithPath: sweep).appendingPathComponent("comparison.csv"), encoding: .utf8)
        let first = comparison.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
        #expect(first.hasPrefix("policy-as-is;optimal;;;;;18;40;0,45;"), "\(first)")
    }

    @Test func excelEURenderingQuotesWhatHoldsTheSeparator() {
        let rfc = CSVWriter.record(["a;b", "say \"hi\"", "x,y", "12.5"], ending: .lf)
        #expect(
            CSVOutputDialect.excelEU.render(rfc) == "\u{FEFF}\"a;b\";\"say \"\"hi\"\"\";x,y;12.5\r\n")
        #expect(CSVOutputDialect.rfc4180.render(rfc) == rfc)
        #expect(CSVOutputDialect.excelEU.number("-0.25") == "-0,25")
    }
}
