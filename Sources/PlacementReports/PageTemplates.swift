/// What every page shares: the frame (head, style sheet, body), put
/// around each page's template, and the table partial. Constant markup
/// only; what varies is a `{{value}}` (``HTML``).
enum PageTemplates {
    /// The template of ``HTML/escape(_:)``: one value.
    static let valueName = "value"

    static let all: [String: String] = [
        valueName: "{{.}}",
        "table": table,
    ]

    /// A page: `body` between the head and the end; the view has `title` and `version`.
    static func page(_ body: String) -> String { start + body + end }

    static let end = "\n</body>\n</html>\n"

    static let start = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="allvet {{version}}">
        <title>{{title}}</title>
        <style>
        \(css)
        </style>
        </head>
        <body>

        """

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
        tr.group td { border-top: 2px solid #9aa5b1; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; } h3 { break-after: avoid; }
          tr, .tile, svg { break-inside: avoid; } thead { display: table-header-group; }
          .scroll { overflow: visible; } td:first-child { white-space: normal; }
          table { font-size: 8.5pt; width: 100%; }
        }
        """

    /// A ``TableView``: header texts, then rows of ``TableView/Cell``.
    static let table = """
        <table><thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead><tbody>
        {{#rows}}<tr{{#groupStart}} class="group"{{/groupStart}}>{{#cells}}<td{{#numeric}} class="n"{{/numeric}}>\
        {{#marked}}<span class="{{mark}}">{{text}}</span>{{/marked}}{{^marked}}{{text}}{{/marked}}\
        {{#notes}}<br><span class="note">{{.}}</span>{{/notes}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table>
        """
}
