import PlacementModel
import Testing

/// Mistakes that once passed without a word and gave a wrong "optimal"
/// (issue 13): each is now an error or a warning naming the place.
@Suite struct SilentMistakeTests {
    static func round(sector: String = "industry40", needs: String = "[]", languages: String = "{\"en\": \"B1\"}")
        -> [UInt8]
    {
        Array(
            """
            {"format": "allvet-instance/1", "participants": [
              {"id": "P1", "country": "ES", "sector": "\(sector)", "languages": \(languages), "needs": \(needs),
               "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 2,
               "attributes": {"fewer_opportunities": true}}],
             "hosts": [{"id": "H1", "country": "DE", "accessibility": ["wheelchair"], "offers": [
              {"id": "H1/o", "sectors": ["industry40"], "languages": {"en": "b1"}, "from": "2026-03-02",
               "to": "2026-06-28", "capacity": 1}]}]}
            """.utf8)
    }

    static func warnings(_ bytes: [UInt8]) throws -> [String] {
        try InstanceJSONReader.read(data: bytes, file: "round.json").warnings.map { "\($0.location): \($0.message)" }
    }

    @Test func wordsThatMatchNothingAreWarnedWithTheNearestOne() throws {
        #expect(
            try Self.warnings(Self.round(sector: "Industry 4.0", needs: "[\"silla de ruedas\", \"wheelchiar\"]")) == [
                "$.participants[0].sector: no offer has the sector \"Industry 4.0\" (did you mean \"industry40\"?), so this participant can be placed nowhere",
                "$.participants[0].needs: no host or offer provides the need \"silla de ruedas\", so this participant can be placed nowhere",
                "$.participants[0].needs: no host or offer provides the need \"wheelchiar\" (did you mean \"wheelchair\"?), so this participant can be placed nowhere",
                "$.hosts[0].offers[0].sectors: no participant has the sector \"industry40\" (did you mean \"Industry 4.0\"?)",
            ])
        #expect(try Self.warnings(Self.round()).isEmpty)
    }

    /// `EN:B1` did not match an offer needing `en`; `b1` was an error in JSON
    /// but read in CSV. Codes are lower-cased with a warning, levels read in
    /// any case, in both forms.
    @Test func languageCodesAndLevelsAreReadInAnyCase() throws {
        let bytes = Self.round(languages: "{\"EN\": \"native\"}")
        let (instance, warnings) = try InstanceJSONReader.read(data: bytes, file: "round.json")
        #expect(instance.participants[0].languages == ["en": .native])
        #expect(instance.hosts[0].offers[0].languages == ["en": .b1])
        #expect(
            warnings.map { "\($0.location): \($0.message)" } == [
                "$.participants[0].languages.EN: the language code \"EN\" is read as \"en\" (codes are compared in lower case)"
            ])
        let twice = #expect(throws: InputError.self) {
            try InstanceJSONReader.read(
                data: Self.round(languages: "{\"EN\": \"B1\", \"en\": \"B2\"}"), file: "round.json")
        }
        #expect(twice?.errors.map(\.message) == ["the language \"en\" is given twice; give each language once"])
    }

    static func policyDiagnostics(_ quotas: String) throws -> [String] {
        let (instance, _) = try InstanceJSONReader.read(data: Self.round(), file: "round.json")
        let bytes = Array("{\"format\": \"allvet-policy/1\", \"quotas\": [\(quotas)]}".utf8)
        do {
            return try PolicyJSONReader.read(data: bytes, file: "policy.json", instance: instance).warnings.map {
                "\($0.severity) \($0.location): \($0.message)"
            }
        } catch {
            return error.diagnostics.map { "\($0.severity) \($0.location): \($0.message)" }
        }
    }

    /// Spanish Excel's VERDADERO made a `who` select nobody and a hard
    /// min_share placed nobody at all, reported as optimal.
    @Test func aHardLowerBoundOnNobodyIsAnError() throws {
        #expect(
            try Self.policyDiagnostics(
                "{\"name\": \"fo\", \"who\": {\"fewer_opportunities\": \"VERDADERO\"}, \"min_share\": 0.3}") == [
                    "error $.quotas[0].who: quota \"fo\": who selects no participant of the instance, so min_share can only keep others out; check its values against the participants' (true, not \"true\" or VERDADERO; case counts)"
                ])
        // Soft, or an upper bound: a warning as before.
        #expect(
            try Self.policyDiagnostics(
                "{\"name\": \"fo\", \"who\": {\"fewer_opportunities\": false}, \"min_share\": 0.3, \"soft\": 1}") == [
                    "warning $.quotas: quota \"fo\": who selects no participant of the instance"
                ])
    }

    @Test func boundsThatCanNeverBindAreWarnings() throws {
        let said = try Self.policyDiagnostics(
            """
            {"name": "a", "min_parity": 0.9}, {"name": "b", "min_count": 0}, {"name": "c", "max_share": 1},
            {"name": "d", "min_share": 0.2}, {"name": "e", "who": {"fewer_opportunities": true}, "min_parity": 0.9}
            """)
        #expect(
            said.map { String($0.prefix(while: { $0 != ":" })) } == [
                "warning $.quotas[0].min_parity", "warning $.quotas[1].min_count", "warning $.quotas[2].max_share",
                "warning $.quotas[3].min_share",
            ], "\(said)")
        #expect(said.allSatisfy { $0.contains("can never bind") })
    }
}
