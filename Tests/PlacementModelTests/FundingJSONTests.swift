import PlacementModel
import Testing

/// The funding file and the places of a round (rounds.md, section 4): read,
/// written back alike, each mistake named by its JSON path, and money
/// exact to the cent.
@Suite struct FundingJSONTests {
    static let round = Array(
        """
        {"format": "allvet-instance/1",
         "participants": [
           {"id": "ES-001", "country": "ES", "sending_org": "VA", "sector": "tourism", "languages": {},
            "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 3, "travel": "green",
            "attributes": {"fewer_opportunities": true}},
           {"id": "ES-002", "kind": "staff", "country": "ES", "sending_org": "VA", "sector": "tourism",
            "languages": {}, "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 1}],
         "hosts": [{"id": "PT-H", "country": "PT", "city": "Lisboa", "location": {"lat": 38.7223, "lon": -9.1393},
           "offers": [{"id": "PT-H/o1", "sectors": ["tourism"], "from": "2026-01-05", "to": "2026-12-27",
                       "capacity": 1}]}],
         "sending_orgs": [{"id": "VA", "country": "ES", "city": "Valladolid",
                           "location": {"lat": 41.6523, "lon": -4.7245}}]}
        """.utf8)

    static func rates(_ replace: (String, String)? = nil) -> [UInt8] {
        var text = """
            {"format": "allvet-funding/1", "currency": "EUR",
             "travel": {"bands": [{"min_km": 10, "max_km": 99, "standard": 28, "green": 56},
                                  {"min_km": 100, "max_km": 499, "standard": 211, "green": 285}],
                        "travel_days": {"standard": 2, "green": 6}},
             "individual": {"country_groups": {"2": ["ES", "PT"]},
                            "daily": {"2": {"apprentice": 74.15, "staff": 169}},
                            "reduced_after_day": 14, "reduced_factor": 0.7},
             "organisational": {"per_participant": 350},
             "inclusion": {"who": {"fewer_opportunities": true}, "per_participant": 125}}
            """
        if let (a, b) = replace { text = text.replacingOccurrences(of: a, with: b) }
        return Array(text.utf8)
    }

    static func fundingErrors(_ replace: (String, String)) throws -> String {
        let (r, _) = try InstanceJSONReader.read(data: round, file: "r.json")
        do {
            _ = try FundingJSONReader.read(data: rates(replace), file: "f.json", instance: r)
            return ""
        } catch { return error.description }
    }

    @Test func placesAreReadAndWrittenBackAlike() throws {
        let (r, _) = try InstanceJSONReader.read(data: Self.round, file: "r.json")
        #expect(r.hosts[0].location == Location(lat: 38.7223, lon: -9.1393))
        #expect(
            r.sendingOrgs == [
                SendingOrg(id: "VA", country: "ES", city: "Valladolid", location: Location(lat: 41.6523, lon: -4.7245))
            ])
        #expect(r.participants.map(\.travel) == [.green, .standard])
        let (back, _) = try InstanceJSONReader.read(data: Array(InstanceJSONWriter.write(r).utf8), file: "w.json")
        #expect(back == r)
    }

    /// ES-001 (apprentice, green, fewer opportunities), Valladolid → Lisboa:
    /// haversine 496 km (100–499: green 285); days 3 × 7 + 6 = 27: 14 × 74.15
    /// + 13 × 74.15 × 0.7 = 1,038.10 + 674.765 → 1,712.865 → 1,712.87 (half
    /// up, once for the line); + 350 + 125 = 2,472.87.
    /// ES-002 (staff, standard): 211; days 7 + 2 = 9 × 169 = 1,521; + 350 = 2,082.
    @Test func costsAreExactToTheCent() throws {
        let (r, _) = try InstanceJSONReader.read(data: Self.round, file: "r.json")
        let (f, _) = try FundingJSONReader.read(data: Self.rates(), file: "f.json", instance: r)
        let table = CostTable(instance: r, funding: f)
        let a = try #require(try table.cost(r, participant: 0, host: 0)?.get())
        #expect(
            a
                == StayCost(
                    distanceKm: 496, travel: 28_500, individual: 171_287, organisational: 35_000, inclusion: 12_500))
        #expect(a.total == 247_287 && a.total.euroText == "2,472.87" && a.total.euroLiteral == "2472.87")
        let b = try #require(try table.cost(r, participant: 1, host: 0)?.get())
        #expect(
            b == StayCost(distanceKm: 496, travel: 21_100, individual: 152_100, organisational: 35_000, inclusion: 0))
        // A distance no band covers is a problem, not a silent 0.
        let short = Funding(
            bands: [.init(minKm: 10, maxKm: 99, standard: ExactDecimal(28), green: ExactDecimal(56))],
            travelDays: [.standard: 2, .green: 6], countryGroup: ["PT": "2"],
            daily: ["2": [.apprentice: ExactDecimal(74), .staff: ExactDecimal(169)]], reducedAfterDay: 14,
            reducedFactor: ExactDecimal(literal: "0.7")!)
        #expect(
            short.cost(
                from: r.sendingOrgs[0].location!, to: r.hosts[0].location!, hostCountry: "PT", weeks: 1,
                kind: .apprentice, travel: .standard, included: false) == .failure(.noBand(distanceKm: 496)))
        // Below the first band: no travel grant.
        #expect(short.band(forKilometres: 9) == .success(nil))
    }

    @Test func mistakesAreNamedByTheirPath() throws {
        #expect(
            try Self.fundingErrors(("\"min_km\": 100,", "\"min_km\": 99,")).contains(
                "f.json: $.travel.bands[1]: error: the band 99–499 km overlaps the band 10–99 km"))
        #expect(
            try Self.fundingErrors(("\"reduced_factor\": 0.7", "\"reduced_factor\": 1.2")).contains(
                "$.individual.reduced_factor: error: expected a factor from 0 to 1, found 1.2"))
        #expect(
            try Self.fundingErrors(("\"2\": [\"ES\", \"PT\"]", "\"2\": [\"ES\", \"PT\"], \"3\": [\"PT\"]")).contains(
                "PT is already in group \"2\""))
        #expect(
            try Self.fundingErrors(("\"staff\": 169", "\"staff\": -1")).contains(
                "$.individual.daily[\"2\"].staff: error: an amount must not be negative"))
        #expect(try Self.fundingErrors(("allvet-funding/1", "allvet-policy/1")).contains("unsupported format"))
        #expect(
            try Self.fundingErrors(("\"fewer_opportunities\": true}, \"per", "\"fewer_opportunity\": true}, \"per"))
                .contains("$.inclusion.who.fewer_opportunity"))
    }

    @Test func placesMustBeWhole() throws {
        func errors(_ a: String, _ b: String) -> String {
            let text = String(decoding: Self.round, as: UTF8.self).replacingOccurrences(of: a, with: b)
            do {
                _ = try InstanceJSONReader.read(data: Array(text.utf8), file: "r.json")
                return ""
            } catch { return error.description }
        }
        #expect(errors("\"lat\": 38.7223", "\"lat\": 98.7223").contains("$.hosts[0].location: error: latitude 98.7223"))
        #expect(errors("\"travel\": \"green\"", "\"travel\": \"plane\"").contains("unknown travel \"plane\""))
        #expect(
            errors(
                "\"sending_org\": \"VA\", \"sector\": \"tourism\",\n",
                "\"sending_org\": \"VX\", \"sector\": \"tourism\",\n"
            )
            .contains("$.participants[1].sending_org: error: sending_org \"VX\" is not among the round's"))
    }
}
