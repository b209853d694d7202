import Foundation
import PlacementModel
import ZIPFoundation

/// A value of a workbook cell as allvet writes it.
public enum XLSXCell: Sendable, Equatable {
    /// Text; `forced` marks it with `quotePrefix` (Excel's leading
    /// apostrophe), so that text that looks like a number, a boolean or a
    /// formula stays text, and allvet reads it back as text.
    case text(String, forced: Bool = false)
    /// A number, given as its shortest decimal text (JSON number grammar).
    case number(String)
    /// A date, stored as a serial number with a `yyyy-mm-dd` format.
    case date(Day)
    case bool(Bool)
}

extension XLSXCell {
    /// A cell of allvet's CSV text as a workbook cell: empty is no cell; a
    /// leading `'` (``/PlacementCSV/SpreadsheetText``) is forced text; in a
    /// `date` column an ISO date is a date cell, in a `number` column a
    /// number a number cell; the rest text. The one rule for rounds and results.
    static func fromCSV(_ cell: String, date: Bool, number: Bool) -> XLSXCell? {
        if cell.isEmpty { return nil }
        if cell.utf8.first == UInt8(ascii: "'") { return .text(String(cell.dropFirst()), forced: true) }
        if date, let d = Day(iso: cell) { return .date(d) }
        if number, Double(cell) != nil { return .number(cell) }
        return .text(cell)
    }
}

/// A sheet to write: its name and rows, the first row a header (bold,
/// frozen, with a filter); nil cells are empty.
public struct XLSXSheet: Sendable {
    public var name: String
    public var rows: [[XLSXCell?]]
    public init(name: String, rows: [[XLSXCell?]]) {
        self.name = name
        self.rows = rows
    }
}

/// Writes workbooks (ECMA-376 SpreadsheetML, the parts every reader
/// needs): inline strings, so there is no shared-string table to keep in
/// step; four cell styles (plain, date, forced text, bold header); column
/// widths from the longest cell. The bytes depend only on the sheets: each
/// part has the same fixed time stamp.
public enum XLSXWriter {
    static let stamp = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    public static func bytes(_ sheets: [XLSXSheet]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRels),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    /// Style indices in `cellXfs`.
    enum Style: Int { case plain = 0, date, forced, header }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func worksheet(_ sheet: XLSXSheet) -> String {
        let width = sheet.rows.map(\.count).max() ?? 0
        var longest = Array(repeating: 8, count: width)
        var data = ""
        for (r, row) in sheet.rows.enumerated() {
            data += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                let ref = CellText.letters(ofColumn: c) + String(r + 1)
                let (xml, shown) = cellXML(cell, ref: ref, header: r == 0)
                data += xml
                longest[c] = max(longest[c], min(shown, 50))
            }
            data += "</row>"
        }
        let cols = longest.enumerated().map {
            "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1 + 2)\" customWidth=\"1\"/>"
        }
        let last = CellText.letters(ofColumn: max(width - 1, 0)) + String(max(sheet.rows.count, 1))
        let frozen =
            sheet.rows.count > 1
            ? "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>" : ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <dimension ref="A1:\(last)"/><sheetViews><sheetView workbookViewId="0">\(frozen)</sheetView></sheetViews>\
            \(cols.isEmpty ? "" : "<cols>" + cols.joined() + "</cols>")<sheetData>\(data)</sheetData>\
            \(width > 0 && sheet.rows.count > 1 ? "<autoFilter ref=\"A1:\(last)\"/>" : "")</worksheet>
            """
    }

    /// A cell's XML and about how many characters it shows.
    static func cellXML(_ cell: XLSXCell, ref: String, header: Bool) -> (String, Int) {
        switch cell {
        case .text(let value, let forced):
            let style = header ? Style.header : forced ? .forced : .plain
            let attribute = style == .plain ? "" : " s=\"\(style.rawValue)\""
            let text = escapeXML(CellText.escapeOOXML(value))
            return (
                "<c r=\"\(ref)\"\(attribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>",
                value.count
            )
        case .number(let n):
            return ("<c r=\"\(ref)\"><v>\(n)</v></c>", n.count)
        case .date(let d):
            return ("<c r=\"\(ref)\" s=\"\(Style.date.rawValue)\"><v>\(CellText.serial(of: d))</v></c>", 10)
        case .bool(let b):
            return ("<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>", 5)
        }
    }

    static func escapeXML(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0D })
        else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
