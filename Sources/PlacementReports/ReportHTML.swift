import Foundation
import LinearModel
import PlacementEngine
import PlacementFormulation
import PlacementModel
import PlacementResults
import PlacementSweeps

/// Building blocks of allvet's HTML reports: escaping, the page frame and
/// inline SVG charts. Reports are single self-contained files: no script,
/// no external style sheet, font or image, so they open offline and a
/// hostile text in the input can only ever appear as text.
public enum HTML {
    /// Escapes `& < > " '` so that any text is safe in element content and
    /// in quoted attribute values (HTML and SVG alike).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters (other than tab and line breaks) are not allowed in HTML text.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A whole page: `title` is plain text (escaped here), `body` is HTML.
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="allvet \(escape(allvetVersion))">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2933; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d9e2ec; padding-bottom: .2rem; }
        .sub { color: #52606d; margin-top: 0; }
        .tiles { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
        .tile { border: 1px solid #d9e2ec; border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
        .tile .v { font-size: 1.5rem; font-weight: 600; } .tile .k { color: #52606d; font-size: .85rem; }
        table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #e4e7eb; padding: .25rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f5f7fa; } td.n, td:first-child { white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .ok { color: #207227; } .bad { color: #b42318; font-weight: 600; } .muted { color: #7b8794; }
        .scroll { overflow-x: auto; } svg { display: block; margin: .4rem 0; } svg text { font-size: 11px; fill: #1f2933; }
        .note { color: #52606d; font-size: .85rem; }
        """

    /// A table: header cells and rows of cells, all already HTML; `numeric`
    /// marks the columns to right-align.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows {
            out += "<tr>" + r.enumerated().map { numeric.contains($0.offset) ? "<td class=\"n\">\($0.element)</td>" : "<td>\($0.element)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>"
    }

    /// A number for a person: integers plainly, others with `digits` decimals.
    static func num(_ d: Double?, digits: Int = 2) -> String {
        guard let d, d.isFinite else { return "–" }
        if d == d.rounded(), abs(d) < 1e15 { return NumberText.shortest(d) }
        return NumberText.fixed(d, digits: digits)
    }

    static func percent(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "–" }
        return NumberText.fixed(d * 100, digits: 1) + " %"
    }
}

/// Inline SVG charts. Every text goes through ``HTML/escape(_:)``.
enum SVGChart {
    static let palette = ["#2f6fdf", "#e8833a", "#3aa76d", "#c94f7c", "#8e6bd1", "#6b7f99", "#d4a72c", "#1ba3b5"]

    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(max(1, n - 1))) + "…" }

    static func f(_ d: Double) -> String { NumberText.fixed(d, digits: 1) }

    /// Horizontal bars: one row an item, bar length `value / maxValue`, `text` after the bar.
    static func hbars(_ items: [(label: String, value: Double, text: String)], maxValue: Double? = nil, color: String = palette[0]) -> String {
        guard !items.isEmpty else { return "<p class=\"note\">Nothing to show.</p>" }
        let labelW = 170.0, barW = 380.0, rowH = 20.0, width = labelW + barW + 170
        let top = max(maxValue ?? 0, items.map(\.value).max() ?? 0, 1e-9)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Int(width))\" height=\"\(Int(Double(items.count) * rowH + 6))\" role=\"img\">"
        for (i, it) in items.enumerated() {
            let y = Double(i) * rowH + 3, w = max(0, it.value / top * barW)
            out += "<g><title>\(HTML.escape(it.label + ": " + it.text))</title>"
            out += "<text x=\"\(f(labelW - 6))\" y=\"\(f(y + 13))\" text-anchor=\"end\">\(HTML.escape(clip(it.label, 26)))</text>"
            out += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 2))\" width=\"\(f(barW))\" height=\"\(f(rowH - 6))\" fill=\"#eef2f7\"/>"
            out += "<rect class=\"bar\" x=\"\(f(labelW))\" y=\"\(f(y + 2))\" width=\"\(f(w))\" height=\"\(f(rowH - 6))\" fill=\"\(color)\"/>"
            out += "<text x=\"\(f(labelW + barW + 6))\" y=\"\(f(y + 13))\">\(HTML.escape(it.text))</text></g>"
        }
        return out + "</svg>"
    }

    /// Vertical bars with category labels below and counts above.
    static func vbars(_ items: [(label: String, value: Double)], xTitle: String, color: String = palette[0]) -> String {
        guard !items.isEmpty else { return "<p class=\"note\">Nothing to show.</p>" }
        let left = 40.0, top = 18.0, bottom = 40.0, h = 180.0, barSlot = max(18.0, min(60.0, 600.0 / Double(items.count)))
        let width = max(left + barSlot * Double(items.count) + 20, 7 * Double(xTitle.count) + 20), most = max(items.map(\.value).max() ?? 0, 1)
        let base = top + h
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Int(width))\" height=\"\(Int(base + bottom + 6))\" role=\"img\">"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(base))\" x2=\"\(f(left + barSlot * Double(items.count)))\" y2=\"\(f(base))\" stroke=\"#9aa5b1\"/>"
        for (i, it) in items.enumerated() {
            let bh = it.value / most * h, x = left + Double(i) * barSlot
            out += "<g><title>\(HTML.escape(it.label + ": " + HTML.num(it.value)))</title>"
            out += "<rect class=\"bar\" x=\"\(f(x + 3))\" y=\"\(f(base - bh))\" width=\"\(f(barSlot - 6))\" height=\"\(f(bh))\" fill=\"\(color)\"/>"
            out += "<text x=\"\(f(x + barSlot / 2))\" y=\"\(f(base - bh - 4))\" text-anchor=\"middle\">\(HTML.escape(HTML.num(it.value)))</text>"
            out += "<text x=\"\(f(x + barSlot / 2))\" y=\"\(f(base + 14))\" text-anchor=\"middle\">\(HTML.escape(clip(it.label, 8)))</text></g>"
        }
        out += "<text x=\"\(f(left))\" y=\"\(f(base + 34))\">\(HTML.escape(xTitle))</text>"
        return out + "</svg>"
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

    /// A line chart of one or more series over a numeric x axis.
    static func lines(_ series: [(name: String, points: [(x: Double, y: Double)])], xTitle: String, yTitle: String) -> String {
        let all = series.flatMap(\.points)
        guard !all.isEmpty else { return "<p class=\"note\">No scenario with a solution to draw.</p>" }
        let left = 64.0, right = 20.0, topM = 14.0, bottom = 46.0, w = 560.0, h = 220.0
        var x0 = all.map(\.x).min()!, x1 = all.map(\.x).max()!
        var y0 = all.map(\.y).min()!, y1 = all.map(\.y).max()!
        if x0 == x1 { x0 -= 1; x1 += 1 }
        if y0 == y1 { y0 -= 1; y1 += 1 }
        let pad = (y1 - y0) * 0.1
        y0 -= pad; y1 += pad
        if all.allSatisfy({ $0.y >= 0 }) { y0 = max(0, y0) }
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * w }
        func py(_ y: Double) -> Double { topM + h - (y - y0) / (y1 - y0) * h }
        let legendH = series.count > 1 ? Double(series.count) * 16 + 6 : 0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Int(left + w + right))\" height=\"\(Int(topM + h + bottom + legendH))\" role=\"img\">"
        out += "<rect x=\"\(f(left))\" y=\"\(f(topM))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"none\" stroke=\"#9aa5b1\"/>"
        for t in ticks(y0, y1) {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + w))\" y2=\"\(f(py(t)))\" stroke=\"#e4e7eb\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(HTML.escape(HTML.num(t, digits: 2)))</text>"
        }
        for t in ticks(x0, x1) {
            out += "<line x1=\"\(f(px(t)))\" y1=\"\(f(topM + h))\" x2=\"\(f(px(t)))\" y2=\"\(f(topM + h + 4))\" stroke=\"#9aa5b1\"/>"
            out += "<text x=\"\(f(px(t)))\" y=\"\(f(topM + h + 17))\" text-anchor=\"middle\">\(HTML.escape(HTML.num(t, digits: 2)))</text>"
        }
        out += "<text x=\"\(f(left + w / 2))\" y=\"\(f(topM + h + 36))\" text-anchor=\"middle\">\(HTML.escape(xTitle))</text>"
        out += "<text transform=\"translate(14 \(f(topM + h / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(yTitle))</text>"
        for (si, s) in series.enumerated() {
            let color = palette[si % palette.count]
            let pts = s.points.sorted { $0.x < $1.x }
            if pts.count > 1 {
                out += "<polyline class=\"series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"" + pts.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ") + "\"/>"
            }
            for p in pts {
                out += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"3.5\" fill=\"\(color)\"><title>\(HTML.escape((s.name.isEmpty ? "" : s.name + ": ") + HTML.num(p.x, digits: 4) + " → " + HTML.num(p.y, digits: 3)))</title></circle>"
            }
            if series.count > 1 {
                let ly = topM + h + bottom + Double(si) * 16 + 8
                out += "<rect x=\"\(f(left))\" y=\"\(f(ly - 8))\" width=\"12\" height=\"8\" fill=\"\(color)\"/><text x=\"\(f(left + 18))\" y=\"\(f(ly))\">\(HTML.escape(clip(s.name, 90)))</text>"
            }
        }
        return out + "</svg>"
    }
}
