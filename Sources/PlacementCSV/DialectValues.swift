import PlacementModel

/// Cell values as spreadsheets in the alliance's locales write them
/// (docs/inputs.md, "Spreadsheet dialects"): dates day first, whole numbers
/// with a zero fraction, and decimal commas (booleans in six languages are
/// ``AttributeCell``'s).
extension CSVDialect {
    /// The digits (with sign) of a whole-number cell: `8`, `-3`, or with a
    /// fraction of zeros in the file's decimal mark (`8,0` where numbers
    /// have decimal commas, else `8.0`). Otherwise nil and what is wrong.
    func wholeNumber(_ s: String) -> (text: String?, problem: String?) {
        let mark: Character = decimalComma ? "," : "."
        if decimalComma, s.contains(".") {
            return (
                nil,
                "this file writes numbers with decimal commas, so \"\(s)\" is ambiguous; write it "
                    + "without a thousands separator (1000)"
            )
        }
        var whole = Substring(s)
        if let dot = s.firstIndex(of: mark) {
            let fraction = s[s.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return (nil, nil) }
            whole = s[..<dot]
        }
        let digits = whole.hasPrefix("-") ? whole.dropFirst() : whole
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return (nil, nil) }
        return (String(whole), nil)
    }

    /// A date as `YYYY-MM-DD`, or day first as `dd/mm/yyyy`, `d/m/yyyy`,
    /// `dd.mm.yyyy` or `dd-mm-yyyy` (every partner country writes the day
    /// first); nil when it is none of these or no real day.
    static func day(_ s: String) -> Day? {
        if let d = Day(iso: s) { return d }
        for separator in ["/", ".", "-"] as [Character] {
            let parts = s.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                parts[2].count == 4, parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
                let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
            else { continue }
            return Day(year: year, month: month, day: day)
        }
        return nil
    }

    /// An attribute cell: as ``AttributeCell/decode(_:)`` (booleans in six
    /// languages, numbers, text), and `1,5` a number where numbers have
    /// decimal commas; nil when empty.
    func attribute(_ cell: String) -> AttributeValue? {
        let plain = AttributeCell.decode(cell)
        guard decimalComma, case .string = plain, let comma = cell.firstIndex(of: ","), !cell.contains("."),
            case .number(let d)? = AttributeCell.decode(
                String(cell[..<comma]) + "." + String(cell[cell.index(after: comma)...]))
        else { return plain }
        return .number(d)
    }
}
