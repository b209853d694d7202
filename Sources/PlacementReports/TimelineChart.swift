import PlacementEngine
import PlacementModel
import PlacementResults

/// The timeline of report.html (``ChartTemplates/timeline``): per host, one
/// bar a stay over the weeks it covers, in lanes so that overlapping stays
/// do not hide each other; colour by rank.
struct TimelineChart {
    struct Week { let x, monday: String }
    struct Stay {
        let tip, x, y, w, color, textX, textY: String
        /// The participant's id when it fits in the bar (zero or one).
        let text: [String]
    }
    struct HostRow { let title, ruleY, labelY, label: String; let stays: [Stay] }

    let width, height, ruleEnd, gridTop, gridBottom, weekLabelY, hostLabelX, barHeight: String
    let weeks: [Week]
    let hosts: [HostRow]

    /// nil when nothing is placed.
    init?(_ files: ResultFiles) {
        let r = files.result, inst = r.instance, c = r.candidates
        guard !r.chosen.isEmpty else { return nil }
        struct Bar { var start: Int; var end: Int; var label: String; var tip: String; var rank: Int }
        var byHost: [Int: [Bar]] = [:]
        var first = Int.max, last = Int.min
        for k in r.chosen {
            let s = c.stays[k], p = inst.participants[s.participant.rawValue]
            let (h, o) = c.offers[s.offer.rawValue]
            let end = s.start + c.weeks[s.participant.rawValue]
            first = min(first, s.start)
            last = max(last, end)
            let from = c.monday(ofWeek: s.start), to = from.adding(days: 7 * p.weeks - 1)
            byHost[h.rawValue, default: []].append(
                Bar(
                    start: s.start, end: end, label: p.id,
                    tip: tr(
                        "{0} ({1}) at {2}: {3} – {4}, rank {5}", p.id, p.country, o.id,
                        ReportLanguage.current.date(from), ReportLanguage.current.date(to), String(c.ranks[k])),
                    rank: c.ranks[k]))
        }
        let weeks = last - first
        let px = min(28, max(7, 820 / Double(max(weeks, 1)))), labelW = 210.0, laneH = 16.0, axisH = 30.0
        let hosts = byHost.keys.sorted { inst.hosts[$0].id.utf8.lexicographicallyPrecedes(inst.hosts[$1].id.utf8) }
        var rows: [(host: Int, lanes: [[Bar]])] = []
        for h in hosts {
            var lanes: [[Bar]] = []
            for bar in byHost[h]!.sorted(by: { ($0.start, $0.label) < ($1.start, $1.label) }) {
                if let i = lanes.firstIndex(where: { $0.last!.end <= bar.start }) {
                    lanes[i].append(bar)
                } else {
                    lanes.append([bar])
                }
            }
            rows.append((h, lanes))
        }
        let height = axisH + rows.reduce(0) { $0 + Double($1.lanes.count) * laneH + 6 } + 10
        let width = labelW + Double(weeks) * px + 20
        func x(_ w: Int) -> Double { labelW + Double(w - first) * px }
        func color(_ rank: Int) -> String {
            rank <= 1 ? "#3aa76d" : rank == 2 ? "#2f6fdf" : rank == 3 ? "#e8833a" : "#c94f7c"
        }
        let f = SVGChart.f

        self.width = String(Int(width))
        self.height = String(Int(height))
        ruleEnd = f(width)
        gridTop = f(axisH - 6)
        gridBottom = f(height - 10)
        weekLabelY = f(axisH - 10)
        hostLabelX = f(labelW - 8)
        barHeight = f(laneH - 3)
        let step = max(1, Int((72 / px).rounded(.up)))
        self.weeks = stride(from: first, through: last, by: step).map {
            Week(x: f(x($0)), monday: ReportLanguage.current.date(c.monday(ofWeek: $0)))
        }
        var y = axisH
        var hostRows: [HostRow] = []
        for row in rows {
            let host = inst.hosts[row.host]
            let name = host.id + (host.name.map { " · " + $0 } ?? "")
            let rowH = Double(row.lanes.count) * laneH
            var stays: [Stay] = []
            for (li, lane) in row.lanes.enumerated() {
                for bar in lane {
                    let bx = x(bar.start), bw = Double(bar.end - bar.start) * px - 1, by = y + Double(li) * laneH + 1
                    let fits = Int(bw / 6.2)
                    stays.append(
                        Stay(
                            tip: bar.tip, x: f(bx), y: f(by), w: f(bw), color: color(bar.rank), textX: f(bx + 3),
                            textY: f(by + 10),
                            text: fits >= 4 ? [SVGChart.clip(bar.label, fits)] : []))
                }
            }
            hostRows.append(
                HostRow(
                    title: name + " (" + host.country + ")", ruleY: f(y + rowH + 3), labelY: f(y + 12),
                    label: SVGChart.clip(name, 30), stays: stays))
            y += rowH + 6
        }
        self.hosts = hostRows
    }
}
