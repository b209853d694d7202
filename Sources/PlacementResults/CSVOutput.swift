import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// Writing CSV cells (RFC 4180) that are safe to open in a spreadsheet.
public enum CSVOutput {
    /// A text cell, safe in a spreadsheet by the apostrophe scheme of
    /// ``/PlacementCSV/SpreadsheetText`` (the same as instance CSV files), and quoted
    /// when it holds a comma, quote or line break.
    public static func text(_ s: String) -> String { plain(SpreadsheetText.escape(s)) }

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
