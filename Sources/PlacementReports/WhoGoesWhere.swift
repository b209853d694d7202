import PlacementEngine
import PlacementModel
import PlacementResults

/// The tables a coordinator forwards (issue 16): every stay, grouped by
/// host (for the hosts) and by sending organisation (what each partner
/// sends its learners), with full names and dates, so that nothing depends
/// on hovering over the chart and every row prints.
enum WhoGoesWhere {
    struct Row {
        let host, hostName, city, hostCountry, participant, sendingOrg, country, offer: String
        let start, end: Day
        let weeks, rank: Int
    }

    /// One row a stay, in no particular order.
    static func rows(_ files: ResultFiles) -> [Row] {
        let r = files.result, c = r.candidates, inst = r.instance
        return r.chosen.map { k in
            let s = c.stays[k]
            let p = inst.participants[s.participant.rawValue]
            let (h, o) = c.offers[s.offer.rawValue]
            let host = inst.hosts[h.rawValue]
            let start = c.monday(ofWeek: s.start)
            return Row(
                host: host.id, hostName: host.name ?? host.id, city: host.city ?? "", hostCountry: host.country,
                participant: p.id, sendingOrg: p.sendingOrg ?? tr("(none given)"), country: p.country, offer: o.id,
                start: start, end: start.adding(days: 7 * p.weeks - 1), weeks: p.weeks, rank: c.ranks[k])
        }
    }

    static func date(_ d: Day) -> String { ReportLanguage.current.date(d) }

    static func byID(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Grouped by host: host country, host name, then start and participant.
    static func byHost(_ rows: [Row]) -> TableView {
        // The host key once per row, not once per comparison.
        let sorted = rows.map { ($0.hostCountry + "\u{0}" + $0.hostName + "\u{0}" + $0.host, $0) }.sorted {
            $0.0 != $1.0 ? byID($0.0, $1.0) : ($0.1.start, $0.1.participant) < ($1.1.start, $1.1.participant)
        }.map(\.1)
        return grouped(
            [
                tr("Host"), tr("City"), tr("Country"), tr("Participant"), tr("From country"),
                tr("Sending organisation"),
                tr("Offer"), tr("Start"), tr("End"), tr("Weeks"), tr("Rank"),
            ],
            sorted, key: \.host
        ) { r in
            [
                r.hostName, r.city, r.hostCountry, r.participant, r.country, r.sendingOrg, r.offer, date(r.start),
                date(r.end), String(r.weeks), String(r.rank),
            ]
        }
    }

    /// Grouped by sending organisation: then start and participant.
    static func bySendingOrg(_ rows: [Row]) -> TableView {
        let sorted = rows.sorted {
            $0.sendingOrg != $1.sendingOrg
                ? byID($0.sendingOrg, $1.sendingOrg) : ($0.start, $0.participant) < ($1.start, $1.participant)
        }
        return grouped(
            [
                tr("Sending organisation"), tr("Participant"), tr("Host"), tr("City"), tr("Country"), tr("Start"),
                tr("End"), tr("Weeks"), tr("Rank"),
            ],
            sorted, key: \.sendingOrg
        ) { r in
            [
                r.sendingOrg, r.participant, r.hostName, r.city, r.hostCountry, date(r.start), date(r.end),
                String(r.weeks), String(r.rank),
            ]
        }
    }

    /// A table whose rows start a group where `key` changes (a rule above them).
    private static func grouped(
        _ header: [String], _ rows: [Row], key: KeyPath<Row, String>, cells: (Row) -> [String]
    ) -> TableView {
        let numeric: Set<Int> = [header.count - 2, header.count - 1]
        var table = TableView(header, rows.map { cells($0).map { TableView.Cell($0) } }, numeric: numeric)
        for i in table.rows.indices where i > 0 && rows[i][keyPath: key] != rows[i - 1][keyPath: key] {
            table.rows[i].groupStart = true
        }
        return table
    }
}
