import PlacementModel
import Testing

/// Things that are suspicious but allowed are warnings, not errors.
@Suite struct WarningTests {
    static let instance = """
        {
          "format": "allvet-instance/1",
          "participants": [
            { "id": "P1", "country": "ES", "sector": "tourism", "languages": {}, "available_from": "2026-03-02",
              "available_to": "2026-06-28", "weeks": 4, "preferences": ["NOWHERE", "H1"] }
          ],
          "hosts": [
            { "id": "H1", "country": "DE", "capacity": 0, "offers": [
              { "id": "H1/a", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-09-27", "capacity": 0 } ] }
          ]
        }
        """

    @Test func preferenceNamingNothingAndClosedOffersAreWarnings() throws {
        let (_, warnings) = try InstanceJSONReader.read(data: Array(Self.instance.utf8), file: "w.json")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let text = warnings.map(\.description).joined(separator: "\n")
        #expect(
            text.contains(
                "w.json: $.participants[0].preferences: warning: preference 1, \"NOWHERE\", names no host or offer"))
        #expect(text.contains("w.json: $.hosts[0].offers[0].capacity: warning: capacity 0 closes the offer"))
        #expect(text.contains("w.json: $.hosts[0].capacity: warning: capacity 0 closes the host"))
        #expect(warnings.count == 3)
    }

    @Test func nullMeansNotGiven() throws {
        let text = Self.instance.replacing("\"weeks\": 4,", with: "\"weeks\": 4, \"birth_date\": null, \"kind\": null,")
        let (instance, _) = try InstanceJSONReader.read(data: Array(text.utf8), file: "n.json")
        #expect(instance.participants[0].birthDate == nil && instance.participants[0].kind == .apprentice)
    }

    @Test func selectorMatchingNobodyIsAWarning() throws {
        let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        let policy =
            #"{"format": "allvet-policy/1", "quotas": [{"name": "x", "who": {"gender": "X"}, "max_count": 1}]}"#
        let (_, warnings) = try PolicyJSONReader.read(data: Array(policy.utf8), file: "p.json", instance: instance)
        #expect(warnings.count == 1 && warnings[0].severity == .warning)
        #expect(warnings[0].message.contains("who selects no participant"))
    }

    @Test func checkInstanceWorksWithAnyLocator() throws {
        struct LineLocator: InstanceLocator {
            func participant(_ index: Int, field: String?) -> (file: String, location: String) {
                ("participants.csv", "line \(index + 2), column \"\(field ?? "")\"")
            }
            func host(_ index: Int, field: String?) -> (file: String, location: String) {
                ("hosts.csv", "line \(index + 2)")
            }
            func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String) {
                ("offers.csv", "line \(offer + 2)")
            }
        }
        let d = Day(iso: "2026-03-02")!
        let p = Participant(
            id: "A", country: "ES", sector: "s", availableFrom: d, availableTo: d.adding(days: 60), weeks: 0)
        let diagnostics = checkInstance(Instance(name: "", participants: [p, p], hosts: []), locator: LineLocator())
        let text = diagnostics.map(\.description)
        #expect(
            text.contains(
                "participants.csv: line 3, column \"id\": error: duplicate participant id \"A\"; participant ids must be unique (first given at line 2, column \"id\")"
            ))
        #expect(text.filter { $0.contains("weeks must be at least 1") }.count == 2)
    }
}
