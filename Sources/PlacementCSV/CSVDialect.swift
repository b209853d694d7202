/// How a spreadsheet saved a CSV file: its encoding and field separator,
/// and with the separator the decimal mark. The one place that says how
/// allvet reads what Excel and LibreOffice write in the alliance's locales
/// (docs/inputs.md, "Spreadsheet dialects"); what it decides is said as a
/// warning on the file, never guessed silently.
///
/// - Encoding: UTF-8 (with or without a byte-order mark); UTF-16 with a
///   byte-order mark (Excel's "Unicode text"); otherwise, when the bytes are
///   not UTF-8, Windows-1252 (what Excel writes as "CSV" on a Western
///   European Windows).
/// - Separator: whichever of `,` `;` and tab occurs most often in the header
///   row outside quotes (column names hold none of them); a comma on a tie.
///   A spreadsheet writes `;` wherever the decimal mark is a comma.
/// - Decimal mark: a comma when the separator is not a comma.
/// The encoding of a CSV folder's files: found from the bytes (`automatic`,
/// the default), or given with `--encoding` when the guess is wrong (a
/// Windows-1252 file that happens to be valid UTF-8).
public enum CSVEncoding: String, CaseIterable, Sendable {
    case automatic = "auto"
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
}

struct CSVDialect: Equatable {
    var separator: UInt8
    /// The encoding the bytes were read in, when it was not UTF-8.
    var encoding: String?

    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")

    /// Whether numbers are written with a decimal comma (`8,0`).
    var decimalComma: Bool { separator != Self.comma }

    /// The separator's name in messages.
    static func name(of separator: UInt8) -> String {
        switch separator {
        case semicolon: return "a semicolon (;)"
        case tab: return "a tab"
        default: return "a comma"
        }
    }

    /// The file's text as UTF-8 and the dialect it was written in; an error
    /// message when the bytes are in no encoding allvet reads.
    /// With `forced` other than `automatic`, the bytes are read in that
    /// encoding and no note says so (the user chose it); UTF-16 without a
    /// byte-order mark is then little-endian, as Windows writes it.
    static func read(_ bytes: [UInt8], forced: CSVEncoding = .automatic) -> (
        utf8: [UInt8], dialect: CSVDialect, error: String?
    ) {
        var text = bytes
        var encoding: String? = nil
        var error: String? = nil
        let marked = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if forced == .utf16 || (forced == .automatic && marked) {
            let little = !bytes.starts(with: [0xFE, 0xFF])
            encoding = little ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)"
            let body = marked ? bytes.dropFirst(2) : bytes[...]
            let units = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map { i in
                little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
            }
            if body.count % 2 == 0, let s = String(validating: units, as: UTF16.self) {
                text = Array(s.utf8)
            } else {
                error =
                    marked
                    ? "The file starts as UTF-16 but is not valid UTF-16; save it again as UTF-8 CSV."
                    : "The file is not valid UTF-16 (--encoding utf-16); check the encoding, or save it as UTF-8 CSV."
                text = []
            }
        } else if forced == .windows1252 || (forced == .automatic && String(validating: bytes, as: UTF8.self) == nil) {
            encoding = "Windows-1252"
            text = windows1252ToUTF8(bytes)
        }
        if forced != .automatic { encoding = nil }  // chosen, not guessed: nothing to say
        return (text, CSVDialect(separator: separator(ofHeader: text), encoding: encoding), error)
    }

    /// The most frequent of `,` `;` tab in the first record outside quotes.
    static func separator(ofHeader text: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var quoted = false
        for b in text {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if counts.values.contains(where: { $0 > 0 }) { break }
                continue  // blank lines before the header
            }
            if counts[b] != nil { counts[b]! += 1 }
        }
        var best = comma
        for candidate in [semicolon, tab] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }

    /// What the reader says about a file that was not plain UTF-8 CSV.
    var notes: [String] {
        var out: [String] = []
        if let encoding {
            out.append(
                "Read as \(encoding): the file is not UTF-8. If letters look wrong in the results, save it as "
                    + "\"CSV UTF-8\".")
        }
        if separator != Self.comma {
            out.append(
                "Read with \(Self.name(of: separator)) between cells and decimal commas (8,5), as the header "
                    + "row is written.")
        }
        return out
    }

    /// Windows-1252: 0x80–0x9F are the code page's own letters and signs
    /// (€, Š, œ, „ …); the other bytes are Latin-1, the same code points.
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var s = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F, let scalar = Unicode.Scalar(high[Int(b - 0x80)]) {
                s.append(scalar)
            } else {
                s.append(Unicode.Scalar(b))
            }
        }
        return Array(String(s).utf8)
    }

    /// 0x80–0x9F of Windows-1252; the five unassigned bytes keep their C1
    /// code points (control characters, which ids refuse).
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
