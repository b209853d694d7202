import Foundation
import PlacementModel

/// Inline SVG charts: the geometry, worked out here into views that
/// ``ChartTemplates`` draw. Coordinates are texts with one decimal; labels
/// are plain texts (the templates escape them).
enum SVGChart {
    static let palette = ["#2f6fdf", "#e8833a", "#3aa76d", "#c94f7c", "#8e6bd1", "#6b7f99", "#d4a72c", "#1ba3b5"]

    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(max(1, n - 1))) + "…" }

    static func f(_ d: Double) -> String { NumberText.fixed(d, digits: 1) }

    /// Horizontal bars (``ChartTemplates/hbars``): one row an item.
    struct HBars {
        struct Bar { let tip, label, textY, barY, w, text: String }
        let empty: Bool
        let width, height, labelX, barX, trackWidth, barHeight, valueX, color: String
        let bars: [Bar]
    }

    /// Bar length `value / maxValue`, `text` after the bar.
    static func hbars(
        _ items: [(label: String, value: Double, text: String)], maxValue: Double? = nil, color: String = palette[0]
    ) -> HBars {
        let labelW = 170.0, barW = 380.0, rowH = 20.0, width = labelW + barW + 170
        let top = max(maxValue ?? 0, items.map(\.value).max() ?? 0, 1e-9)
        return HBars(
            empty: items.isEmpty, width: String(Int(width)), height: String(Int(Double(items.count) * rowH + 6)),
            labelX: f(labelW - 6), barX: f(labelW), trackWidth: f(barW), barHeight: f(rowH - 6),
            valueX: f(labelW + barW + 6), color: color,
            bars: items.enumerated().map { i, it in
                let y = Double(i) * rowH + 3
                return HBars.Bar(
                    tip: it.label + ": " + it.text, label: clip(it.label, 26), textY: f(y + 13), barY: f(y + 2),
                    w: f(max(0, it.value / top * barW)), text: it.text)
            })
    }

    /// Vertical bars (``ChartTemplates/vbars``), category labels below and counts above.
    struct VBars {
        struct Bar { let tip, x, y, h, count, countY, labelX, label: String }
        let empty: Bool
        let width, height, axisX1, axisX2, axisY, barWidth, labelY, color, xTitle, xTitleY: String
        let bars: [Bar]
    }

    static func vbars(_ items: [(label: String, value: Double)], xTitle: String, color: String = palette[0]) -> VBars {
        let left = 40.0, top = 18.0, bottom = 40.0, h = 180.0,
            barSlot = max(18.0, min(60.0, 600.0 / Double(max(items.count, 1))))
        let width = max(left + barSlot * Double(items.count) + 20, 7 * Double(xTitle.count) + 20),
            most = max(items.map(\.value).max() ?? 0, 1)
        let base = top + h
        return VBars(
            empty: items.isEmpty, width: String(Int(width)), height: String(Int(base + bottom + 6)),
            axisX1: f(left), axisX2: f(left + barSlot * Double(items.count)), axisY: f(base), barWidth: f(barSlot - 6),
            labelY: f(base + 14),
            color: color, xTitle: xTitle, xTitleY: f(base + 34),
            bars: items.enumerated().map { i, it in
                let bh = it.value / most * h, x = left + Double(i) * barSlot
                return VBars.Bar(
                    tip: it.label + ": " + HTML.num(it.value), x: f(x + 3), y: f(base - bh), h: f(bh),
                    count: HTML.num(it.value),
                    countY: f(base - bh - 4), labelX: f(x + barSlot / 2), label: clip(it.label, 8))
            })
    }

    /// Round tick values covering `lo...hi`.
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let span = hi - lo
        guard span > 0 else { return [lo] }
        let raw = span / Double(count), mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
        var t = (lo / step).rounded(.up) * step, out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    /// A line chart (``ChartTemplates/lines``) of one or more series over a numeric x axis.
    struct Lines {
        struct Tick { let at, labelAt, label: String }
        struct Dot { let cx, cy, tip: String }
        struct Legend { let boxY, textY, name: String }
        struct Series { let color: String; let line: [String]; let dots: [Dot]; let legend: [Legend] }
        let empty: Bool
        let width, height, left, top, plotWidth, plotHeight, right, bottom, tickEnd, yLabelX, xLabelY: String
        let yTicks, xTicks: [Tick]
        let xTitle, xTitleX, xTitleY, yTitle, yTitleY, legendX, legendTextX: String
        let series: [Series]
    }

    static func lines(_ series: [(name: String, points: [(x: Double, y: Double)])], xTitle: String, yTitle: String)
        -> Lines
    {
        let all = series.flatMap(\.points)
        let left = 64.0, right = 20.0, topM = 14.0, bottom = 46.0, w = 560.0, h = 220.0
        var x0 = all.map(\.x).min() ?? 0, x1 = all.map(\.x).max() ?? 0
        var y0 = all.map(\.y).min() ?? 0, y1 = all.map(\.y).max() ?? 0
        if x0 == x1 { x0 -= 1; x1 += 1 }
        if y0 == y1 { y0 -= 1; y1 += 1 }
        let pad = (y1 - y0) * 0.1
        y0 -= pad; y1 += pad
        if all.allSatisfy({ $0.y >= 0 }) { y0 = max(0, y0) }
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * w }
        func py(_ y: Double) -> Double { topM + h - (y - y0) / (y1 - y0) * h }
        let legendH = series.count > 1 ? Double(series.count) * 16 + 6 : 0
        return Lines(
            empty: all.isEmpty, width: String(Int(left + w + right)), height: String(Int(topM + h + bottom + legendH)),
            left: f(left), top: f(topM), plotWidth: f(w), plotHeight: f(h), right: f(left + w), bottom: f(topM + h),
            tickEnd: f(topM + h + 4),
            yLabelX: f(left - 6), xLabelY: f(topM + h + 17),
            yTicks: ticks(y0, y1).map {
                Lines.Tick(at: f(py($0)), labelAt: f(py($0) + 4), label: HTML.num($0, digits: 2))
            },
            xTicks: ticks(x0, x1).map { Lines.Tick(at: f(px($0)), labelAt: f(px($0)), label: HTML.num($0, digits: 2)) },
            xTitle: xTitle, xTitleX: f(left + w / 2), xTitleY: f(topM + h + 36), yTitle: yTitle,
            yTitleY: f(topM + h / 2),
            legendX: f(left), legendTextX: f(left + 18),
            series: series.enumerated().map { si, s in
                let pts = s.points.sorted { $0.x < $1.x }
                let ly = topM + h + bottom + Double(si) * 16 + 8
                return Lines.Series(
                    color: palette[si % palette.count],
                    line: pts.count > 1 ? [pts.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")] : [],
                    dots: pts.map { p in
                        Lines.Dot(
                            cx: f(px(p.x)), cy: f(py(p.y)),
                            tip: (s.name.isEmpty ? "" : s.name + ": ") + HTML.num(p.x, digits: 4) + " → "
                                + HTML.num(p.y, digits: 3))
                    },
                    legend: series.count > 1
                        ? [Lines.Legend(boxY: f(ly - 8), textY: f(ly), name: clip(s.name, 90))] : [])
            })
    }
}
