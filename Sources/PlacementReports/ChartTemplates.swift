/// The SVG charts' templates, drawn from the views of ``SVGChart`` and
/// ``TimelineChart``. Constant markup only; every coordinate and label is a
/// `{{value}}` (``HTML``).
enum ChartTemplates {
    static let all: [String: String] = ["hbars": hbars, "vbars": vbars, "lines": lines, "timeline": timeline]

    static let svg =
        #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{{width}}" height="{{height}}" role="img">"#

    /// ``SVGChart/HBars``.
    static let hbars = """
        {{#empty}}<p class="note">⟦Nothing to show.⟧</p>{{/empty}}{{^empty}}\(svg){{#bars}}<g><title>{{tip}}</title>\
        <text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{label}}</text>\
        <rect x="{{barX}}" y="{{barY}}" width="{{trackWidth}}" height="{{barHeight}}" fill="#eef2f7"/>\
        <rect class="bar" x="{{barX}}" y="{{barY}}" width="{{w}}" height="{{barHeight}}" fill="{{color}}"/>\
        <text x="{{valueX}}" y="{{textY}}">{{text}}</text></g>{{/bars}}</svg>{{/empty}}
        """

    /// ``SVGChart/VBars``.
    static let vbars = """
        {{#empty}}<p class="note">⟦Nothing to show.⟧</p>{{/empty}}{{^empty}}\(svg)\
        <line x1="{{axisX1}}" y1="{{axisY}}" x2="{{axisX2}}" y2="{{axisY}}" stroke="#9aa5b1"/>\
        {{#bars}}<g><title>{{tip}}</title>\
        <rect class="bar" x="{{x}}" y="{{y}}" width="{{barWidth}}" height="{{h}}" fill="{{color}}"/>\
        <text x="{{labelX}}" y="{{countY}}" text-anchor="middle">{{count}}</text>\
        <text x="{{labelX}}" y="{{labelY}}" text-anchor="middle">{{label}}</text></g>{{/bars}}\
        <text x="{{axisX1}}" y="{{xTitleY}}">{{xTitle}}</text></svg>{{/empty}}
        """

    /// ``SVGChart/Lines``.
    static let lines = """
        {{#empty}}<p class="note">⟦No scenario with a solution to draw.⟧</p>{{/empty}}{{^empty}}\(svg)\
        <rect x="{{left}}" y="{{top}}" width="{{plotWidth}}" height="{{plotHeight}}" fill="none" stroke="#9aa5b1"/>\
        {{#yTicks}}<line x1="{{left}}" y1="{{at}}" x2="{{right}}" y2="{{at}}" stroke="#e4e7eb"/>\
        <text x="{{yLabelX}}" y="{{labelAt}}" text-anchor="end">{{label}}</text>{{/yTicks}}\
        {{#xTicks}}<line x1="{{at}}" y1="{{bottom}}" x2="{{at}}" y2="{{tickEnd}}" stroke="#9aa5b1"/>\
        <text x="{{labelAt}}" y="{{xLabelY}}" text-anchor="middle">{{label}}</text>{{/xTicks}}\
        <text x="{{xTitleX}}" y="{{xTitleY}}" text-anchor="middle">{{xTitle}}</text>\
        <text transform="translate(14 {{yTitleY}}) rotate(-90)" text-anchor="middle">{{yTitle}}</text>\
        {{#series}}{{#line}}<polyline class="series" fill="none" stroke="{{color}}" stroke-width="2" points="{{.}}"/>{{/line}}\
        {{#dots}}<circle cx="{{cx}}" cy="{{cy}}" r="3.5" fill="{{color}}"><title>{{tip}}</title></circle>{{/dots}}\
        {{#legend}}<rect x="{{legendX}}" y="{{boxY}}" width="12" height="8" fill="{{color}}"/>\
        <text x="{{legendTextX}}" y="{{textY}}">{{name}}</text>{{/legend}}{{/series}}</svg>{{/empty}}
        """

    /// ``TimelineChart``: the legend, the weeks, then per host its row and its stays.
    static let timeline = """
        <p class="note">⟦One row a host, one bar a stay (Monday to Sunday). Colour:⟧ \
        <span style="color:#3aa76d">■</span> ⟦rank 1⟧ <span style="color:#2f6fdf">■</span> ⟦rank 2⟧ \
        <span style="color:#e8833a">■</span> ⟦rank 3⟧ <span style="color:#c94f7c">■</span> ⟦rank 4 or more⟧</p>
        <div class="scroll"><svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" width="{{width}}" height="{{height}}" role="img">\
        {{#weeks}}<line x1="{{x}}" y1="{{gridTop}}" x2="{{x}}" y2="{{gridBottom}}" stroke="#e4e7eb"/>\
        <text x="{{x}}" y="{{weekLabelY}}" text-anchor="middle">{{monday}}</text>{{/weeks}}\
        {{#hosts}}<g class="host"><title>{{title}}</title>\
        <line x1="0" y1="{{ruleY}}" x2="{{ruleEnd}}" y2="{{ruleY}}" stroke="#eef2f7"/>\
        <text x="{{hostLabelX}}" y="{{labelY}}" text-anchor="end">{{label}}</text></g>\
        {{#stays}}<g><title>{{tip}}</title>\
        <rect class="stay" x="{{x}}" y="{{y}}" width="{{w}}" height="{{barHeight}}" rx="2" fill="{{color}}"/>\
        {{#text}}<text x="{{textX}}" y="{{textY}}" style="fill:#fff;font-size:9.5px">{{.}}</text>{{/text}}</g>{{/stays}}{{/hosts}}\
        </svg></div>

        """
}
