import Foundation
import Mustache
import PlacementModel

/// How allvet writes its HTML reports: Mustache templates (swift-mustache)
/// filled from plain view values, so that every value is escaped by the
/// template engine and no report code builds markup from strings.
///
/// Reports are single self-contained files: no script, no external style
/// sheet, font or image, so they open offline and a hostile text in the
/// input can only ever appear as text. The rules that keep it so:
///
/// - A template only ever holds constant markup; everything that varies (a
///   text from the input, a number, a coordinate) is a `{{value}}`, which
///   the engine escapes (``Escaping``). Unescaped `{{{value}}}` and
///   `{{& value}}` are not used (ReportEscapingTests checks every template).
/// - Every template is registered here, with the pragma that selects
///   ``Escaping`` put in front of it, so a new template cannot forget it.
/// - Views are structs whose fields are `String`, `Bool`, a view or an
///   array of those: no optionals (Mustache looks a missing value up in the
///   enclosing views), and an optional part is an array of zero or one.
public enum HTML {
    /// The content type of every template: escapes `& < > " '` one Unicode
    /// scalar at a time, in element text and in quoted attribute values
    /// (HTML and SVG alike), and replaces control characters.
    ///
    /// Not the engine's own `HTML` type: that one compares whole characters,
    /// so a quote followed by a combining mark (`"\u{301}`) is one character
    /// that is not `"` and would pass unescaped.
    struct Escaping: MustacheContentType {
        static let name = "ALLVET_HTML"

        func escapeText(_ s: String) -> String {
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
                    if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" {
                        out += "\u{FFFD}"
                    } else {
                        out.unicodeScalars.append(c)
                    }
                }
            }
            return out
        }
    }

    /// Every template by name: the pages and the partials they include.
    static let sources: [String: String] = PageTemplates.all
        .merging(ChartTemplates.all) { a, _ in a }
        .merging(RoundReportTemplate.all) { a, _ in a }
        .merging(ComparisonTemplate.all) { a, _ in a }

    /// The parsed templates of each language, each behind the pragma that
    /// selects ``Escaping``: the texts between `⟦` and `⟧` in a template are
    /// replaced by the language's (``translated(_:_:)``).
    static let libraries: [ReportLanguage: MustacheLibrary] = {
        MustacheContentTypes.register(Escaping(), named: Escaping.name)
        var all: [ReportLanguage: MustacheLibrary] = [:]
        for language in ReportLanguage.allCases {
            var library = MustacheLibrary()
            for (name, text) in sources {
                do {
                    try library.register(
                        "{{% CONTENT_TYPE: \(Escaping.name)}}" + translated(text, language), named: name)
                } catch {
                    preconditionFailure("report template \(name): \(error)")
                }
            }
            all[language] = library
        }
        return all
    }()

    /// `template` with each `⟦text⟧` replaced by `text` in `language`.
    static func translated(_ template: String, _ language: ReportLanguage) -> String {
        var out = "", rest = Substring(template)
        while let open = rest.range(of: "⟦"), let close = rest.range(of: "⟧", range: open.upperBound..<rest.endIndex) {
            out += rest[..<open.lowerBound]
            out += language.text(String(rest[open.upperBound..<close.lowerBound]), [])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The texts to translate in every template (for the catalogue tests).
    static var templateKeys: Set<String> {
        var keys = Set<String>()
        for text in sources.values {
            var rest = Substring(text)
            while let open = rest.range(of: "⟦"),
                let close = rest.range(of: "⟧", range: open.upperBound..<rest.endIndex)
            {
                keys.insert(String(rest[open.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
        }
        return keys
    }

    /// Renders `view` with the template `name`, in ``ReportLanguage/current``.
    static func render(_ view: Any, template name: String) -> String {
        guard let html = libraries[ReportLanguage.current]!.render(fields(view), withTemplate: name) else {
            preconditionFailure("no report template \(name)")
        }
        return html
    }

    /// `view` as nested dictionaries, reflected once. The engine finds a
    /// name in a dictionary directly, where on a struct it reflects every
    /// field again for each name looked up (five times slower on a round of
    /// 1,000 participants, docs/reports.md). Also holds views to their rule:
    /// `String`, `Bool`, views and arrays of them only.
    static func fields(_ value: Any) -> Any {
        if value is String || value is Bool { return value }
        if let array = value as? [Any] { return array.map(fields) }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct else {
            preconditionFailure("a report view holds \(type(of: value)): only String, Bool, views and arrays of them")
        }
        var out: [String: Any] = [:]
        for child in mirror.children {
            if let label = child.label { out[label] = fields(child.value) }
        }
        return out
    }

    /// What a `{{value}}` of the templates becomes: `s` escaped for element
    /// text and quoted attribute values. The reports never call it (the
    /// templates escape); it is here for tests and for anyone checking.
    public static func escape(_ s: String) -> String {
        render(s, template: PageTemplates.valueName)
    }

    /// A number for a person: integers plainly, others with `digits` decimals.
    /// A number with the decimal mark of ``ReportLanguage/current``.
    static func num(_ d: Double?, digits: Int = 2) -> String {
        guard let d, d.isFinite else { return "–" }
        if d == d.rounded(), abs(d) < 1e15 { return NumberText.shortest(d) }
        return localised(NumberText.fixed(d, digits: digits))
    }

    static func percent(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "–" }
        return localised(NumberText.fixed(d * 100, digits: 1)) + " %"
    }

    static func localised(_ number: String) -> String {
        ReportLanguage.current.decimalComma ? number.replacingOccurrences(of: ".", with: ",") : number
    }
}
