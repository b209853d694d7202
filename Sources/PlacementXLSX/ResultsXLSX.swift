import PlacementCSV
import PlacementModel

/// `results.xlsx`: a results folder's tables as one workbook, with real
/// dates and numbers, for coordinators who work in a spreadsheet. Each
/// sheet holds exactly the rows and columns of its CSV file (formats.md,
/// "Results"), so the two never disagree: the workbook is made from the
/// CSV text.
public enum ResultsXLSX {
    static let dateColumns: Set<String> = ["start", "end"]
    static let numberColumns: Set<String> = [
        "weeks", "rank", "distance_km", "travel", "individual", "organisational", "inclusion", "cost",
        "companions", "total",
    ]

    /// The workbook of `tables` (sheet name → CSV text as allvet writes it,
    /// comma-separated); nil when a text does not parse, which would be a
    /// bug in the writer.
    public static func bytes(_ tables: [(sheet: String, csv: String)]) throws -> [UInt8]? {
        var sheets: [XLSXSheet] = []
        for (name, csv) in tables {
            guard let rows = CSVParser.rows(ofWritten: csv) else { return nil }
            let header = rows.first ?? []
            sheets.append(
                XLSXSheet(
                    name: name,
                    rows: rows.enumerated().map { r, row in
                        row.enumerated().map { c, cell -> XLSXCell? in
                            r == 0 ? .text(cell) : typed(cell, column: c < header.count ? header[c] : "")
                        }
                    }))
        }
        return try XLSXWriter.bytes(sheets)
    }

    static func typed(_ cell: String, column: String) -> XLSXCell? {
        XLSXCell.fromCSV(cell, date: dateColumns.contains(column), number: numberColumns.contains(column))
    }
}
