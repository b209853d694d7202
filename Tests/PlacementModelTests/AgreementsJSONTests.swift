import PlacementModel
import Testing

/// `locks` and `bans` in the JSON form (rounds.md, section 1): read, written
/// back alike, and each mistake named by its JSON path.
@Suite struct AgreementsJSONTests {
    static func round(_ extra: String) -> [UInt8] {
        Array(
            """
            {"format": "allvet-instance/1",
             "participants": [
               {"id": "ES-001", "country": "ES", "sector": "tourism", "languages": {},
                "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 4},
               {"id": "ES-002", "country": "ES", "sector": "tourism", "languages": {},
                "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 4}],
             "hosts": [{"id": "PT-H", "country": "PT", "offers": [
               {"id": "PT-H/o1", "sectors": ["tourism"], "from": "2026-01-05", "to": "2026-12-27", "capacity": 1}]}]
             \(extra)}
            """.utf8)
    }

    static func errors(_ extra: String) -> String {
        do {
            _ = try InstanceJSONReader.read(data: round(extra), file: "r.json")
            return ""
        } catch { return error.description }
    }

    @Test func locksAndBansAreReadAndWrittenBackAlike() throws {
        let (r, _) = try InstanceJSONReader.read(
            data: Self.round(
                """
                , "locks": [{"participant": "ES-001", "offer": "PT-H/o1", "start": "2026-03-02"},
                            {"participant": "ES-002", "host": "PT-H"}],
                  "bans": [{"participant": "ES-002", "offer": "PT-H/o1"}]
                """), file: "r.json")
        #expect(r.locks.count == 2 && r.locks[0].start == Day(iso: "2026-03-02") && r.locks[1].target == .host("PT-H"))
        #expect(r.locks[1].origin?.location == "$.locks[1]")
        #expect(r.bans == [Ban(participant: "ES-002", target: .offer("PT-H/o1"))])
        let again = try InstanceJSONReader.read(data: Array(InstanceJSONWriter.write(r).utf8), file: "again.json").0
        #expect(again == r)
    }

    @Test func eachMistakeIsNamedByItsPath() {
        let text = Self.errors(
            """
            , "locks": [{"participant": "ES-001"}, {"participant": "ES-001", "offer": "PT-H/o1", "host": "PT-H"},
                        {"participant": "ES-002", "offer": "PT-H/o9", "start": "2026-03-04"},
                        {"participant": "ES-002", "host": "PT-H", "weeks": 2}],
              "bans": [{"participant": "XX", "host": "PT-H"}]
            """)
        #expect(
            text.contains(
                "r.json: $.locks[0]: error: a lock names exactly one of \"offer\" and \"host\"; it has neither"))
        #expect(
            text.contains("r.json: $.locks[1]: error: a lock names exactly one of \"offer\" and \"host\"; it has both"))
        #expect(text.contains("r.json: $.locks[2].offer: error: the lock of ES-002 names offer \"PT-H/o9\""))
        #expect(text.contains("r.json: $.locks[2].start: error: the lock's start 2026-03-04 is not a Monday"))
        #expect(text.contains("r.json: $.locks[3].weeks: error: unknown field"))
        #expect(text.contains("r.json: $.bans[0].participant: error: the ban names participant \"XX\""))
    }

    @Test func aChangesGoalIsReadWithItsKeepMode() throws {
        let (r, _) = try InstanceJSONReader.read(data: Self.round(""), file: "r.json")
        let text = """
            {"format": "allvet-policy/1", "objective": [{"goal": "changes", "keep": "host"}, {"goal": "placed"}]}
            """
        let (p, _) = try PolicyJSONReader.read(data: Array(text.utf8), file: "p.json", instance: r)
        #expect(p.objective.first == .changes(keep: .host))
        #expect(p.penaltyLevel == 1)
        let bad = """
            {"format": "allvet-policy/1", "objective": [{"goal": "changes", "keep": "city"}]}
            """
        #expect(throws: InputError.self) {
            try PolicyJSONReader.read(data: Array(bad.utf8), file: "p.json", instance: r)
        }
    }
}
