/// Builds RFC 4180 text: comma-separated, CRLF record ends, quotes only
/// where a cell needs them (comma, quote, CR or LF inside).
struct CSVTextBuilder {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func row(_ cells: [String]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(cell)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    private mutating func append(_ cell: String) {
        let u = cell.utf8
        let needsQuotes = u.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { bytes.append(contentsOf: u); return }
        bytes.append(UInt8(ascii: "\""))
        for b in u {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
