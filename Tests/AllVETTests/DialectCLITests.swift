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
}
