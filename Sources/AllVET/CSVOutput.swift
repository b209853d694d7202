import Foundation

/// Writing CSV cells (RFC 4180) that are safe to open in a spreadsheet.
public enum CSVOutput {
    /// A text cell: quoted when it holds a comma, quote or line break; and
    /// when it begins with `=`, `+`, `-`, `@` (a formula to a spreadsheet)
    /// or `'`, prefixed with `'` so that the spreadsheet shows it as text.
    /// Readers strip one leading `'` from text cells.
    public static func text(_ s: String) -> String {
        var v = s
        if let f = v.unicodeScalars.first, "=+-@'".unicodeScalars.contains(f) { v = "'" + v }
        return plain(v)
    }

    /// A cell written as it is (numbers, dates), quoted only when needed.
    public static func plain(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// One record from cells already escaped, ended by a line feed.
    public static func record(_ cells: [String]) -> String { cells.joined(separator: ",") + "\n" }
}
