import Foundation
import LinearModel
import PlacementEngine
import PlacementFormulation
import PlacementModel
import PlacementResults
import PlacementSweeps

extension SweepComparison {
    /// `comparison.html`: the trade-off curves (placements and mean rank
    /// against each swept number) and the table of every scenario, in one
    /// self-contained file (inline SVG, no script).
    public var html: String {
        let e = HTML.escape
        let base = baseline
        var b = "<h1>Sweep of \(e(manifest.instance))</h1>\n"
        let solved = rows.filter(\.hasSolution).count
        b += "<p class=\"sub\">\(rows.count) scenarios · \(solved) with a solution · losses against the first scenario, <strong>\(e(manifest.scenarios.first?.name ?? "–"))</strong>"
        b += base == nil ? " (which has no solution here: no losses)" : ""
        b += "</p>\n"

        // Curves: one pair per changed key whose values are numbers in two scenarios or more.
        b += "<section id=\"curves\"><h2>Trade-off curves</h2>\n"
        var drew = false
        for key in sweptKeys {
            let withValue = rows.compactMap { r -> (ComparisonRow, Double, String)? in
                let values = manifest.scenarios[r.index].values
                guard let text = values.last(where: { $0.0 == key })?.1, let x = Double(text) else { return nil }
                let others = values.filter { $0.0 != key }.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                return (r, x, others)
            }
            guard Set(withValue.map(\.1)).count >= 2 else { continue }
            drew = true
            var seriesNames: [String] = []
            for w in withValue where !seriesNames.contains(w.2) { seriesNames.append(w.2) }
            func series(_ y: (ComparisonRow) -> Double?) -> [(name: String, points: [(x: Double, y: Double)])] {
                seriesNames.map { n in (n, withValue.filter { $0.2 == n }.compactMap { w in y(w.0).map { (w.1, $0) } }) }
            }
            b += "<h3>\(e(key))</h3>\n<div class=\"tiles\">"
            b += "<div>" + SVGChart.lines(series { $0.placed.map(Double.init) }, xTitle: key, yTitle: "placed") + "</div>"
            b += "<div>" + SVGChart.lines(series { $0.meanRank }, xTitle: key, yTitle: "mean rank") + "</div></div>\n"
            let gaps = withValue.filter { !$0.0.hasSolution }
            if !gaps.isEmpty {
                b += "<p class=\"note\">Not drawn (no solution): " + gaps.map { "\(e($0.0.name)) (\(e($0.0.status)))" }.joined(separator: ", ") + "</p>\n"
            }
        }
        if !drew { b += "<p class=\"note\">No changed key takes two or more numeric values, so there is no curve; see the table.</p>\n" }
        b += "</section>\n"

        // Table.
        let swept = sweptKeys
        let quotaKeys = { () -> [String] in
            var keys: [String] = []
            for r in rows { for q in r.quotas where !keys.contains(q.0) { keys.append(q.0) } }
            return keys
        }()
        b += "<section id=\"scenarios\"><h2>Scenarios</h2><div class=\"scroll\">\n"
        var header = ["Scenario", "Status"] + swept.map { e($0) }
        header += ["Placed", "Rate", "Mean rank", "Worst rank", "Placements lost", "Mean rank lost"]
        header += quotaKeys.map { "Slack " + e($0) }
        header += ["Solve s"]
        let firstNumeric = 2 + swept.count
        b += HTML.table(header, rows.map { r in
            let values = manifest.scenarios[r.index].values
            let statusClass = r.hasSolution ? "ok" : "bad"
            var cells = [e(r.name), "<span class=\"\(statusClass)\">\(e(r.status))</span>" + (r.error.map { "<br><span class=\"note\">\(e($0))</span>" } ?? "")]
            cells += swept.map { k in e(values.last(where: { $0.0 == k })?.1 ?? "") }
            let rate: Double? = (r.placed != nil && (r.participants ?? 0) > 0) ? Double(r.placed!) / Double(r.participants!) : nil
            cells += [r.placed.map { "\($0) of \(r.participants ?? 0)" } ?? "–", HTML.percent(rate), HTML.num(r.meanRank, digits: 3),
                      r.worstRank.map(String.init) ?? "–", HTML.num(Self.placedLoss(r, base)), HTML.num(Self.rankLoss(r, base), digits: 3)]
            cells += quotaKeys.map { k in
                guard let q = r.quotas.first(where: { $0.0 == k }), let s = q.slack else { return "–" }
                return s < -1e-9 ? "<span class=\"bad\">\(e(HTML.num(s)))</span>" : e(HTML.num(s))
            }
            cells.append(HTML.num(r.solveSeconds, digits: 2))
            return cells
        }, numeric: Set(firstNumeric..<(header.count))) + "\n</div></section>\n"
        b += "<p class=\"note\">Placements lost: the first scenario's placements minus this one's. Mean rank lost: this one's mean rank minus the first's. "
        b += "A quota's slack is its smallest over the rule's scopes, in placements (negative: short). All figures are in comparison.csv.</p>\n"
        return HTML.page(title: "allvet sweep: \(manifest.instance)", body: b)
    }
}
