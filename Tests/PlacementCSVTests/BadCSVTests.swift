import Foundation
import Testing
import PlacementModel
import PlacementCSV

/// Each folder in Fixtures/bad-csv is a broken instance; its expected.txt
/// lists lines that must each appear in the diagnostics.
@Suite struct BadCSVTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/bad-csv")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    @Test func corpusHasAtLeastFifteenCases() { #expect(Self.cases.count >= 15) }

    @Test(arguments: cases) func reportsTheExpectedDiagnostics(_ name: String) throws {
        let folder = Self.root.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        do {
            _ = try InstanceCSVReader.read(folder: folder)
            Issue.record("\(name): read without error")
        } catch {
            let text = error.description
            for line in expected {
                #expect(text.contains(line), "\(name): missing \(line)\nin:\n\(text)")
            }
            #expect(!error.errors.isEmpty)
        }
    }

    @Test func multipleErrorsAreReportedTogether() throws {
        let folder = Self.root.appendingPathComponent("multiple-errors").path
        #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        do { _ = try InstanceCSVReader.read(folder: folder) } catch { #expect(error.errors.count >= 4) }
    }
}
