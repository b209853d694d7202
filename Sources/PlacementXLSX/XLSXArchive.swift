import Foundation
import ZIPFoundation

/// A workbook's ZIP container, read from bytes in memory with
/// ZIPFoundation: the one place PlacementXLSX touches ZIP.
///
/// A workbook is a ZIP archive of XML parts (ECMA-376 part 2). Every
/// part is inflated in full, with a cap on the total (``maxInflatedBytes``):
/// a 10,000-participant round's parts inflate to about 8 MB, and a ZIP bomb
/// (a few kilobytes that inflate to gigabytes) stops at the cap with an
/// error instead of filling the memory.
struct XLSXArchive {
    /// The most the parts of one workbook may inflate to, together.
    static let maxInflatedBytes = 256 << 20

    private let archive: Archive
    private var inflated = 0

    /// Opens `bytes` as a ZIP archive; nil when they are not one.
    init?(bytes: [UInt8]) {
        guard let a = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else { return nil }
        archive = a
    }

    /// The paths of every part, in archive order.
    var paths: [String] { archive.map(\.path) }

    /// The inflated bytes of the part at `path` (without a leading `/`);
    /// nil when there is no such part.
    mutating func part(_ path: String) throws(XLSXError) -> [UInt8]? {
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let entry = archive[name] ?? archive.first(where: { $0.path.lowercased() == name.lowercased() })
        else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(Self.maxInflatedBytes))))
        let cap = Self.maxInflatedBytes
        var total = inflated
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += chunk.count
                if total > cap { throw XLSXError.tooLarge }
                out.append(contentsOf: chunk)
            }
        } catch let e as XLSXError {
            throw e
        } catch {
            throw .damaged("the part \(name) cannot be unpacked (\(error))")
        }
        inflated = total
        return out
    }
}

/// Why a workbook cannot be read, before any cell is looked at.
enum XLSXError: Error {
    case tooLarge
    case damaged(String)

    var message: String {
        switch self {
        case .tooLarge:
            "The workbook unpacks to more than \(XLSXArchive.maxInflatedBytes >> 20) MiB; a round's workbook is a "
                + "few megabytes. Is this the right file?"
        case .damaged(let what):
            "The workbook is damaged: \(what). Open it in Excel or LibreOffice and save it again as .xlsx."
        }
    }
}
