import PlacementModel

/// How a workbook cell's stored value becomes the text the CSV decoding
/// reads, and back: dates, numbers, cell references and the `_xHHHH_`
/// escapes of ECMA-376 (part 1, 22.9.2.19).
enum CellText {
    /// Built-in number formats that show dates (ECMA-376 part 1, 18.8.30:
    /// 14–22 and 45–47; 27–36 and 50–58 are the East Asian date formats).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom format code shows a date: it has a day or year
    /// code (`d`, `y`) outside quoted text,
    /// `[…]` sections and backslash escapes. A time-only format (`h:mm`)
    /// is not a date.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d", "y": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    /// The day of a date serial: 1 is 1900-01-01 in the 1900 system, where
    /// serial 60 is the 29 February 1900 that never was (Lotus's mistake,
    /// which Excel keeps); 0 is 1904-01-01 in the 1904 system. nil for 60
    /// and for serials before the system's first day.
    static func day(serial: Int, date1904: Bool) -> Day? {
        if date1904 {
            return serial >= 0 ? Day(year: 1904, month: 1, day: 1)?.adding(days: serial) : nil
        }
        guard serial >= 1, serial != 60, let base = Day(year: 1899, month: 12, day: 31) else { return nil }
        return base.adding(days: serial < 60 ? serial : serial - 1)
    }

    /// The 1900-system serial of a day (what the writer stores).
    static func serial(of day: Day) -> Int {
        let base = Day(year: 1899, month: 12, day: 30)!
        return day.ordinal - base.ordinal
    }

    /// The text of a number cell: a whole number without a fraction (`8`,
    /// not `8.0`), any other number as stored (the XML holds it with a
    /// decimal point).
    static func number(_ stored: String) -> String {
        let t = trimmedSpaces(stored)
        if let d = Double(t), d.isFinite, d == d.rounded(), abs(d) < 9.0e15 { return String(Int(d)) }
        return t
    }

    /// A date cell's text: `yyyy-mm-dd`, or with the time when there is one
    /// (which the date columns then refuse, naming the cell).
    static func date(_ stored: String, date1904: Bool) -> String? {
        guard let d = Double(trimmedSpaces(stored)), d.isFinite, abs(d) < 3.0e6 else { return nil }
        let whole = d.rounded(.down)
        guard let day = day(serial: Int(whole), date1904: date1904) else { return nil }
        let minutes = Int(((d - whole) * 1440).rounded())
        if minutes == 0 { return day.iso }
        if minutes >= 1440 { return day.adding(days: 1).iso }
        let hh = minutes / 60, mm = minutes % 60
        return day.iso + " " + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }

    /// The 0-based column of a cell reference (`B7` → 1); nil when it has
    /// no letters or more than three (XFD is the last column).
    static func column(ofReference ref: String) -> Int? {
        var col = 0, letters = 0
        for u in ref.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): col = col * 26 + Int(u - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): col = col * 26 + Int(u - UInt8(ascii: "a")) + 1
            default:
                return letters == 0 ? nil : col - 1
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : col - 1
    }

    /// The letters of a 0-based column (1 → `B`).
    static func letters(ofColumn column: Int) -> String {
        var n = column + 1, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    /// Undoes `_xHHHH_` escapes (characters XML cannot hold, such as
    /// control characters; `_x005F_` is a literal `_`).
    static func unescapeOOXML(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(v)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// Escapes what XML 1.0 cannot hold (control characters other than tab
    /// and line ends) and a literal `_xHHHH_` as ECMA-376 says, so that
    /// ``unescapeOOXML(_:)`` gives the text back.
    static func escapeOOXML(_ s: String) -> String {
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let u = scalars.first {
            scalars = scalars.dropFirst()
            if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" || u.value == 0xFFFE || u.value == 0xFFFF {
                out += "_x" + hex4(u.value) + "_"
            } else if u == "_", looksEscaped(scalars) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func looksEscaped(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let s = rest.prefix(6)
        guard s.count == 6, s.first == "x", s.last == "_" else { return false }
        return s.dropFirst().dropLast().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
