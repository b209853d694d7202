import Foundation
import LinearModel
import PlacementEngine
import PlacementFormulation
import PlacementModel
import PlacementResults
import PlacementSweeps

/// `report.html`: a solved round for a person to read, in one
/// self-contained file (inline SVG, no script, nothing fetched).
///
/// Sections: the round at a glance (placed, goals, mean rank), placement
/// rates per group and placements per host country, the quotas with their
/// slack, the rank histogram, a per-host timeline of who is there which
/// week, and the unplaced with their reasons. Every text from the input is
/// escaped. With `pseudonymise`, participant ids are replaced by
/// ``Pseudonyms`` everywhere in the report (tables, timeline, reasons,
/// quota scopes); host names and attribute values stay.
public struct RoundReport: Sendable {
    public let html: String

    /// Group keys with more values than this are listed, not charted.
    static let maxGroupValues = 30
    /// The quota table shows at most this many scopes, the tightest first.
    static let maxQuotaRows = 200

    public init(files: ResultFiles, pseudonymise: Bool = false) {
        let f = pseudonymise ? ResultFiles(result: Pseudonyms.apply(to: files.result, salt: files.inputHash), inputHash: files.inputHash) : files
        html = Self.render(f, pseudonymised: pseudonymise)
    }

    static func render(_ files: ResultFiles, pseudonymised: Bool) -> String {
        let r = files.result, fig = files.figures, inst = r.instance, c = r.candidates
        let e = HTML.escape
        let hasSolution = r.status == .optimal || r.status == .feasible
        var b = ""
        b += "<h1>Placement round \(e(inst.name))</h1>\n"
        var sub = "Status: <strong>\(e(r.status.rawValue))</strong>" + (r.interrupted ? " (interrupted: the best solution found before the stop)" : "")
        sub += " · allvet \(e(allvetVersion))"
        if !pseudonymised { sub += " · input <code>\(e(String(files.inputHash.prefix(19))))…</code>" }
        b += "<p class=\"sub\">\(sub)</p>\n"
        if pseudonymised {
            b += "<p class=\"note\">Pseudonymised: participant ids are replaced by pseudonyms (P-…) that are stable for this round.</p>\n"
        }

        // At a glance.
        let ranks = r.chosen.map { c.ranks[$0] }
        let meanRank = ranks.isEmpty ? nil : Double(ranks.reduce(0, +)) / Double(ranks.count)
        var tiles: [(String, String)] = [
            ("\(fig.placed) of \(fig.participants)", "placed (\(HTML.percent(fig.participants == 0 ? nil : Double(fig.placed) / Double(fig.participants))))"),
            ("\(files.reasons.count)", "not placed"),
            (HTML.num(meanRank), "mean preference rank"),
            ("\(ranks.max() ?? 0)", "worst rank"),
        ]
        if !fig.quotas.isEmpty {
            tiles.append(("\(fig.quotas.filter { $0.slack >= -1e-9 }.count) of \(fig.quotas.count)", "quota bounds met"))
        }
        for (i, l) in r.levels.enumerated() {
            tiles.append((hasSolution ? HTML.num(fig.levelValues[i], digits: 3) : "–", "goal \(i + 1): \(l.goal.name) (\(l.status.rawValue))"))
        }
        b += "<section id=\"glance\"><h2>The round at a glance</h2><div class=\"tiles\">"
        b += tiles.map { "<div class=\"tile\"><div class=\"v\">\(e($0.0))</div><div class=\"k\">\(e($0.1))</div></div>" }.joined()
        b += "</div></section>\n"

        // Ranks.
        b += "<section id=\"ranks\"><h2>Preference ranks</h2>\n"
        if let worst = fig.rankHistogram.keys.max() {
            b += SVGChart.vbars((1...worst).map { (String($0), Double(fig.rankHistogram[$0] ?? 0)) }, xTitle: "rank in the participant's preferences (1 = first choice)") + "\n"
        } else {
            b += "<p class=\"note\">No placements.</p>\n"
        }
        b += "</section>\n"

        // Groups.
        b += "<section id=\"groups\"><h2>Placement rate by group</h2>\n"
        for g in fig.groups {
            b += "<h3>\(e(g.key))</h3>\n"
            if g.values.count > maxGroupValues {
                b += "<p class=\"note\">\(g.values.count) different values: too many to chart.</p>\n"
                continue
            }
            b += SVGChart.hbars(g.values.map { v in
                let rate = v.participants == 0 ? 0 : Double(v.placed) / Double(v.participants)
                return (v.value, rate, "\(v.placed) of \(v.participants) (\(HTML.percent(rate)))")
            }, maxValue: 1) + "\n"
        }
        var byHostCountry: [String: Int] = [:]
        for k in r.chosen { byHostCountry[inst.hosts[c.offers[c.stays[k].offer.rawValue].host.rawValue].country, default: 0] += 1 }
        b += "<h3>placements by host country</h3>\n"
        b += (byHostCountry.isEmpty ? "<p class=\"note\">No placements.</p>"
              : SVGChart.hbars(byHostCountry.keys.sorted().map { ($0, Double(byHostCountry[$0]!), "\(byHostCountry[$0]!)") }, color: SVGChart.palette[2])) + "\n"
        b += "</section>\n"

        // Timeline.
        b += "<section id=\"timeline\"><h2>Who is where, week by week</h2>\n" + timeline(files) + "</section>\n"

        // Quotas.
        b += "<section id=\"quotas\"><h2>Quotas</h2>\n"
        if fig.quotas.isEmpty {
            b += "<p class=\"note\">The policy has no quotas.</p>\n"
        } else {
            var qs = fig.quotas
            if qs.count > maxQuotaRows {
                b += "<p class=\"note\">\(qs.count) rule scopes; the \(maxQuotaRows) with the least slack are shown (all are in summary.json).</p>\n"
                qs = Array(qs.enumerated().sorted { ($0.element.slack, $0.offset) < ($1.element.slack, $1.offset) }.prefix(maxQuotaRows).map(\.element))
            }
            let met = fig.quotas.filter { $0.slack >= -1e-9 }.count
            b += "<p>\(met) of \(fig.quotas.count) bounds met\(hasSolution ? "" : " (no solution: figures of an empty placement)").</p>\n"
            b += HTML.table(["Rule", "Scope", "Bound", "Limit", "Value", "Slack", ""], qs.map { q in
                let scope = q.scope.isEmpty ? "all" : q.scope.map { "\($0.key)=\($0.value ?? "none")" }.joined(separator: ", ")
                let ok = q.slack >= -1e-9
                let mark = ok ? "<span class=\"ok\">met</span>" : "<span class=\"bad\">short by \(e(HTML.num(-q.slack)))\(q.soft == nil ? "" : " (soft)")</span>"
                return [e(q.name), e(scope), e(q.bound.name), e(HTML.num(q.bound.limit, digits: 3)), e(HTML.num(q.value, digits: 3)), e(HTML.num(q.slack)), mark]
            }, numeric: [3, 4, 5]) + "\n"
        }
        b += "</section>\n"

        // Unplaced.
        b += "<section id=\"unplaced\"><h2>Not placed</h2>\n"
        if files.reasons.isEmpty {
            b += "<p>Everyone is placed.</p>\n"
        } else {
            var counts: [String: Int] = [:]
            for x in files.reasons { counts[x.kind == .noCandidate ? "no candidate (\(x.detail))" : x.kind.rawValue, default: 0] += 1 }
            b += "<p>" + counts.keys.sorted().map { "\(e($0)): \(counts[$0]!)" }.joined(separator: " · ") + "</p>\n"
            let rows = files.reasons.map { x in (inst.participants[x.participant.rawValue].id, x) }
                .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            b += HTML.table(["Participant", "Reason", "Detail"], rows.map { [e($0.0), e($0.1.kind.rawValue), e($0.1.detail)] }) + "\n"
        }
        b += "</section>\n"
        return HTML.page(title: "allvet report: \(inst.name)", body: b)
    }

    /// Per host, one bar a stay over the weeks it covers, in lanes so that
    /// overlapping stays do not hide each other; colour by rank.
    static func timeline(_ files: ResultFiles) -> String {
        let r = files.result, inst = r.instance, c = r.candidates
        guard !r.chosen.isEmpty else { return "<p class=\"note\">No placements.</p>\n" }
        let e = HTML.escape
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
            byHost[h.rawValue, default: []].append(Bar(start: s.start, end: end, label: p.id,
                                                        tip: "\(p.id) (\(p.country)) at \(o.id): \(from.iso) – \(to.iso), rank \(c.ranks[k])", rank: c.ranks[k]))
        }
        let weeks = last - first
        let px = min(28, max(7, 820 / Double(max(weeks, 1)))), labelW = 210.0, laneH = 16.0, axisH = 30.0
        let hosts = byHost.keys.sorted { inst.hosts[$0].id.utf8.lexicographicallyPrecedes(inst.hosts[$1].id.utf8) }
        var rows: [(host: Int, lanes: [[Bar]])] = []
        for h in hosts {
            var lanes: [[Bar]] = []
            for bar in byHost[h]!.sorted(by: { ($0.start, $0.label) < ($1.start, $1.label) }) {
                if let i = lanes.firstIndex(where: { $0.last!.end <= bar.start }) { lanes[i].append(bar) } else { lanes.append([bar]) }
            }
            rows.append((h, lanes))
        }
        let height = axisH + rows.reduce(0) { $0 + Double($1.lanes.count) * laneH + 6 } + 10
        let width = labelW + Double(weeks) * px + 20
        func x(_ w: Int) -> Double { labelW + Double(w - first) * px }
        func color(_ rank: Int) -> String { rank <= 1 ? "#3aa76d" : rank == 2 ? "#2f6fdf" : rank == 3 ? "#e8833a" : "#c94f7c" }
        var out = "<p class=\"note\">One row a host, one bar a stay (Monday to Sunday). Colour: "
        out += [("#3aa76d", "rank 1"), ("#2f6fdf", "rank 2"), ("#e8833a", "rank 3"), ("#c94f7c", "rank 4 or more")]
            .map { "<span style=\"color:\($0.0)\">■</span> \($0.1)" }.joined(separator: " ") + "</p>\n"
        out += "<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart timeline\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
        let step = max(1, Int((72 / px).rounded(.up)))
        var w = first
        while w <= last {
            out += "<line x1=\"\(SVGChart.f(x(w)))\" y1=\"\(SVGChart.f(axisH - 6))\" x2=\"\(SVGChart.f(x(w)))\" y2=\"\(SVGChart.f(height - 10))\" stroke=\"#e4e7eb\"/>"
            out += "<text x=\"\(SVGChart.f(x(w)))\" y=\"\(SVGChart.f(axisH - 10))\" text-anchor=\"middle\">\(e(c.monday(ofWeek: w).iso))</text>"
            w += step
        }
        var y = axisH
        for row in rows {
            let host = inst.hosts[row.host]
            let name = host.id + (host.name.map { " · " + $0 } ?? "")
            let rowH = Double(row.lanes.count) * laneH
            out += "<g class=\"host\"><title>\(e(name + " (" + host.country + ")"))</title>"
            out += "<line x1=\"0\" y1=\"\(SVGChart.f(y + rowH + 3))\" x2=\"\(SVGChart.f(width))\" y2=\"\(SVGChart.f(y + rowH + 3))\" stroke=\"#eef2f7\"/>"
            out += "<text x=\"\(SVGChart.f(labelW - 8))\" y=\"\(SVGChart.f(y + 12))\" text-anchor=\"end\">\(e(SVGChart.clip(name, 30)))</text></g>"
            for (li, lane) in row.lanes.enumerated() {
                for bar in lane {
                    let bx = x(bar.start), bw = Double(bar.end - bar.start) * px - 1, by = y + Double(li) * laneH + 1
                    out += "<g><title>\(e(bar.tip))</title><rect class=\"stay\" x=\"\(SVGChart.f(bx))\" y=\"\(SVGChart.f(by))\" width=\"\(SVGChart.f(bw))\" height=\"\(SVGChart.f(laneH - 3))\" rx=\"2\" fill=\"\(color(bar.rank))\"/>"
                    let fits = Int(bw / 6.2)
                    if fits >= 4 {
                        out += "<text x=\"\(SVGChart.f(bx + 3))\" y=\"\(SVGChart.f(by + 10))\" style=\"fill:#fff;font-size:9.5px\">\(e(SVGChart.clip(bar.label, fits)))</text>"
                    }
                    out += "</g>"
                }
            }
            y += rowH + 6
        }
        return out + "</svg></div>\n"
    }
}
