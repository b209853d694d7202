import PlacementModel
import Testing

/// Ids, country codes and kinds as people type them (issue 14, item 6):
/// tidied with a warning, or refused; never a silent new value that
/// defeats `require_abroad` or a preference.
@Suite struct TypedTextTests {
    /// A one-participant round with `country`, `kind`, `id` and the host's
    /// `country` written as given (JSON literals).
    static func round(
        country: String = "\"ES\"", kind: String = "\"apprentice\"", id: String = "\"P1\"",
        hostCountry: String = "\"DE\"", preference: String = "\"H1\"", attributes: String = "{}"
    ) -> [UInt8] {
        Array(
            """
            {"format": "allvet-instance/1", "participants": [
              {"id": \(id), "kind": \(kind), "country": \(country), "sector": "food", "languages": {},
               "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 2,
               "preferences": [\(preference)], "attributes": \(attributes)}],
             "hosts": [{"id": "H1", "country": \(hostCountry), "offers": [
              {"id": "H1/o", "sectors": ["food"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 1}]}]}
            """.utf8)
    }

    /// Every diagnostic as `severity location: message`, thrown or not.
    static func diagnostics(_ bytes: [UInt8]) -> (Instance?, [String]) {
        do {
            let (instance, warnings) = try InstanceJSONReader.read(data: bytes, file: "round.json")
            return (instance, warnings.map { "\($0.severity) \($0.location): \($0.message)" })
        } catch {
            return (nil, error.diagnostics.map { "\($0.severity) \($0.location): \($0.message)" })
        }
    }

    @Test func countryCodesAreUpperCasedAndTrimmedWithAWarning() throws {
        let (instance, messages) = Self.diagnostics(Self.round(country: "\" es \"", hostCountry: "\"de\""))
        #expect(instance?.participants.first?.country == "ES")
        #expect(instance?.hosts.first?.country == "DE")
        #expect(
            messages == [
                "warning $.participants[0].country: the country \" es \" is read as \"ES\" (ISO 3166-1 alpha-2 codes are two capital letters)",
                "warning $.hosts[0].country: the country \"de\" is read as \"DE\" (ISO 3166-1 alpha-2 codes are two capital letters)",
            ])
    }

    @Test(arguments: [
        ("SPAIN", "for this country write \"ES\""), ("España", "for this country write \"ES\""),
        ("DEU", "for this country write \"DE\""), ("UK", "in ISO 3166-1 write \"GB\""),
        ("EL", "in ISO 3166-1 write \"GR\""), ("ZZ", "such as ES, PT, FI, PL or DE"),
        ("E", "such as ES, PT, FI, PL or DE"), ("E S", "such as ES, PT, FI, PL or DE"),
    ])
    func anythingButAnAssignedCodeIsRefused(_ text: String, _ hint: String) {
        let (instance, messages) = Self.diagnostics(Self.round(country: "\"\(text)\""))
        #expect(instance == nil)
        #expect(messages.count == 1, "\(messages)")
        #expect(
            messages.first?.hasPrefix(
                "error $.participants[0].country: \"\(text)\" is not an ISO 3166-1 alpha-2 country code") == true,
            "\(messages)")
        #expect(messages.first?.hasSuffix(hint) == true, "\(messages)")
    }

    @Test func theCodeListHasEveryAssignedCodeAndKosovo() {
        #expect(CountryCode.assigned.count == 250)
        for code in ["ES", "PT", "FI", "PL", "DE", "GB", "GR", "XK", "AX", "SS", "BQ"] {
            #expect(CountryCode.assigned.contains(code), "\(code)")
        }
        for code in ["UK", "EL", "EU", "YU", "AN"] { #expect(!CountryCode.assigned.contains(code), "\(code)") }
    }

    @Test func idsAndPreferencesLoseTheirSpacesWithAWarning() {
        let (instance, messages) = Self.diagnostics(Self.round(id: "\"P1 \"", preference: "\" H1\""))
        #expect(instance?.participants.first?.id == "P1")
        #expect(instance?.participants.first?.preferences == ["H1"])
        #expect(
            messages == [
                "warning $.participants[0].id: the participant id \"P1 \" has spaces around it; read as \"P1\"",
                "warning $.participants[0].preferences[0]: the preference \" H1\" has spaces around it; read as \"H1\"",
            ])
    }

    @Test func kindsAreReadInAnyLetterCaseWithAWarning() {
        let (instance, messages) = Self.diagnostics(Self.round(kind: "\"Staff\""))
        #expect(instance?.participants.first?.kind == .staff)
        #expect(messages == ["warning $.participants[0].kind: the kind \"Staff\" is read as \"staff\""])
        let (refused, errors) = Self.diagnostics(Self.round(kind: "\"teacher\""))
        #expect(refused == nil)
        #expect(errors.first?.hasPrefix("error $.participants[0].kind: unknown kind \"teacher\"") == true)
    }

    /// formats.md: attribute values are strings, numbers or booleans.
    @Test func aNullAttributeIsAnError() {
        let (instance, messages) = Self.diagnostics(Self.round(attributes: "{\"gender\": null}"))
        #expect(instance == nil)
        #expect(
            messages == [
                "error $.participants[0].attributes.gender: an attribute value must be a string, a number or a boolean, found null; leave \"gender\" out for a participant who has no such value"
            ])
    }

    /// A `who` on `country` or `kind` is read as the instance readers read
    /// the values it is compared with.
    @Test func policySelectorsReadCountriesAndKindsAlike() throws {
        let (instance, _) = Self.diagnostics(Self.round())
        let policy = Array(
            """
            {"format": "allvet-policy/1", "quotas": [
              {"name": "q", "who": {"country": "es", "kind": "Apprentice"}, "max_count": 1},
              {"name": "r", "who": {"country": "Spain"}, "max_count": 1}]}
            """.utf8)
        let error = #expect(throws: InputError.self) {
            try PolicyJSONReader.read(data: policy, file: "policy.json", instance: try #require(instance))
        }
        #expect(
            error?.diagnostics.map { "\($0.severity) \($0.location): \($0.message)" } == [
                "warning $.quotas[0].who.country: the country \"es\" is read as \"ES\" (ISO 3166-1 alpha-2 codes are two capital letters)",
                "warning $.quotas[0].who.kind: the kind \"Apprentice\" is read as \"apprentice\"",
                "error $.quotas[1].who.country: \"Spain\" is not an ISO 3166-1 alpha-2 country code; for this country write \"ES\"",
            ])
        let good = Array(
            """
            {"format": "allvet-policy/1", "quotas": [
              {"name": "q", "who": {"country": "es", "kind": "Apprentice"}, "max_count": 1}]}
            """.utf8)
        let (read, _) = try PolicyJSONReader.read(data: good, file: "policy.json", instance: try #require(instance))
        #expect(read.quotas.first?.who.matches(try #require(instance?.participants.first)) == true)
    }
}
