/// A CSV file read into a header and rows, with its column names checked.
package struct CSVTable {
    /// The file's path as shown in diagnostics.
    var file: String
    var header: [String]
    var headerLine: Int
    var rows: [CSVRecord]
    /// Column name → position in the header.
    var columns: [String: Int]
    /// How the file was written (separator, decimal mark, encoding).
    var dialect = CSVDialect(separator: CSVDialect.comma)
    /// How a row is named in diagnostics: `line` in a CSV file, `sheet
    /// "participants", row` in a workbook (PlacementXLSX).
    var lineLabel = "line"

    /// Whether the header has `column`.
    func has(_ column: String) -> Bool { columns[column] != nil }

    /// The raw cell of `column` in `row`; "" when the column is absent.
    func cell(_ row: CSVRecord, _ column: String) -> String {
        guard let c = columns[column] else { return "" }
        return row.cells[c]
    }

    /// `line N, column "x"` for a cell, or `line N` when the column is absent.
    func location(_ row: CSVRecord, _ column: String?) -> String {
        guard let column, let c = columns[column] else { return "\(lineLabel) \(row.line)" }
        return "\(lineLabel) \(row.cellLines[c]), column \"\(column)\""
    }
}

/// Collects diagnostics for one read.
package struct DiagnosticSink {
    private var kept: [Diagnostic] = []
    private var cap = DiagnosticCap()
    /// Every diagnostic kept, then a closing line for each kind over the cap (``DiagnosticCap``).
    package var diagnostics: [Diagnostic] {
        get { kept + cap.closing }
        set { kept = newValue }
    }
    package var hasErrors: Bool { kept.contains { $0.severity == .error } }

    package init() {}

    package mutating func error(_ file: String, _ location: String, _ message: String) {
        let d = Diagnostic(.error, file: file, location: location, message: message)
        if cap.admit(d) { kept.append(d) }
    }

    package mutating func warning(_ file: String, _ location: String, _ message: String) {
        let d = Diagnostic(.warning, file: file, location: location, message: message)
        if cap.admit(d) { kept.append(d) }
    }
}

import PlacementModel

extension CSVTable {
    /// Parses `bytes` and checks the header: no duplicate or nameless
    /// columns, every `required` column present, and (when `known` is given)
    /// no column outside `known`. Header problems and rows with the wrong
    /// number of cells are reported in `sink` and the rest is still returned,
    /// so that one run reports every problem; returns nil only when the file
    /// is empty or its quoting is broken.
    static func read(
        file: String, bytes: [UInt8], required: [String], known: [String]?, encoding: CSVEncoding = .automatic,
        sink: inout DiagnosticSink
    ) -> CSVTable? {
        let (text, dialect, encodingError) = CSVDialect.read(bytes, forced: encoding)
        if let encodingError {
            sink.error(file, "line 1", encodingError)
            return nil
        }
        for note in dialect.notes { sink.warning(file, "", note) }
        var (records, syntax) = CSVParser.parse(text, separator: dialect.separator)
        for e in syntax { sink.error(file, "line \(e.line)", e.message) }
        if syntax.isEmpty { dropTrailingEmptyColumns(&records) }
        if records.isEmpty && !syntax.isEmpty { return nil }
        // Broken quoting: only the header is checked; the rows cannot be trusted.
        let table = checked(
            file: file, records: syntax.isEmpty ? records : Array(records.prefix(1)), required: required, known: known,
            lineLabel: "line", sink: &sink)
        // A file with broken quoting is not read further: its cells cannot be trusted.
        guard syntax.isEmpty, var table else { return nil }
        table.dialect = dialect
        return table
    }

    /// Checks the header (the first record) of `records`: no duplicate or
    /// nameless columns, every `required` column present, and (when `known`
    /// is given) no column outside `known`; rows with another number of
    /// cells are reported and left out. The one header check of CSV files
    /// and workbook sheets; nil only when there is no header row.
    package static func checked(
        file: String, records: [CSVRecord], required: [String], known: [String]?, lineLabel: String,
        sink: inout DiagnosticSink
    ) -> CSVTable? {
        guard let headerRecord = records.first else {
            sink.error(
                file, "\(lineLabel) 1",
                "The \(lineLabel == "line" ? "file" : "sheet") is empty; expected a header row naming the columns (\(required.joined(separator: ", ")))."
            )
            return nil
        }
        let header = headerRecord.cells.map { $0.trimmingSpaces }
        var columns: [String: Int] = [:]
        for (c, name) in header.enumerated() {
            let loc = "\(lineLabel) \(headerRecord.line), column \(c + 1)"
            if name.isEmpty {
                sink.error(file, loc, "Column \(c + 1) has no name in the header; give it one or delete the column.")
            } else if let first = columns[name] {
                sink.error(
                    file, "\(lineLabel) \(headerRecord.line), column \"\(name)\"",
                    "Column \"\(name)\" appears twice in the header (columns \(first + 1) and \(c + 1)); expected each column once."
                )
            } else {
                columns[name] = c
                if let known, !known.contains(name) {
                    sink.error(
                        file, "\(lineLabel) \(headerRecord.line), column \"\(name)\"",
                        "Unknown column \"\(name)\"; expected only these columns: \(known.joined(separator: ", ")).")
                }
            }
        }
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            sink.error(
                file, "\(lineLabel) \(headerRecord.line)",
                "Missing required column\(missing.count > 1 ? "s" : "") \(names); add \(missing.count > 1 ? "them" : "it") to the header."
            )
        }
        var rows: [CSVRecord] = []
        for r in records.dropFirst() {
            if r.cells.count == header.count { rows.append(r); continue }
            sink.error(
                file, "\(lineLabel) \(r.line)",
                "The row has \(r.cells.count) cell\(r.cells.count == 1 ? "" : "s"); expected \(header.count), one per header column."
            )
        }
        return CSVTable(
            file: file, header: header, headerLine: headerRecord.line, rows: rows, columns: columns,
            lineLabel: lineLabel)
    }
}

extension String {
    /// Spaces, tabs and no-break spaces around the text, as the JSON
    /// reader trims ids (``PlacementModel/trimmedSpaces(_:)``): a Windows
    /// file's 0xA0 once stayed on a CSV preference and broke the round trip
    /// through JSON (found by the CSV fuzz target).
    var trimmingSpaces: String { trimmedSpaces(self) }
}

extension CSVTable {
    /// Columns after the last named one that are empty in every row (a
    /// spreadsheet keeps them after a column's contents were deleted) are
    /// not part of the table. A nameless column that holds anything stays,
    /// and the header check reports it.
    package static func dropTrailingEmptyColumns(_ records: inout [CSVRecord]) {
        guard let header = records.first?.cells else { return }
        var width = header.count
        while width > 1, header[width - 1].trimmingSpaces.isEmpty { width -= 1 }
        guard width < header.count else { return }
        for r in records where r.cells.count > width {
            if r.cells[width...].contains(where: { !$0.trimmingSpaces.isEmpty }) { return }
        }
        for k in records.indices where records[k].cells.count > width {
            records[k].cells.removeSubrange(width...)
            records[k].cellLines.removeSubrange(width...)
        }
    }
}
