import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// The one place that writes output whole or not at all, for
/// ``ResultsFolder`` and ``OutputFiles``: create the parent folder, fill a
/// hidden sibling `.NAME.partial-PID`, then move it into place with
/// `rename`. An existing file or folder at the path is moved aside first
/// (`.NAME.old-PID`), then removed once the new one is in place; a file
/// replacing a file is a single `rename`. Whether an existing one may be
/// replaced at all is the caller's decision, made before.
enum StagedWrite {
    /// The staging sibling of `url` for this process.
    static func staging(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Creates the parent of `url`.
    static func createParent(of url: URL) throws(OutputError) {
        let parent = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw OutputError(path: parent.path, message: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Fills the staging sibling with `fill` and moves it to `url`; `path`
    /// is the path as the user gave it, for messages.
    static func write(to url: URL, path: String, fill: (URL) throws(OutputError) -> Void) throws(OutputError) {
        let fm = FileManager.default
        let staging = staging(for: url)
        try? fm.removeItem(at: staging)
        do { try fill(staging) } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        func failure(_ what: String, _ e: Int32) -> OutputError {
            OutputError(path: path, message: "\(what) (\(String(cString: strerror(e))))")
        }
        var isDir: ObjCBool = false, stagingIsDir: ObjCBool = false
        let exists = fm.fileExists(atPath: url.path, isDirectory: &isDir)
        _ = fm.fileExists(atPath: staging.path, isDirectory: &stagingIsDir)
        if exists && !isDir.boolValue && !stagingIsDir.boolValue {
            // A file over a file: rename replaces it atomically.
            guard rename(staging.path, url.path) == 0 else {
                let e = errno
                try? fm.removeItem(at: staging)
                throw failure("cannot move the file into place", e)
            }
            return
        }
        let old = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if exists && rename(url.path, old.path) != 0 {
            let e = errno
            try? fm.removeItem(at: staging)
            throw failure("cannot replace the existing one", e)
        }
        if rename(staging.path, url.path) != 0 {
            let e = errno
            if exists { _ = rename(old.path, url.path) }
            try? fm.removeItem(at: staging)
            throw failure("cannot move the output into place", e)
        }
        if exists { try? fm.removeItem(at: old) }
    }
}
