import PlacementModel

/// One worksheet's cells as text, row by row, as the CSV decoding reads
/// them (``CellText``): shared and inline strings as they are, numbers
/// without a needless fraction, date-styled numbers as `yyyy-mm-dd`,
/// booleans as `TRUE`/`FALSE`, formulas by their cached value.
struct SheetRows {
    struct Cell {
        var text: String
        /// Text the user forced with a leading apostrophe (`quotePrefix`),
        /// or text that itself begins with one.
        var forcedText: Bool
    }

    /// A row with a cell for every column up to its last non-empty one.
    struct Row {
        var number: Int
        var cells: [Cell]
    }

    /// A cell the workbook cannot give a value for (an error value such as
    /// `#DIV/0!`, or a broken reference into the shared strings).
    struct Problem {
        var row: Int
        var column: Int
        var message: String
    }

    var rows: [Row] = []
    var problems: [Problem] = []

    /// The most columns a sheet may use (a round has about 15, plus its
    /// attributes): rows are padded to their last cell, so one cell far to
    /// the right in every row would otherwise take memory for thousands.
    static let maxColumns = 1_024

    /// Reads the worksheet part `bytes`; rows whose cells are all empty are
    /// left out, as the CSV reader skips blank lines.
    init(_ bytes: [UInt8], part: String, parts: WorkbookParts) throws(XLSXError) {
        var rows: [Row] = [], problems: [Problem] = []
        var row = Row(number: 0, cells: []), lastRow = 0
        var column = -1, type = "n", style = 0
        var value = "", inline = "", inValue = false, inInline = false, inText = false, phonetic = 0
        let empty = Cell(text: "", forcedText: false)

        func finishCell() {
            var text: String
            var isText = false
            switch type {
            case "s":
                guard let i = Int(trimmedValue(value)), parts.sharedStrings.indices.contains(i) else {
                    problems.append(
                        Problem(
                            row: row.number, column: column,
                            message: "refers to shared string \(value) that the workbook does not have"))
                    return
                }
                text = parts.sharedStrings[i]
                isText = true
            case "inlineStr":
                text = CellText.unescapeOOXML(inline)
                isText = true
            case "str":
                text = CellText.unescapeOOXML(value)
                isText = true
            case "b":
                text = trimmedValue(value) == "1" || trimmedValue(value) == "true" ? "TRUE" : "FALSE"
            case "e":
                // Reported here, and kept as the cell's text so that no column reads it as empty or as a name.
                problems.append(
                    Problem(
                        row: row.number, column: column,
                        message: "holds the spreadsheet error \(value); expected a value (mend the formula or type "
                            + "the value)"))
                text = value
            case "d":
                // An ISO 8601 date cell (rare; Excel writes numbers): its date part, or all of it with a time.
                let t = trimmedValue(value)
                text = t.hasSuffix("T00:00:00") || t.hasSuffix("T00:00:00Z") ? String(t.prefix(10)) : t
            default:
                if value.isEmpty { return }
                if parts.dateStyles.contains(style),
                    let d = CellText.date(value, date1904: parts.date1904)
                {
                    text = d
                } else {
                    text = CellText.number(value)
                }
            }
            guard column >= 0, column < SheetRows.maxColumns else {
                problems.append(
                    Problem(
                        row: row.number, column: max(column, 0),
                        message: "is beyond the \(SheetRows.maxColumns) columns a round's sheet may have; delete it"))
                return
            }
            let forced = isText && (parts.quotedStyles.contains(style) || text.utf8.first == UInt8(ascii: "'"))
            if text.isEmpty && !forced { return }
            if row.cells.count <= column {
                row.cells += Array(repeating: empty, count: column + 1 - row.cells.count)
            }
            row.cells[column] = Cell(text: text, forcedText: forced)
        }

        try XMLEvents.parse(
            bytes, part: part,
            start: { name, a in
                switch name {
                case "row":
                    let n = a["r"].flatMap { Int($0) } ?? lastRow + 1
                    row = Row(number: n, cells: [])
                    lastRow = n
                    column = -1
                case "c":
                    column = a["r"].flatMap { CellText.column(ofReference: $0) } ?? column + 1
                    type = a["t"] ?? "n"
                    style = a["s"].flatMap { Int($0) } ?? 0
                    value = ""
                    inline = ""
                case "v": inValue = true
                case "is": inInline = true
                case "t": inText = inInline && phonetic == 0
                case "rPh": phonetic += 1
                default: break
                }
            },
            end: { name in
                switch name {
                case "v": inValue = false
                case "is": inInline = false
                case "t": inText = false
                case "rPh": phonetic -= 1
                case "c": finishCell()
                case "row":
                    if row.cells.contains(where: { !$0.text.isEmpty || $0.forcedText }) { rows.append(row) }
                default: break
                }
            },
            text: { s in
                if inValue {
                    value += s
                } else if inText {
                    inline += s
                }
            })
        rows.sort { $0.number < $1.number }
        self.rows = rows
        self.problems = problems
    }
}

private func trimmedValue(_ s: String) -> String { trimmedSpaces(s) }
