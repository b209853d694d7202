import Foundation
import PlacementCSV
import PlacementModel

/// The repository root, from this file's path.
func repositoryRoot(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A fixture workbook's path (Fixtures/, written by scripts/make-xlsx-fixtures.py).
func fixture(_ name: String) -> String {
    repositoryRoot().appendingPathComponent("Tests/PlacementXLSXTests/Fixtures/\(name)").path
}

/// The example round as its CSV folder reads (instances/example-csv).
func exampleRound() throws -> (Instance, [Diagnostic]) {
    try InstanceCSVReader.read(folder: repositoryRoot().appendingPathComponent("instances/example-csv").path)
}

/// The diagnostics of a read that must fail.
func errors(_ read: () throws(InputError) -> (Instance, warnings: [Diagnostic])) -> [Diagnostic] {
    do {
        _ = try read()
        return []
    } catch {
        return error.diagnostics
    }
}
