import Foundation

/// The one place that writes numbers as text, for every file and message
/// allvet writes: JSON, CSV, reports, the terminal.
public enum NumberText {
    /// Shortest text that reads back as the same number: integers without a
    /// fraction (`12`, not `12.0`), others in Swift's shortest round-trip
    /// form (`12.5`, `0.1`); `null` for a number that is not finite (JSON
    /// has none).
    public static func shortest(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// `digits` decimals, rounded half away from zero as `printf` does (`1.50`).
    public static func fixed(_ d: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", d)
    }

    /// At most `digits` decimals, without trailing zeros (`0.25`, `3`).
    public static func trimmed(_ d: Double, digits: Int) -> String {
        var s = fixed(d, digits: digits)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
