import Foundation

/// What is at a path, without following a symbolic link there: the one
/// place that output code asks before it replaces anything.
package enum FileKind: Equatable, CustomStringConvertible {
    case regular
    case folder
    case symbolicLink
    /// A device, FIFO or socket.
    case special

    /// nil when nothing is there.
    package init?(path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        default: self = .special
        }
    }

    package var description: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .special: "a device, FIFO or socket"
        }
    }

    /// Whether the folder at `path` holds nothing but regular files whose
    /// names are among `names`.
    package static func folderHoldsOnly(_ path: String, regularFilesNamed names: [String]) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        let allowed = Set(names)
        return items.allSatisfy { allowed.contains($0) && FileKind(path: path + "/" + $0) == .regular }
    }

    /// The items of the folder at `path` whose names are not among `names`
    /// (sorted), or that are not regular files.
    package static func foreignItems(in path: String, allowed names: Set<String>) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // Reports rendered again by `allvet report` (report.es.html, report-pseudonymised.html) are allvet's too.
        func allowed(_ item: String) -> Bool {
            names.contains(item) || (item.hasPrefix("report") && item.hasSuffix(".html") && !item.contains("/"))
        }
        return items.filter { !allowed($0) || FileKind(path: path + "/" + $0) != .regular }.sorted()
    }
}
