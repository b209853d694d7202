import AllVET
import Testing

/// The results CSV files, written by the same CSVWriter as the instance folder.
@Suite struct ResultsCSVTests {
    /// The results files share the instance CSV writer's byte-level
    /// quoting: a CRLF inside an id, or a comma or quote followed by a
    /// combining mark (one Character each), is still quoted, so the
    /// verifier reads every row back.
    @Test func idsWithLineBreaksAndCombiningMarksAreQuotedAndReadBack() throws {
        let d = Day(iso: "2026-03-02")!
        let ids = ["A\r\nB", "C,\u{301}d", "E\"\u{301}f"]
        let participants = ids.map {
            Participant(
                id: $0, country: "ES", sector: "food", availableFrom: d, availableTo: d.adding(days: 27), weeks: 1)
        }
        let host = Host(
            id: "H,\u{301}", country: "DE",
            offers: [Offer(id: "H/o\r\n", sectors: ["food"], from: d, to: d.adding(days: 27), capacity: 3)])
        let instance = Instance(name: "quoting", participants: participants, hosts: [host])
        let result = try Engine().solve(instance, policy: .default, options: EngineOptions(timeLimit: 60))
        let files = ResultFiles(result: result, inputHash: "test")
        #expect(files.assignments.contains("\"A\r\nB\",\"H,\u{301}\",\"H/o\r\n\",2026-03-02,"))
        #expect(files.assignments.contains("\"E\"\"\u{301}f\","))
        let report = ResultsVerifier(instance: instance, policy: .default)
            .verify(
                ResultsText(
                    assignments: files.assignments, unplaced: files.unplaced,
                    summary: files.summary(timings: Timings()).rendered()))
        #expect(report.holds, "\(report.text)")
    }
}
