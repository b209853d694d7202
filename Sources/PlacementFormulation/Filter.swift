import PlacementModel

/// The hard filters of model.md, in the order they are applied (ruling 13).
public enum Filter: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case sector = 1, language, dates, duration, accessibility, age, abroad, kind, listed

    /// The filter's name as written in `unplaced.csv` (`sector`, `language`, …).
    public var description: String {
        switch self {
        case .sector: "sector"
        case .language: "language"
        case .dates: "dates"
        case .duration: "duration"
        case .accessibility: "accessibility"
        case .age: "age"
        case .abroad: "abroad"
        case .kind: "kind"
        case .listed: "listed"
        }
    }

    public static func < (a: Filter, b: Filter) -> Bool { a.rawValue < b.rawValue }
}
