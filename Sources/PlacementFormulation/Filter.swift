import PlacementModel

/// The hard filters of model.md, in the order they are applied (ruling 13),
/// and `banned`, the tenth (rounds.md, ruling 14).
public enum Filter: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case sector = 1, language, dates, duration, accessibility, age, abroad, kind, listed, banned

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
        case .banned: "banned"
        }
    }

    public static func < (a: Filter, b: Filter) -> Bool { a.rawValue < b.rawValue }
}
