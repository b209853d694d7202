import PlacementModel

/// The apostrophe scheme that keeps text cells safe in spreadsheets and
/// lets the reader undo it exactly.
///
/// A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in
/// some, a tab or carriage return) as a formula ("CSV injection"). The
/// writer therefore puts one `'` before a *text* cell that begins with one of
/// those characters, or that already begins with `'` (so that a real leading
/// apostrophe survives), and writes an empty text value that is given (e.g.
/// `sending_org: ""`) as a lone `'`. The reader removes exactly one leading
/// `'` from every text cell. Spreadsheets show `'=x` as `=x`, as text.
///
/// Text cells are ids, names, codes, `;`-separated lists and `languages`.
/// Numbers and dates are not text: `-1` in `capacity` is the number −1, and
/// dates never begin with those characters.
public enum SpreadsheetText {
    /// First characters that make a spreadsheet treat a cell as a formula, plus `'`.
    static let triggers: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
        UInt8(ascii: "'"), 0x09, 0x0D,
    ]

    /// The cell for a given text value.
    public static func escape(_ value: String) -> String {
        guard let first = value.utf8.first else { return "'" }
        return triggers.contains(first) ? "'" + value : value
    }

    /// The text value of a non-empty text cell.
    public static func unescape(_ cell: String) -> String {
        cell.utf8.first == UInt8(ascii: "'") ? String(cell.dropFirst()) : cell
    }
}

/// How attribute cells are typed, and how the writer keeps strings that
/// look like numbers or booleans strings.
///
/// Reading: an empty cell means "no such attribute"; a cell beginning with
/// `'` is the string after it; `true`/`false` in any letter case are
/// booleans; a cell in JSON number grammar is a number; anything else is a
/// string. Writing: booleans as `true`/`false`, numbers in their shortest
/// form, and strings with a leading `'` when they are empty, begin with a
/// spreadsheet trigger or `'`, or would otherwise read as a boolean or number.
public enum AttributeCell {
    /// The attribute value of a cell; nil for an empty cell.
    public static func decode(_ cell: String) -> AttributeValue? {
        if cell.isEmpty { return nil }
        if cell.utf8.first == UInt8(ascii: "'") { return .string(String(cell.dropFirst())) }
        if let b = booleans[cell.lowercased()] { return .bool(b) }
        if isJSONNumber(cell), let d = Double(cell), d.isFinite { return .number(d) }
        return .string(cell)
    }

    /// TRUE and FALSE as Excel and LibreOffice write them in English,
    /// Spanish, Portuguese, Finnish, Polish and German, in any letter case
    /// (Spanish Excel turns `true` into `VERDADERO`). A text attribute with
    /// one of these values is written with a leading `'`.
    static let booleans: [String: Bool] = [
        "true": true, "false": false, "verdadero": true, "falso": false, "verdadeiro": true,
        "tosi": true, "epätosi": false, "prawda": true, "fałsz": false, "wahr": true, "falsch": false,
    ]

    /// The cell of an attribute value; nil for a number that is not finite
    /// (which no cell can hold).
    public static func encode(_ value: AttributeValue) -> String? {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return d.isFinite ? NumberText.shortest(d) : nil
        case .string(let s):
            if decode(s) == .string(s) && !s.isEmpty && !SpreadsheetText.triggers.contains(s.utf8.first!) { return s }
            return "'" + s
        }
    }

    /// JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isJSONNumber(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Int { let s = i; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }; return i - s }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") { i += 1; guard digits() > 0 else { return false } }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == b.count
    }
}
