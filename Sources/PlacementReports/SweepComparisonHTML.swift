import Foundation
import PlacementEngine
import PlacementSweeps

extension SweepComparison {
    /// `comparison.html`: the trade-off curves (placements and mean rank
    /// against each swept number) and the table of every scenario, in one
    /// self-contained file (inline SVG, no script).
    /// comparison.html in English.
    public var html: String { html(language: .en) }

    /// comparison.html in `language` (`--lang`).
    public func html(language: ReportLanguage) -> String {
        ReportLanguage.$current.withValue(language) { HTML.render(Page(self), template: ComparisonTemplate.name) }
    }

    /// What comparison.html shows (``ComparisonTemplate``): plain texts and
    /// chart views; the template escapes every one.
    struct Page {
        struct Curve {
            let key: String
            let placed, meanRank: SVGChart.Lines
            /// The scenarios not drawn for want of a solution, as one text (zero or one).
            let gaps: [String]
        }

        let title, version, instance, scenarios, solved, firstName, lang: String
        let hasBaseline: Bool
        let curves: [Curve]
        let table: TableView

        init(_ comparison: SweepComparison) {
            let manifest = comparison.manifest, rows = comparison.rows, base = comparison.baseline
            title = tr("allvet sweep: {0}", manifest.instance)
            lang = ReportLanguage.current.rawValue
            version = allvetVersion
            instance = manifest.instance
            scenarios = "\(rows.count)"
            solved = "\(rows.filter(\.hasSolution).count)"
            firstName = manifest.scenarios.first?.name ?? "–"
            hasBaseline = base != nil

            // Curves: one pair per changed key whose values are numbers in two scenarios or more.
            var curves: [Curve] = []
            for key in comparison.sweptKeys {
                let withValue = rows.compactMap { r -> (ComparisonRow, Double, String)? in
                    let values = manifest.scenarios[r.index].values
                    guard let text = values.last(where: { $0.0 == key })?.1, let x = Double(text) else { return nil }
                    let others = values.filter { $0.0 != key }.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                    return (r, x, others)
                }
                guard Set(withValue.map(\.1)).count >= 2 else { continue }
                var seriesNames: [String] = []
                for w in withValue where !seriesNames.contains(w.2) { seriesNames.append(w.2) }
                func series(_ y: (ComparisonRow) -> Double?) -> [(name: String, points: [(x: Double, y: Double)])] {
                    seriesNames.map { n in
                        (n, withValue.filter { $0.2 == n }.compactMap { w in y(w.0).map { (w.1, $0) } })
                    }
                }
                let gaps = withValue.filter { !$0.0.hasSolution }
                curves.append(
                    Curve(
                        key: key,
                        placed: SVGChart.lines(
                            series { $0.placed.map(Double.init) }, xTitle: key, yTitle: tr("placed")),
                        meanRank: SVGChart.lines(series { $0.meanRank }, xTitle: key, yTitle: tr("mean rank")),
                        gaps: gaps.isEmpty
                            ? [] : [gaps.map { "\($0.0.name) (\(tr($0.0.status)))" }.joined(separator: ", ")]
                    ))
            }
            self.curves = curves

            // Table.
            let swept = comparison.sweptKeys
            var quotaKeys: [String] = []
            for r in rows { for q in r.quotas where !quotaKeys.contains(q.0) { quotaKeys.append(q.0) } }
            var header = [tr("Scenario"), tr("Status")] + swept
            header += [
                tr("Placed"), tr("Rate"), tr("Mean rank"), tr("Worst rank"), tr("Placements lost"),
                tr("Mean rank lost"),
            ]
            header += quotaKeys.map { tr("Slack {0}", $0) }
            header += [tr("Solve s")]
            let firstNumeric = 2 + swept.count
            table = TableView(
                header,
                rows.map { r in
                    let values = manifest.scenarios[r.index].values
                    var cells: [TableView.Cell] = [
                        .init(r.name), .init(tr(r.status), mark: r.hasSolution ? "ok" : "bad", note: r.error),
                    ]
                    cells += swept.map { k in .init(values.last(where: { $0.0 == k })?.1 ?? "") }
                    let rate: Double? =
                        (r.placed != nil && (r.participants ?? 0) > 0)
                        ? Double(r.placed!) / Double(r.participants!) : nil
                    cells += [
                        r.placed.map { tr("{0} of {1}", "\($0)", "\(r.participants ?? 0)") } ?? "–", HTML.percent(rate),
                        HTML.num(r.meanRank, digits: 3),
                        r.worstRank.map(String.init) ?? "–", HTML.num(SweepComparison.placedLoss(r, base)),
                        HTML.num(SweepComparison.rankLoss(r, base), digits: 3),
                    ].map { .init($0) }
                    cells += quotaKeys.map { k in
                        guard let q = r.quotas.first(where: { $0.0 == k }), let s = q.slack else { return .init("–") }
                        return .init(HTML.num(s), mark: s < -1e-9 ? "bad" : nil)
                    }
                    cells.append(.init(HTML.num(r.solveSeconds, digits: 2)))
                    return cells
                }, numeric: Set(firstNumeric..<header.count))
        }
    }
}
