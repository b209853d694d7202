import Foundation
import PlacementModel

/// A fresh folder under the temporary directory, holding the given files.
func makeFolder(_ files: [String: String], name: String = "case") throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("allvet-csv-\(UUID().uuidString)")
    let folder = base.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
    }
    return folder
}

/// A temporary folder path that does not exist yet.
func freshFolder(_ name: String = "round") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("allvet-csv-\(UUID().uuidString)")
        .appendingPathComponent(name).path
}

/// The repository root, from this file's path.
func repositoryRoot(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// Minimal valid hosts.csv and offers.csv, for tests about participants.csv.
let minimalHosts = "id,country\nDE-H0001,DE\n"
let minimalOffers = "id,host_id,sectors,from,to,capacity\nDE-H0001/o1,DE-H0001,tourism,2026-01-05,2026-12-27,1\n"
let participantsHeader = "id,country,sector,available_from,available_to,weeks"
