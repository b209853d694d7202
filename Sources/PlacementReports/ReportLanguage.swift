import Foundation
import PlacementModel

/// The languages of report.html and comparison.html (`--lang`; issue 16):
/// English, and those of the alliance's partners. The texts are in one
/// catalogue per language (`Catalogues/`), keyed by the English text;
/// dates and numbers follow the language's usual form. Reason details
/// and every CSV and JSON file stay English, for scripts.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, es, pt, fi, pl, de

    /// The language a report is being rendered in: set around one rendering
    /// (``RoundReport``, ``/PlacementSweeps/SweepComparison/html(language:)``).
    @TaskLocal static var current: ReportLanguage = .en

    /// Text → this language's text; English has none (the keys are English).
    var catalogue: [String: String] {
        switch self {
        case .en: [:]
        case .es: Catalogue.es
        case .pt: Catalogue.pt
        case .fi: Catalogue.fi
        case .pl: Catalogue.pl
        case .de: Catalogue.de
        }
    }

    /// `key` in this language, `{0}`, `{1}` … replaced by `args`; the key
    /// itself when the catalogue lacks it (a test keeps them complete).
    func text(_ key: String, _ args: [String]) -> String {
        var out = catalogue[key] ?? key
        for (i, a) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: a) }
        return out
    }

    /// A date as people write it: ISO in English (as in the files),
    /// day first elsewhere (`02/03/2026`, `2.3.2026` in Finnish, `02.03.2026`).
    func date(_ d: Day) -> String {
        let (y, m, day) = d.components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch self {
        case .en: return d.iso
        case .es, .pt: return "\(two(day))/\(two(m))/\(y)"
        case .fi: return "\(day).\(m).\(y)"
        case .pl, .de: return "\(two(day)).\(two(m)).\(y)"
        }
    }

    /// The decimal mark: a point in English, a comma in the partners' languages.
    var decimalComma: Bool { self != .en }
}

/// `key` in the language being rendered (``ReportLanguage/current``).
func tr(_ key: String, _ args: String...) -> String { ReportLanguage.current.text(key, args) }

extension ReportLanguage {
    /// Keys looked up by value rather than written out (`tr(status)`):
    /// statuses, goal names, reasons and filters, as in the files.
    static let valueKeys: [String] = [
        "optimal", "feasible", "infeasible", "time_limit", "not_solved", "error", "missing",
        "placed", "rank", "worst_rank", "early", "changes",
        "no_candidate", "capacity", "quota", "group",
        "sector", "language", "dates", "duration", "accessibility", "age", "abroad", "kind", "listed", "banned",
        "moved", "unplaced", "new", "left",
        "host withdrawn", "offer withdrawn", "not in the round", "the previous start is no longer a candidate",
    ]
}

/// Namespace of the catalogues, one file per language.
enum Catalogue {}
