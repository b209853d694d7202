/// The one CSV writer of allvet (RFC 4180), for the instance folders
/// (``InstanceCSVWriter``) and the results files alike.
///
/// Cells are separated by commas. A cell is quoted when its UTF-8 bytes hold
/// a comma, a double quote, a carriage return or a line feed (judged byte by
/// byte, as ``CSVParser`` reads, so a quote or line break followed by a
/// combining mark is quoted too); inside the quotes each `"` is doubled.
/// What differs between files is only how a record ends (``LineEnd``) and
/// whether the file starts with ``byteOrderMark``.
public enum CSVWriter {
    /// How a record ends.
    public enum LineEnd: Sendable {
        /// `\n`: the results files (`assignments.csv`, `unplaced.csv`, `comparison.csv`).
        case lf
        /// `\r\n`: the instance CSV folder (formats.md).
        case crlf
    }

    /// The UTF-8 byte-order mark (EF BB BF) that starts an instance CSV
    /// file, so that spreadsheets open accented names right.
    public static let byteOrderMark = "\u{FEFF}"

    /// A text cell's value (an id, a name, a list): ``SpreadsheetText``'s
    /// apostrophe scheme, so that no spreadsheet runs it as a formula.
    /// Quoting is left to ``record(_:ending:)``.
    public static func text(_ value: String) -> String { SpreadsheetText.escape(value) }

    /// One record: each cell quoted when it needs it, joined by commas,
    /// followed by `ending`.
    public static func record(_ cells: [String], ending: LineEnd) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            out += quotedIfNeeded(cell)
        }
        out += ending == .crlf ? "\r\n" : "\n"
        return out
    }

    /// `cell` as it goes between the commas: unchanged unless it holds a
    /// comma, quote, CR or LF byte; then quoted, with its quotes doubled.
    public static func quotedIfNeeded(_ cell: String, separator: UInt8 = UInt8(ascii: ",")) -> String {
        let u = cell.utf8
        guard u.contains(where: { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A })
        else {
            return cell
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(u.count + 4)
        for b in u {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// How the results' CSV files are written: RFC 4180 (the default: commas,
/// decimal points, UTF-8 without a byte-order mark, LF), or as a
/// spreadsheet in a decimal-comma locale expects a double-clicked CSV file
/// to be (`excel-eu`: `;` between cells, decimal commas, a UTF-8
/// byte-order mark, CRLF). Both read back through ``CSVRecords`` (the
/// separator is found from the header row), so `verify` takes either.
public enum CSVOutputDialect: String, CaseIterable, Sendable {
    case rfc4180
    case excelEU = "excel-eu"

    /// A number as written by allvet (`12.5`) in this dialect (`12,5`).
    public func number(_ text: String) -> String {
        self == .excelEU ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// `text`, RFC 4180 as ``CSVWriter`` writes it, in this dialect: the
    /// same cells (numbers already converted by ``number(_:)``), `;` between
    /// them, CRLF, and a byte-order mark.
    public func render(_ text: String) -> String {
        guard self == .excelEU else { return text }
        let (records, _) = CSVParser.parse(Array(text.utf8))
        var out = CSVWriter.byteOrderMark
        for r in records {
            out +=
                r.cells.map { CSVWriter.quotedIfNeeded($0, separator: UInt8(ascii: ";")) }.joined(separator: ";")
                + "\r\n"
        }
        return out
    }
}
