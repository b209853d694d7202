import AllVET
import Foundation
import Testing

/// Two participants were told "abroad: compatible offers are in ES too"
/// when their real blockers abroad were an English level and the weeks,
/// and `check` said "removed by abroad: 2" without saying who (issue 16).
@Suite struct ReasonDetailTests {
    static let round = """
        {"format": "allvet-instance/1", "participants": [
          {"id": "ES-001", "country": "ES", "sector": "tourism", "languages": {"en": "A2"},
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 4},
          {"id": "ES-002", "country": "ES", "sector": "tourism", "languages": {"en": "B2"},
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 12},
          {"id": "ES-003", "country": "ES", "sector": "tourism", "languages": {"en": "A2"},
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 12}],
         "hosts": [
          {"id": "ES-H", "country": "ES", "offers": [
            {"id": "ES-H/o", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 3}]},
          {"id": "DE-H", "country": "DE", "offers": [
            {"id": "DE-H/o", "sectors": ["tourism"], "languages": {"en": "B1"}, "from": "2026-03-02",
             "to": "2026-06-28", "capacity": 2, "max_weeks": 8}]},
          {"id": "PT-H", "country": "PT", "offers": [
            {"id": "PT-H/o", "sectors": ["food"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 2}]}]}
        """

    @Test func theDetailSaysWhereTheOffersAbroadFell() throws {
        let path = try CLI.tempDir().appendingPathComponent("round.json").path
        try Self.round.write(toFile: path, atomically: true, encoding: .utf8)
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run(["solve", path, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try readCSV(URL(fileURLWithPath: out).appendingPathComponent("unplaced.csv"))
        #expect(
            rows.map { $0["detail"] ?? "" } == [
                "abroad: sending country ES; the compatible offers are in ES too (ES-H/o); nearest other offers: at DE-H/o: language en A2 < B1; at PT-H/o: sector tourism not offered",
                "abroad: sending country ES; the compatible offers are in ES too (ES-H/o); nearest other offers: at DE-H/o: weeks 12 > max 8; at PT-H/o: sector tourism not offered",
                // Every filter that removes the offer abroad, not only the first (language before duration).
                "abroad: sending country ES; the compatible offers are in ES too (ES-H/o); nearest other offers: at PT-H/o: sector tourism not offered; at DE-H/o: language en A2 < B1, weeks 12 > max 8",
            ], "\(rows)")
        let verify = try CLI.run(["verify", path, out])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let check = try CLI.run(["check", path])
        #expect(check.stdout.contains("removed by abroad: 3 (ES-001, ES-002, ES-003)"), "\(check.stdout)")
    }
}
