import PlacementCSV
import PlacementModel

/// Reads a round from one workbook (`.xlsx`): sheets `participants`,
/// `hosts` and `offers` with the columns of the CSV folder form, decoded by
/// the same code (``/PlacementCSV/InstanceCSVReader``), so that a workbook
/// and a CSV folder of the same round read the same instance.
///
/// What a workbook adds (docs/inputs.md, "Workbooks"): cells keep their
/// types, so date cells are read as dates whatever their display format,
/// number cells as numbers and TRUE/FALSE cells as booleans; sheet names
/// are matched in any letter case; other sheets are skipped with a warning;
/// a cell holding an error value (`#N/A`) is an error. Every problem names
/// the workbook, the sheet, the row and the column.
public enum InstanceXLSXReader {
    /// Columns whose cells are numbers, dates or kinds: text forced there
    /// with a leading apostrophe (`'8`) is read as its value.
    static let typedColumns: Set<String> =
        InstanceXLSXWriter.dateColumns.union(InstanceXLSXWriter.wholeColumns).union(["kind"])

    /// Reads the workbook at `path`; the round is named after the file
    /// (without `.xlsx`). Throws every error as ``/PlacementModel/InputError``.
    public static func read(path: String) throws(InputError) -> (Instance, warnings: [Diagnostic]) {
        let bytes = try readFileBytes(path, kind: "a workbook")
        return try read(bytes: bytes, file: path, name: roundName(path))
    }

    /// Reads a workbook's bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String, name: String) throws(InputError) -> (
        Instance, warnings: [Diagnostic]
    ) {
        var sink = DiagnosticSink()
        func fail(_ message: String) -> InputError {
            InputError([Diagnostic(.error, file: file, location: "", message: message)])
        }
        guard var archive = XLSXArchive(bytes: bytes) else {
            let hint =
                bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
                ? "it is an old Excel 97-2003 (.xls) file; save it as Excel Workbook (.xlsx)"
                : "expected an Excel or LibreOffice workbook saved as .xlsx"
            throw fail("The file is not an .xlsx workbook (not a ZIP archive): \(hint).")
        }
        let sheets: [String: CSVTable]
        do {
            let parts = try WorkbookParts(&archive)
            sheets = try tables(&archive, parts, file: file, sink: &sink)
        } catch {
            throw fail(error.message)
        }
        return try InstanceCSVReader.decode(
            participants: sheets["participants"], hosts: sheets["hosts"], offers: sheets["offers"],
            locks: sheets["locks"], bans: sheets["bans"], sendingOrgs: sheets["sending_orgs"],
            groups: sheets["groups"], name: name,
            hostsName: "the sheet \"hosts\"", sink: &sink)
    }

    /// The three sheets (and the optional `locks` and `bans`) as tables,
    /// their headers checked as a CSV file's.
    private static func tables(
        _ archive: inout XLSXArchive, _ parts: WorkbookParts, file: String, sink: inout DiagnosticSink
    ) throws(XLSXError) -> [String: CSVTable] {
        let wanted: [(name: String, required: [String], known: [String]?, optional: Bool)] = [
            ("participants", CSVColumns.participantsRequired, nil, false),
            ("hosts", CSVColumns.hostsRequired, CSVColumns.hosts, false),
            ("offers", CSVColumns.offersRequired, CSVColumns.offers, false),
            ("locks", CSVColumns.agreementsRequired, CSVColumns.locks, true),
            ("bans", CSVColumns.agreementsRequired, CSVColumns.bans, true),
            ("sending_orgs", CSVColumns.sendingOrgsRequired, CSVColumns.sendingOrgs, true),
            ("groups", CSVColumns.groupsRequired, CSVColumns.groups, true),
        ]
        let found = parts.sheets.map { trimmedSpaces($0.name).lowercased() }
        for (sheet, key) in zip(parts.sheets, found) where !wanted.contains(where: { $0.name == key }) {
            sink.warning(
                file, "sheet \"\(sheet.name)\"",
                "This sheet is not read: a round's workbook has the sheets participants, hosts and offers, "
                    + "and may have locks, bans, sending_orgs and groups.")
        }
        var out: [String: CSVTable] = [:]
        for w in wanted {
            guard let i = found.firstIndex(of: w.name) else {
                if w.optional { continue }
                let names = parts.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
                sink.error(
                    file, "",
                    "The workbook has no sheet \"\(w.name)\" (its sheets: \(names)); name the sheet of \(w.name) "
                        + "\"\(w.name)\".")
                continue
            }
            let sheet = parts.sheets[i]
            guard let bytes = try archive.part(sheet.path) else {
                throw .damaged("the sheet \"\(sheet.name)\" has no part \(sheet.path)")
            }
            let label = "sheet \"\(sheet.name)\", row"
            let rows = try SheetRows(bytes, part: sheet.path, parts: parts)
            for p in rows.problems {
                sink.error(
                    file, "\(label) \(p.row), column \(CellText.letters(ofColumn: p.column))",
                    "The cell \(p.message).")
            }
            var records = records(rows.rows)
            CSVTable.dropTrailingEmptyColumns(&records)
            if let t = CSVTable.checked(
                file: file, records: records, required: w.required, known: w.known, lineLabel: label, sink: &sink)
            {
                out[w.name] = t
            }
        }
        return out
    }

    /// Rows as CSV records: forced text gets the apostrophe that the CSV
    /// reading removes, except in typed columns; every row is padded to the
    /// header's width (a sheet leaves out empty cells at a row's end).
    private static func records(_ rows: [SheetRows.Row]) -> [CSVRecord] {
        guard let header = rows.first else { return [] }
        let names = header.cells.map { trimmedSpaces($0.text) }
        let width = header.cells.count
        return rows.map { row in
            var cells = row.cells.enumerated().map { (c, cell) -> String in
                guard cell.forcedText, row.number != header.number else { return cell.text }
                return c < width && typedColumns.contains(names[c]) ? cell.text : "'" + cell.text
            }
            if cells.count < width { cells += Array(repeating: "", count: width - cells.count) }
            return CSVRecord(
                line: row.number, cells: cells, cellLines: Array(repeating: row.number, count: cells.count))
        }
    }

    /// A workbook's round name: its file name without `.xlsx`.
    public static func roundName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.lowercased().hasSuffix(".xlsx") ? String(last.dropLast(5)) : last
    }
}

extension InstanceXLSXReader {
    /// Every sheet of a workbook as rows of cell text (as the round reader
    /// sees them, before any column is decoded), for tests and tools that
    /// look inside a workbook allvet wrote (`results.xlsx`).
    public static func sheets(bytes: [UInt8]) throws -> [(name: String, rows: [[String]])] {
        guard var archive = XLSXArchive(bytes: bytes) else { throw XLSXError.damaged("it is not a ZIP archive") }
        let parts = try WorkbookParts(&archive)
        var out: [(String, [[String]])] = []
        for sheet in parts.sheets {
            guard let xml = try archive.part(sheet.path) else { throw XLSXError.damaged("no part \(sheet.path)") }
            let rows = try SheetRows(xml, part: sheet.path, parts: parts)
            out.append((sheet.name, rows.rows.map { $0.cells.map(\.text) }))
        }
        return out
    }
}
