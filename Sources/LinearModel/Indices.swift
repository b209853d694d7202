/// A column (variable) of a ``LinearModel``, by its 0-based position.
///
/// Indices are typed so that a row index can never be passed where a column
/// is meant. Conversion to a solver's own (often 1-based) numbering happens
/// in the solver wrapper only.
public struct ColumnIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: ColumnIndex, b: ColumnIndex) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "c\(rawValue)" }
}

/// A row (constraint) of a ``LinearModel``, by its 0-based position.
public struct RowIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: RowIndex, b: RowIndex) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "r\(rawValue)" }
}
