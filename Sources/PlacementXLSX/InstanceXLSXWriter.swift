import PlacementCSV
import PlacementModel

/// Writes a round as one workbook that ``InstanceXLSXReader`` reads back as
/// the identical instance (bar its name, which comes from the file name):
/// the cells of the CSV folder form (``/PlacementCSV/InstanceCSVWriter``),
/// typed as a coordinator's spreadsheet holds them. Dates are date cells,
/// whole-number columns numbers, attribute booleans and numbers real
/// booleans and numbers; text that the CSV form protects with a leading
/// apostrophe is forced text (`quotePrefix`), so it stays text.
public enum InstanceXLSXWriter {
    static let dateColumns: Set<String> = ["available_from", "available_to", "birth_date", "from", "to"]
    static let wholeColumns: Set<String> = ["weeks", "capacity", "total", "min_weeks", "max_weeks", "min_age"]

    /// The workbook's bytes; throws ``/PlacementCSV/CSVWriteError`` for what the
    /// tabular form cannot hold.
    public static func bytes(_ instance: Instance) throws -> [UInt8] {
        let standard = Set(CSVColumns.participants)
        let sheets = try InstanceCSVWriter.tables(instance).map { table in
            let name = String(table.name.dropLast(".csv".count))
            let header = table.rows.first ?? []
            let rows = table.rows.enumerated().map { r, row in
                row.enumerated().map { c, cell -> XLSXCell? in
                    if r == 0 { return .text(cell) }
                    let column = header[c]
                    let attribute = name == "participants" && !standard.contains(column)
                    return typed(cell, column: column, attribute: attribute)
                }
            }
            return XLSXSheet(name: name, rows: rows)
        }
        return try XLSXWriter.bytes(sheets)
    }

    /// A CSV cell as a typed workbook cell.
    static func typed(_ cell: String, column: String, attribute: Bool) -> XLSXCell? {
        let typed = XLSXCell.fromCSV(cell, date: dateColumns.contains(column), number: wholeColumns.contains(column))
        guard attribute, case .text(_, forced: false)? = typed else { return typed }
        switch AttributeCell.decode(cell) {
        case .bool(let b)?: return .bool(b)
        case .number?: return .number(cell)
        default: return typed
        }
    }
}
