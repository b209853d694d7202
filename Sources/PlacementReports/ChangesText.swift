import PlacementModel
import PlacementResults

/// The report's "What changed since the previous round" (rounds.md,
/// section 3): one row a participant whose stay changed, with the stay
/// before and after and why, in words a coordinator can forward.
enum ChangesText {
    static func section(_ c: RoundChanges, instance: Instance) -> RoundReport.Page.Changes {
        let counts = RoundChanges.Kind.allCases.compactMap { k -> String? in
            let n = c.count(k)
            return n == 0 ? nil : "\(tr(k.rawValue)): \(n)"
        }.joined(separator: " · ")
        func stay(_ s: (offer: String, start: Day)?) -> String {
            guard let s else { return "–" }
            return tr("{0} from {1}", s.offer, ReportLanguage.current.date(s.start))
        }
        let table = TableView(
            [tr("Participant"), tr("Change"), tr("Before"), tr("After"), tr("Why")],
            c.rows.map { r in
                [
                    .init(r.participant), .init(tr(r.kind.rawValue)), .init(stay(r.before)), .init(stay(r.after)),
                    .init(detail(r.detail)),
                ]
            })
        return RoundReport.Page.Changes(
            kept: "\(c.counted - c.value)", counted: "\(c.counted)", counts: counts, nothing: c.rows.isEmpty,
            table: table)
    }

    /// The engine's reasons in the report's language: the fixed ones, and a
    /// filter after "no longer a candidate:".
    static func detail(_ d: String) -> String {
        let prefix = "no longer a candidate: "
        if d.hasPrefix(prefix) { return tr("no longer a candidate: {0}", tr(String(d.dropFirst(prefix.count)))) }
        return fixed.contains(d) ? tr(d) : d
    }

    static let fixed: Set<String> = [
        "host withdrawn", "offer withdrawn", "not in the round", "the previous start is no longer a candidate",
    ]
}
