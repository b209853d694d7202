import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// Writes a file or a folder of files whole or not at all, for `generate`
/// and `export`.
///
/// The text goes into a hidden sibling (`.NAME.partial-PID`) first and is
/// then moved into place with `rename`, so a reader (or a killed run) never
/// sees half a file. An existing file or folder at the path is replaced only
/// when `force` is set; it is moved aside, the new one moved in, and the old
/// one removed (a file replacing a file is a single `rename`).
///
/// Unlike ``ResultsFolder`` (which replaces folders allvet wrote), nothing
/// here marks its output as allvet's: instances and model files are inputs
/// for other tools and may be edited by hand, so replacing one always needs
/// `--force`.
public enum OutputFiles {
    /// Writes one file.
    public static func writeFile(_ bytes: [UInt8], to path: String, force: Bool) throws(OutputError) {
        try write(to: path, force: force) { staging throws(OutputError) in
            guard FileManager.default.createFile(atPath: staging.path, contents: Data(bytes)) else {
                throw OutputError(path: path, message: "cannot write the file (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// Writes a folder holding `files` (name → bytes) and nothing else.
    public static func writeFolder(_ files: [(name: String, bytes: [UInt8])], to path: String, force: Bool)
        throws(OutputError)
    {
        try write(to: path, force: force, replaceable: files.map(\.name)) { staging throws(OutputError) in
            do {
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
                for f in files { try Data(f.bytes).write(to: staging.appendingPathComponent(f.name)) }
            } catch {
                throw OutputError(path: path, message: "cannot write the folder: \(error.localizedDescription)")
            }
        }
    }

    /// Whether writing to `output` could replace or write into one of
    /// `inputs` (the same path, a folder holding it, or a path inside an
    /// input folder), after resolving symbolic links.
    public static func clashes(output: String, inputs: [String]) -> String? {
        let out = resolved(output)
        for input in inputs {
            let inp = resolved(input)
            if out == inp || inp.hasPrefix(out + "/") || out.hasPrefix(inp + "/") { return input }
        }
        return nil
    }

    /// The absolute path with symbolic links resolved, for the part that exists.
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        let parent = url.deletingLastPathComponent()
        guard parent.path != url.path else { return url.path }
        return (resolved(parent.path) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    private static func write(
        to path: String, force: Bool, replaceable: [String]? = nil,
        fill: (URL) throws(OutputError) -> Void
    ) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: "--out", message: "is empty; give the path to write") }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if let kind = FileKind(path: url.path) {
            guard force else {
                throw OutputError(
                    path: path,
                    message: "already exists and is left untouched; choose another --out, or add --force to replace it")
            }
            // --force replaces what allvet could have written there, nothing else (never a device or a FIFO).
            switch (kind, replaceable) {
            case (.regular, nil): break
            case (.folder, let names?) where FileKind.folderHoldsOnly(url.path, regularFilesNamed: names): break
            default:
                let what =
                    replaceable == nil
                    ? "a regular file"
                    : "a folder of the files allvet writes there (\(replaceable!.joined(separator: ", ")))"
                throw OutputError(
                    path: path,
                    message: "is \(kind.description), not \(what); --force replaces only those. It is left untouched")
            }
        }
        try StagedWrite.createParent(of: url)
        try StagedWrite.write(to: url, path: path, fill: fill)
    }
}
