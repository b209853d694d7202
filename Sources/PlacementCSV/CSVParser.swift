/// One record of a CSV file, with the physical line each cell starts on.
package struct CSVRecord: Sendable {
    /// 1-based physical line on which the record starts (the header is line 1
    /// unless blank lines precede it); a workbook's row number.
    package var line: Int
    package var cells: [String]
    /// 1-based physical line on which each cell starts (differs from `line`
    /// after a quoted cell holding a line break).
    package var cellLines: [Int]

    package init(line: Int, cells: [String], cellLines: [Int]) {
        self.line = line
        self.cells = cells
        self.cellLines = cellLines
    }
}

/// A syntax problem in a CSV file, at a physical line.
struct CSVSyntaxError: Sendable, Equatable {
    var line: Int
    var message: String
}

/// A small RFC 4180 parser working on UTF-8 bytes.
///
/// Why not a library: the two CSV libraries available to the project were
/// measured on 100,000 participant rows (12 MB, release build): CSV.swift
/// 2.5.2 took 0.71 s and SwiftCSV 0.10.0 took 1.62 s, so both are fast
/// enough, but neither reports line numbers, and both silently accept an
/// unterminated quote (they return the rest of the file as one cell).
/// allvet must name the line of every problem and never mistake a broken file
/// for data, so this parser tracks physical lines and reports malformed
/// quoting. It is one pass over the bytes with no backtracking: on the same
/// 100,000-row file, reading with this parser *and* decoding into an
/// `Instance` takes 0.78 s.
///
/// Rules: comma separator (or the one ``CSVDialect`` detected); records end with CRLF, LF or a lone CR; a cell
/// that starts with `"` is quoted, may hold commas, line breaks and doubled
/// quotes `""`, and must be followed by a comma or a record end; a `"` inside
/// an unquoted cell is kept as it is (a lenient reading, as most spreadsheets
/// do); a leading UTF-8 byte-order mark is skipped; lines that are entirely
/// empty are skipped. Cells are decoded as UTF-8; invalid UTF-8 is an error
/// naming its line.
package enum CSVParser {
    /// The cells of CSV text allvet wrote itself (a results file), header
    /// first; nil when it does not parse.
    package static func rows(ofWritten text: String) -> [[String]]? {
        let (records, syntax) = parse(Array(text.utf8))
        return syntax.isEmpty ? records.map(\.cells) : nil
    }

    /// Parses `bytes` with `separator` between cells (a comma unless the
    /// file's dialect says otherwise; ``CSVDialect``).
    static func parse(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) -> (
        records: [CSVRecord], errors: [CSVSyntaxError]
    ) {
        var records: [CSVRecord] = []
        var errors: [CSVSyntaxError] = []
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = 1
        let quote = UInt8(ascii: "\""), comma = separator, cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func text(_ slice: ArraySlice<UInt8>, _ at: Int) -> String {
            if let s = String(validating: slice, as: UTF8.self) { return s }
            errors.append(CSVSyntaxError(line: at, message: "The cell is not valid UTF-8; save the file as UTF-8."))
            return String(decoding: slice, as: UTF8.self)
        }

        while i < n {
            // Skip entirely empty lines.
            if bytes[i] == lf { line += 1; i += 1; continue }
            if bytes[i] == cr { line += 1; i += (i + 1 < n && bytes[i + 1] == lf) ? 2 : 1; continue }

            var record = CSVRecord(line: line, cells: [], cellLines: [])
            var endOfRecord = false
            while !endOfRecord {
                let cellLine = line
                if i < n, bytes[i] == quote {
                    // Quoted cell.
                    i += 1
                    var buffer: [UInt8] = []
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote { buffer.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b == lf || (b == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                        buffer.append(b)
                        i += 1
                    }
                    record.cells.append(text(buffer[...], cellLine))
                    record.cellLines.append(cellLine)
                    if !closed {
                        errors.append(
                            CSVSyntaxError(
                                line: cellLine,
                                message:
                                    "A quoted cell is never closed (unterminated quote); add the closing \" or remove the opening one."
                            ))
                        records.append(record)
                        return (records, errors)
                    }
                    // After the closing quote: a comma, a record end or the end of the file.
                    if i >= n {
                        endOfRecord = true
                    } else if bytes[i] == comma {
                        i += 1
                    } else if bytes[i] == lf || bytes[i] == cr {
                        endOfRecord = true
                    } else {
                        errors.append(
                            CSVSyntaxError(
                                line: line,
                                message:
                                    "Found text after the closing quote of a cell; expected \(CSVDialect.name(of: separator)) or the end of the line (write a quote inside a quoted cell as \"\")."
                            ))
                        // Resynchronise at the next comma or line end.
                        while i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr { i += 1 }
                        if i < n, bytes[i] == comma { i += 1 } else { endOfRecord = true }
                    }
                } else {
                    let start = i
                    while i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr { i += 1 }
                    record.cells.append(text(bytes[start..<i], cellLine))
                    record.cellLines.append(cellLine)
                    if i < n, bytes[i] == comma { i += 1 } else { endOfRecord = true }
                }
                if endOfRecord, i < n {
                    // Consume the record end.
                    if bytes[i] == cr { i += (i + 1 < n && bytes[i + 1] == lf) ? 2 : 1 } else { i += 1 }
                    line += 1
                } else if !endOfRecord, i >= n {
                    // A trailing comma at the very end of the file: one more empty cell.
                    record.cells.append("")
                    record.cellLines.append(line)
                    endOfRecord = true
                }
            }
            records.append(record)
        }
        return (records, errors)
    }
}
