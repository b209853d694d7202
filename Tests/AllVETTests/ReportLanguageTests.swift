import AllVET
import Foundation
import Testing

@testable import PlacementReports

/// report.html and comparison.html in the partners' languages (issue 16):
/// every catalogue holds every text the reports use, with the same
/// placeholders, and a report in Spanish says its language, dates and
/// numbers the Spanish way.
@Suite struct ReportLanguageTests {
    /// Every text the reports look up: the `⟦…⟧` of the templates, the string
    /// literals given to `tr(` in the sources, and the values looked up by value.
    static func keysUsed() throws -> Set<String> {
        var keys = HTML.templateKeys.union(ReportLanguage.valueKeys)
        let folder = CLI.root.appendingPathComponent("Sources/PlacementReports")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = Array(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            var i = 0
            while i + 3 <= text.count {
                defer { i += 1 }
                guard String(text[i..<i + 3]) == "tr(", i == 0 || !(text[i - 1].isLetter || text[i - 1].isNumber)
                else { continue }
                // The literals before the first comma or closing parenthesis outside a literal.
                var j = i + 3, literal: String? = nil
                scan: while j < text.count {
                    let c = text[j]
                    if var lit = literal {
                        if c == "\\" && j + 1 < text.count {
                            lit.append(text[j + 1])
                            j += 1
                        } else if c == "\"" {
                            keys.insert(lit)
                            lit = ""
                            literal = nil
                            j += 1
                            continue
                        } else {
                            lit.append(c)
                        }
                        literal = lit
                    } else if c == "\"" {
                        literal = ""
                    } else if c == "," || c == ")" {
                        break scan
                    }
                    j += 1
                }
            }
        }
        return keys
    }

    static func placeholders(_ s: String) -> [String] {
        var out: [String] = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            var end = rest.index(after: close)
            if rest[open...].hasPrefix("{{"), let c2 = rest[open...].range(of: "}}") { end = c2.upperBound }
            out.append(String(rest[open..<end]))
            rest = rest[end...]
        }
        return out.sorted()
    }

    @Test(arguments: ReportLanguage.allCases.filter { $0 != .en })
    func everyCatalogueHasEveryTextWithItsPlaceholders(_ language: ReportLanguage) throws {
        let keys = try Self.keysUsed()
        #expect(keys.count > 100)
        let catalogue = language.catalogue
        #expect(keys.subtracting(catalogue.keys).sorted() == [], "missing in \(language)")
        #expect(Set(catalogue.keys).subtracting(keys).sorted() == [], "unused in \(language)")
        for (key, value) in catalogue {
            #expect(Self.placeholders(key) == Self.placeholders(value), "\(language): \(key) → \(value)")
            #expect(!value.isEmpty && !value.contains("⟦"), "\(language): \(key)")
        }
    }

    @Test func aSpanishReportSpeaksSpanishWithSpanishDatesAndNumbers() throws {
        let (instance, _) = try InstanceJSONReader.read(
            path: CLI.root.appendingPathComponent("instances/example.json").path)
        let result = try Engine().solve(instance, policy: .default, options: EngineOptions())
        let files = ResultFiles(result: result, inputHash: "sha256:test")
        let html = RoundReport(files: files, language: .es).html
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("<h2>\(ReportLanguage.es.text("Who goes where", []))</h2>"))
        #expect(!html.contains("<h2>Who goes where</h2>") && !html.contains("⟦"))
        // Dates day first; the mean rank with a decimal comma.
        let first = files.result.chosen.map {
            files.result.candidates.monday(ofWeek: files.result.candidates.stays[$0].start)
        }.min()!
        #expect(html.contains(ReportLanguage.es.date(first)) && !html.contains(">\(first.iso)<"))
        #expect(ReportLanguage.es.date(Day(iso: "2026-03-02")!) == "02/03/2026")
        #expect(ReportLanguage.fi.date(Day(iso: "2026-03-02")!) == "2.3.2026")
        #expect(ReportLanguage.de.date(Day(iso: "2026-03-02")!) == "02.03.2026")
        let english = RoundReport(files: files).html
        #expect(english.contains("<html lang=\"en\">") && english.contains("<h2>Who goes where</h2>"))
        let mean = try #require(
            english.range(
                of: #"[0-9]+\.[0-9]{2}</div><div class="k">mean preference rank"#, options: .regularExpression))
        let spanishMean = String(english[mean]).split(separator: "<").first!.replacingOccurrences(of: ".", with: ",")
        #expect(html.contains(spanishMean + "</div>"), "\(spanishMean)")
    }
}
