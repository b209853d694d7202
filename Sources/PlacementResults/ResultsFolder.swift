import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// Why a results folder could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Writes a results folder whole or not at all.
///
/// The files are written into a hidden sibling folder first, then moved into
/// place with `rename`, so a reader (or a killed run) never sees half a
/// folder. An existing folder is replaced only when allvet wrote it (it holds
/// a `summary.json` of format `allvet-result/1`) or it is empty, and only
/// when it holds nothing but the files allvet writes there (``fileNames``):
/// a file a user put into a results folder is never dropped. A symbolic
/// link given as the folder is followed: the folder it points to is
/// replaced, the link stays. Anything else is left alone and reported.
public enum ResultsFolder {
    /// The marker that says a folder is allvet's.
    static let marker = "\"format\": \"allvet-result/1\""

    /// Every file a results folder of allvet's may hold.
    public static let fileNames: Set<String> = [
        "assignments.csv", "unplaced.csv", "summary.json", "report.html", "policy.json", "VERIFICATION-FAILED.txt",
        "failure.json", "results.xlsx", "changes.csv", "companions.csv",
    ]

    /// Writes `files` (name → text) and `binary` (name → bytes) to `path`.
    public static func write(
        _ files: [(name: String, text: String)], binary: [(name: String, bytes: [UInt8])] = [], to path: String
    ) throws(OutputError) {
        let fm = FileManager.default
        guard !path.isEmpty else {
            throw OutputError(path: "--out", message: "is empty; give the results folder to write")
        }
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if FileKind(path: url.path) == .symbolicLink {
            guard fm.fileExists(atPath: url.path) else {
                throw OutputError(
                    path: path, message: "is a symbolic link to nothing; choose another --out or mend the link")
            }
            url = url.resolvingSymlinksInPath()
        }
        let parent = url.deletingLastPathComponent()
        if let kind = FileKind(path: url.path) {
            guard kind == .folder else {
                throw OutputError(
                    path: path, message: "exists and is \(kind.description), not a folder; choose another --out")
            }
            guard isOurs(url) else {
                throw OutputError(
                    path: path,
                    message:
                        "exists and was not written by allvet (no allvet summary.json); it is left untouched. Choose another --out or remove it yourself."
                )
            }
            let foreign = FileKind.foreignItems(in: url.path, allowed: fileNames)
            guard foreign.isEmpty else {
                let list = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
                throw OutputError(
                    path: path,
                    message:
                        "holds files allvet did not write (\(list)); it is left untouched. Move them out, or choose another --out."
                )
            }
        }
        try StagedWrite.createParent(of: url)
        cleanStale(name: url.lastPathComponent, in: parent)
        try StagedWrite.write(to: url, path: path) { staging throws(OutputError) in
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: false)
                for f in files {
                    try Data(f.text.utf8).write(to: staging.appendingPathComponent(f.name))
                }
                for f in binary {
                    try Data(f.bytes).write(to: staging.appendingPathComponent(f.name))
                }
            } catch {
                throw OutputError(path: path, message: "cannot write the results: \(error.localizedDescription)")
            }
        }
    }

    /// Removes what a killed run left beside the results folder: hidden
    /// `.NAME.partial-PID` staging folders and `.NAME.old-PID` folders of
    /// processes that no longer run. A stale `.old` folder while `NAME`
    /// itself is missing is the last complete results (the run died between
    /// its two renames), so it is moved back instead.
    static func cleanStale(name: String, in parent: URL) {
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for item in items.sorted() {
            let kinds = [(".\(name).partial-", false), (".\(name).old-", true)]
            for (prefix, isOld) in kinds where item.hasPrefix(prefix) {
                guard let pid = Int32(item.dropFirst(prefix.count)), pid > 0, !isRunning(pid) else { continue }
                let stale = parent.appendingPathComponent(item)
                let target = parent.appendingPathComponent(name)
                if isOld && !fm.fileExists(atPath: target.path) && rename(stale.path, target.path) == 0 { continue }
                try? fm.removeItem(at: stale)
            }
        }
    }

    /// Whether a process with this id exists (EPERM: it exists, not ours).
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether a folder may be replaced: empty, or holding allvet's summary.
    static func isOurs(_ url: URL) -> Bool {
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: url.path) else { return false }
        if items.isEmpty { return true }
        guard let data = fm.contents(atPath: url.appendingPathComponent("summary.json").path),
            let text = String(data: data, encoding: .utf8)
        else { return false }
        return text.contains(marker)
    }
}
