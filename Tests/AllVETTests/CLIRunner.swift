import Foundation

/// Runs the built `allvet` executable and captures what it prints.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// `.uncaughtSignal` when the process was killed (then `status` is the signal).
    var reason: Process.TerminationReason = .exit
}

/// The folder of this test process's temporary folders, removed when the
/// process exits: a whole run made about 100 of them and left them all in
/// the system's temporary directory.
private let scratchPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("allvet-tests-\(ProcessInfo.processInfo.processIdentifier)").path

enum CLI {
    /// ``scratchPath``, made on first use; removed at exit.
    static let scratch: URL = {
        try? FileManager.default.createDirectory(atPath: scratchPath, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: scratchPath) }
        return URL(fileURLWithPath: scratchPath)
    }()

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `allvet` binary beside the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        let candidate = dir.appendingPathComponent("allvet")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "allvet")
    }

    static func run(_ arguments: [String], cwd: URL? = nil) throws -> CLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting so that a full pipe cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self),
            reason: p.terminationReason)
    }

    /// A fresh temporary folder, inside ``scratch``.
    static func tempDir() throws -> URL {
        let u = scratch.appendingPathComponent("allvet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

/// A parsed CSV file (simple: no quoted line breaks in result files).
func readCSV(_ url: URL) throws -> [[String: String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
        String($0).trimmingCharacters(in: .init(charactersIn: "\r"))
    }
    if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
        return []
    }
    return lines.dropFirst().map { line in
        var cells: [String] = []
        var cur = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cur.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    cur.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cur); cur = ""
            } else {
                cur.append(c)
            }
        }
        cells.append(cur)
        return Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
}
