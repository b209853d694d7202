import Foundation
import PlacementModel

/// The folder of this test process's CSV cases, removed when the process
/// exits (each run made about 30 and left them in the temporary directory).
private let scratchPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("allvet-csv-tests-\(ProcessInfo.processInfo.processIdentifier)").path
private let scratch: URL = {
    try? FileManager.default.createDirectory(atPath: scratchPath, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchPath) }
    return URL(fileURLWithPath: scratchPath)
}()

/// A fresh folder inside ``scratch``, holding the given files.
func makeFolder(_ files: [String: String], name: String = "case") throws -> String {
    let base = scratch.appendingPathComponent("allvet-csv-\(UUID().uuidString)")
    let folder = base.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
    }
    return folder
}

/// A temporary folder path (inside ``scratch``) that does not exist yet.
func freshFolder(_ name: String = "round") -> String {
    scratch.appendingPathComponent("allvet-csv-\(UUID().uuidString)")
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
