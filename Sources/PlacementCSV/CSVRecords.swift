/// RFC 4180 records of any CSV file, for readers outside this target (the
/// results reader of `PlacementVerify`). The same parser as the instance
/// readers: physical line numbers, and malformed quoting reported.
public enum CSVRecords {
    /// One record: the physical line it starts on, and its raw cells (text
    /// cells still carry the ``SpreadsheetText`` apostrophe; undo it with
    /// ``SpreadsheetText/unescape(_:)``).
    public struct Record: Sendable {
        public var line: Int
        public var cells: [String]
    }

    /// The records of `bytes` (the header first) and any syntax errors as
    /// `(line, message)`.
    /// The separator is found from the header row (``CSVDialect``), so that
    /// results written as ``CSVOutputDialect/excelEU`` read too.
    public static func parse(_ bytes: [UInt8]) -> (records: [Record], errors: [(line: Int, message: String)]) {
        let (records, errors) = CSVParser.parse(bytes, separator: CSVDialect.separator(ofHeader: bytes))
        return (records.map { Record(line: $0.line, cells: $0.cells) }, errors.map { ($0.line, $0.message) })
    }
}
