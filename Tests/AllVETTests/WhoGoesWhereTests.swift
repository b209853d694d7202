import AllVET
import Foundation
import Testing

/// Who goes where (issue 16): every stay in a table by host and in one by
/// sending organisation, with full names and dates, pseudonymised like the
/// rest of the report, and a print style sheet that keeps every row.
@Suite struct WhoGoesWhereTests {
    static func files() throws -> ResultFiles {
        let (instance, _) = try InstanceJSONReader.read(
            path: CLI.root.appendingPathComponent("instances/example.json").path)
        let result = try Engine().solve(instance, policy: .default, options: EngineOptions())
        return ResultFiles(result: result, inputHash: "sha256:test")
    }

    /// The `<tbody>` rows of the table after `heading`.
    static func rows(_ html: String, after heading: String) -> [String] {
        guard let h = html.range(of: heading),
            let body = html.range(of: "<tbody>", range: h.upperBound..<html.endIndex),
            let end = html.range(of: "</tbody>", range: body.upperBound..<html.endIndex)
        else { return [] }
        let parts: [String] = String(html[body.upperBound..<end.lowerBound]).components(separatedBy: "<tr")
        return Array(parts.dropFirst())
    }

    @Test func everyStayIsInBothTablesWithFullNames() throws {
        let files = try Self.files()
        let html = RoundReport(files: files).html
        let byHost = Self.rows(html, after: "<h3>By host</h3>")
        let byOrg = Self.rows(html, after: "<h3>By sending organisation</h3>")
        #expect(byHost.count == files.figures.placed && byOrg.count == files.figures.placed)
        let inst = files.result.instance
        for k in files.result.chosen {
            let s = files.result.candidates.stays[k]
            let p = inst.participants[s.participant.rawValue]
            let host = inst.hosts[files.result.candidates.offers[s.offer.rawValue].host.rawValue]
            let start = files.result.candidates.monday(ofWeek: s.start).iso
            #expect(
                byHost.contains { $0.contains(">\(p.id)<") && $0.contains(">\(host.name!)<") && $0.contains(start) })
            #expect(byOrg.contains { $0.contains(">\(p.id)<") && $0.contains(">\(p.sendingOrg!)<") })
        }
        // Groups start with a rule: one per host after the first.
        let hosts = Set(
            files.result.chosen.map {
                files.result.candidates.offers[files.result.candidates.stays[$0].offer.rawValue].host
            })
        #expect(byHost.filter { $0.hasPrefix(" class=\"group\"") }.count == hosts.count - 1)
        #expect(html.contains("@page { size: A4;") && html.contains("thead { display: table-header-group; }"))
    }

    @Test func thePseudonymisedTablesNameNoParticipant() throws {
        let files = try Self.files()
        let html = RoundReport(files: files, pseudonymise: true).html
        let rows = Self.rows(html, after: "<h3>By host</h3>")
        #expect(rows.count == files.figures.placed)
        for p in files.result.instance.participants { #expect(!html.contains(">\(p.id)<"), "\(p.id)") }
        #expect(rows.allSatisfy { $0.contains(">P-") })
    }
}
