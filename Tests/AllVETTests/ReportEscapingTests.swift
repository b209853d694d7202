import AllVET
import Foundation
@testable import PlacementReports
import RoundGenerator
import Testing

/// The reports' HTML comes from templates that escape every value
/// (docs/reports.md, "How the HTML is written"): a hostile text in any place
/// of the input reaches the page as text only.
@Suite(.serialized) struct ReportEscapingTests {
    /// A different hostile text for each place: markup, both quotes, an
    /// ampersand, a control character and a quote followed by a combining
    /// mark (one Character in Swift, so escaping by Character misses it).
    static func hostile(_ place: String) -> String { "<b id=\"\(place)\" title='x'>\(place) & co</b>\u{1}\"\u{301}" }

    /// What the page must hold instead of `hostile(place)`: every one of `& < > " '` as an entity.
    static func escaped(_ place: String) -> String {
        "&lt;b id=&quot;\(place)&quot; title=&#39;x&#39;&gt;\(place) &amp; co&lt;/b&gt;\u{FFFD}&quot;\u{301}"
    }

    @Test func escapingIsByUnicodeScalar() {
        #expect(HTML.escape(Self.hostile("p")) == Self.escaped("p"))
        #expect(HTML.escape("\"\u{301} onmouseover=x") == "&quot;\u{301} onmouseover=x")
        #expect(HTML.escape("'\u{301}<\u{338}") == "&#39;\u{301}&lt;\u{338}")
    }

    @Test func noTemplateWritesAValueUnescaped() throws {
        #expect(!HTML.sources.isEmpty)
        // Every language's templates: a catalogue's text must not bring one in either.
        for language in ReportLanguage.allCases {
            for (name, source) in HTML.sources {
                let text = HTML.translated(source, language)
                // `{{{v}}}` and `{{& v}}` write a value as is; `{{=` could change the delimiters to hide one.
                for unescaped in ["{{{", "{{&", "{{="] {
                    #expect(!text.contains(unescaped), "template \(name) (\(language)) has \(unescaped)")
                }
                let parsed = try #require(HTML.libraries[language]?.getTemplate(named: name))
                #expect(
                    parsed.description.hasPrefix("{{% CONTENT_TYPE: \(HTML.Escaping.name)}}"),
                    "template \(name) (\(language)) is not behind the escaping pragma")
            }
        }
    }

    /// A round with a hostile text as a participant id, host name, quota
    /// name, attribute key and value and as the round's name.
    @Test func hostileTextsInEveryPlaceOfTheReportAreEscaped() throws {
        var instance = RoundGenerator(participants: 40, hosts: 12, seed: 9).generate()
        instance.name = Self.hostile("round")
        instance.participants[0].id = Self.hostile("participant")
        for i in instance.participants.indices {
            instance.participants[i].attributes.append(
                (Self.hostile("key"), .string(i == 0 ? Self.hostile("value") : "plain")))
        }
        for i in instance.hosts.indices { instance.hosts[i].name = Self.hostile("host") }
        var (policy, _) = try PolicyJSONReader.read(
            data: Array(SweepFixture.policyText().utf8), file: "p.json", instance: instance)
        policy.quotas[0].name = Self.hostile("quota")
        let result = try Engine().solve(instance, policy: policy, options: EngineOptions())
        let files = ResultFiles(result: result, inputHash: "sha256:test")
        let html = RoundReport(files: files).html
        #expect(!html.contains("<b id"))
        #expect(!html.contains("\u{1}"))
        for place in ["round", "participant", "key", "value", "host", "quota"] {
            #expect(html.contains(Self.escaped(place)), "\(place)")
        }
        // The pseudonymised report escapes the same places but the id, which it replaces, and the
        // attribute, which it leaves out: the policy does not use it.
        let pseudonymised = RoundReport(files: files, pseudonymise: true).html
        #expect(!pseudonymised.contains("<b id"))
        for place in ["round", "host", "quota"] {
            #expect(pseudonymised.contains(Self.escaped(place)), "\(place)")
        }
        #expect(!pseudonymised.contains(Self.escaped("key")) && !pseudonymised.contains(Self.escaped("value")))
        #expect(!pseudonymised.contains("participant &amp; co"))
    }

    /// A sweep with a hostile text as the round's name, scenario names, a
    /// swept key and value, a quota name and an error message.
    @Test func hostileTextsInEveryPlaceOfTheComparisonAreEscaped() throws {
        let f = try SweepFixture()
        var manifest = try SweepPlan.load(SweepSpec.read(path: f.sweepFile)).manifest
        manifest.instance = Self.hostile("round")
        manifest.scenarios[0].name = Self.hostile("first")
        for i in manifest.scenarios.indices where i > 0 {
            manifest.scenarios[i].name = Self.hostile("scenario")
            manifest.scenarios[i].values = [(Self.hostile("swept"), i == 1 ? Self.hostile("text value") : "\(i)")]
        }
        // No folders: every scenario is missing; give three of them figures (two on the curve).
        var comparison = SweepComparison(manifest: manifest, folders: [f.dir.appendingPathComponent("none").path])
        for i in [0, 2, 3] {
            comparison.rows[i].status = "optimal"
            comparison.rows[i].hasSolution = true
            comparison.rows[i].placed = 10 + i
            comparison.rows[i].participants = 40
            comparison.rows[i].meanRank = 1.5
            comparison.rows[i].quotas = [(Self.hostile("quota"), value: 0.5, slack: -1)]
        }
        comparison.rows[1].status = Self.hostile("status")
        comparison.rows[1].error = Self.hostile("error")
        let html = comparison.html
        #expect(!html.contains("<b id"))
        #expect(html.contains("<polyline class=\"series\""), "the swept key is drawn")
        for place in ["round", "first", "scenario", "swept", "text value", "quota", "status", "error"] {
            #expect(html.contains(Self.escaped(place)), "\(place)")
        }
    }
}
