import AllVET
import Foundation
import RoundGenerator
import Testing

/// report.html and comparison.html: the figures they show, escaping, pseudonyms.
@Suite(.serialized) struct ReportTests {
    static let hostileID = "<script>alert(1)</script>"

    /// A generated round with hostile texts in a participant id, a host name
    /// and an attribute value, solved under a quota.
    static func hostileRound() throws -> ResultFiles {
        var instance = RoundGenerator(participants: 40, hosts: 12, seed: 9).generate()
        instance.participants[0].id = hostileID
        instance.participants[1].attributes = [
            ("gender", .string("<img src=x onerror=alert(2)>")), ("fewer_opportunities", .bool(true)),
        ]
        for i in instance.hosts.indices { instance.hosts[i].name = "Bar & <b>Grill</b>'s \"best\" \(i)" }
        // A soft quota too, so that the report shows one with its slack.
        let text = SweepFixture.policyText().replacingOccurrences(
            of: "\"max_share\": 0.7", with: "\"min_share\": 0.4, \"soft\": 2")
        let (policy, _) = try PolicyJSONReader.read(data: Array(text.utf8), file: "p.json", instance: instance)
        let result = try Engine().solve(instance, policy: policy, options: EngineOptions())
        return ResultFiles(result: result, inputHash: "sha256:test")
    }

    @Test func escapeCoversTheFiveCharacters() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("plain é ü") == "plain é ü")
    }

    @Test func reportShowsTheFiguresOfTheRound() throws {
        let files = try Self.hostileRound()
        let html = RoundReport(files: files).html
        let fig = files.figures
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("\(fig.placed) of \(fig.participants)"))
        #expect(html.contains("<div class=\"k\">not placed</div>"))
        #expect(html.contains(">\(files.reasons.count)</div><div class=\"k\">not placed"))
        for section in ["glance", "groups", "quotas", "ranks", "timeline", "unplaced"] {
            #expect(html.contains("<section id=\"\(section)\">"))
        }
        // One bar per stay in the timeline, one per rank in the histogram.
        #expect(html.components(separatedBy: "class=\"stay\"").count - 1 == fig.placed)
        let worst = fig.rankHistogram.keys.max()!
        #expect(html.components(separatedBy: "<rect class=\"bar\"").count - 1 >= worst)
        // Quotas with their slack; every unplaced participant with the reason.
        for q in fig.quotas { #expect(html.contains("<td>\(HTML.escape(q.name))<br><span class=\"note\">")) }
        for r in files.reasons {
            #expect(html.contains("<td>\(HTML.escape(r.kind.rawValue))</td><td>\(HTML.escape(r.detail))</td>"))
        }
        // Self-contained: no script, nothing fetched.
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
    }

    @Test func hostileTextsAppearOnlyEscaped() throws {
        let files = try Self.hostileRound()
        let html = RoundReport(files: files).html
        #expect(!html.contains(Self.hostileID))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<b>Grill"))
        #expect(html.contains("Bar &amp; &lt;b&gt;Grill&lt;/b&gt;&#39;s &quot;best&quot;"))
    }

    @Test func pseudonymisedReportHasNoRealIDAndStablePseudonyms() throws {
        let files = try Self.hostileRound()
        let html = RoundReport(files: files, pseudonymise: true).html
        for p in files.result.instance.participants { #expect(!html.contains(HTML.escape(p.id)), "\(p.id)") }
        #expect(!html.contains("alert(1)"))
        #expect(html.contains("Pseudonymised"))
        #expect(html == RoundReport(files: files, pseudonymise: true).html)
        let map = Pseudonyms.make(ids: files.result.instance.participants.map(\.id), salt: files.inputHash)
        #expect(Set(map.values).count == files.result.instance.participants.count)
        #expect(map.values.allSatisfy { $0.hasPrefix("P-") && $0.count == 10 })
        // The same figures as the real report.
        #expect(html.contains("\(files.figures.placed) of \(files.figures.participants)"))
        #expect(
            html.components(separatedBy: "class=\"stay\"").count
                == RoundReport(files: files).html.components(separatedBy: "class=\"stay\"").count)
        // Another salt, other pseudonyms.
        #expect(Pseudonyms.make(ids: ["a"], salt: "x") != Pseudonyms.make(ids: ["a"], salt: "y"))
    }

    @Test func solveWritesReportAndPseudonymisesOnRequest() throws {
        let dir = try CLI.tempDir()
        let plain = dir.appendingPathComponent("plain"), pseudo = dir.appendingPathComponent("pseudo")
        #expect(
            try CLI.run([
                "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out", plain.path,
                "--quiet",
            ]).status == 0)
        #expect(
            try CLI.run([
                "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out", pseudo.path,
                "--quiet", "--pseudonymise",
            ]).status == 0)
        let a = try String(contentsOf: plain.appendingPathComponent("report.html"), encoding: .utf8)
        let b = try String(contentsOf: pseudo.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(a.contains("10 of 10") && b.contains("10 of 10"))
        for id in ["ES-001", "ES-002", "PT-001", "FI-001", "PL-002"] {
            #expect(a.contains(id))
            #expect(!b.contains(id))
        }
        // The CSVs keep the real ids.
        #expect(
            try String(contentsOf: pseudo.appendingPathComponent("assignments.csv"), encoding: .utf8).contains("FI-001")
        )
    }

    @Test func comparisonHTMLDrawsTheCurvesAndEscapesNames() throws {
        let f = try SweepFixture()
        let plan = try SweepPlan.load(SweepSpec.read(path: f.sweepFile))
        let out = f.dir.appendingPathComponent("out").path
        _ = try SweepRunner(plan: plan, out: out, executable: CLI.binary.path, jobs: 1).run()
        var manifest = plan.manifest
        manifest.scenarios[1].name = "<script>x</script>"
        let html = SweepComparison(manifest: manifest, folders: [out]).html
        #expect(html.contains("<h3>quotas.fewer-opportunities.min_share</h3>"))
        // Two charts (placed, mean rank), one series each with the three grid points (the base sets no value: not drawn).
        #expect(html.components(separatedBy: "<polyline class=\"series\"").count - 1 == 2)
        #expect(html.components(separatedBy: "<circle").count - 1 == 6)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!html.contains("impossible (infeasible)"))  // sets no min_share: in the table only, not under a curve
        #expect(html.contains(">infeasible</span>"))
    }
}
