import PlacementModel

/// What a generated round needs for funding (rounds.md, section 4; `allvet
/// generate`): every host located at its city, every sending organisation
/// listed with a city of its country and that city's location, and about
/// one participant in seven travelling green. It draws from a stream of
/// its own, so a round's participants and hosts are those of
/// ``RoundGenerator`` with the same seed, only located.
public struct FundingGenerator: Sendable {
    public var seed: UInt64
    /// Share of participants who travel green.
    public var greenShare = 0.15

    public init(seed: UInt64) { self.seed = seed }

    public func adding(to instance: Instance) -> Instance {
        var out = instance
        var rng = SplitMix64(seed: seed ^ 0x6D6F_6E65_7900_0000)
        for h in out.hosts.indices where out.hosts[h].location == nil {
            out.hosts[h].location = out.hosts[h].city.flatMap(Places.location)
        }
        var orgs: [String: SendingOrg] = [:]
        var order: [String] = []
        for p in out.participants {
            guard let id = p.sendingOrg, orgs[id] == nil else { continue }
            let cities = Places.cities(of: p.country)
            let city = cities.isEmpty ? nil : cities[rng.below(cities.count)]
            orgs[id] = SendingOrg(id: id, country: p.country, city: city, location: city.flatMap(Places.location))
            order.append(id)
        }
        let known = Set(out.sendingOrgs.map(\.id))
        out.sendingOrgs += order.filter { !known.contains($0) }.sorted().map { orgs[$0]! }
        for i in out.participants.indices where rng.chance(greenShare) { out.participants[i].travel = .green }
        return out
    }

    /// The illustrative Erasmus+ VET rates of rounds.md's example funding
    /// file, as a funding file's text (`allvet generate --funding FILE`).
    public static let exampleRates = """
        {
          "format": "allvet-funding/1",
          "name": "illustrative Erasmus+ VET rates",
          "currency": "EUR",
          "travel": {
            "bands": [
              { "min_km": 10, "max_km": 99, "standard": 28, "green": 56 },
              { "min_km": 100, "max_km": 499, "standard": 211, "green": 285 },
              { "min_km": 500, "max_km": 1999, "standard": 309, "green": 417 },
              { "min_km": 2000, "max_km": 2999, "standard": 395, "green": 535 },
              { "min_km": 3000, "max_km": 3999, "standard": 580, "green": 785 },
              { "min_km": 4000, "max_km": 7999, "standard": 1188, "green": 1188 },
              { "min_km": 8000, "max_km": 99999, "standard": 1735, "green": 1735 }
            ],
            "travel_days": { "standard": 2, "green": 6 }
          },
          "individual": {
            "country_groups": {
              "1": ["DK", "FI", "IE", "IS", "LI", "LU", "NO", "SE"],
              "2": ["AT", "BE", "CY", "DE", "ES", "FR", "GR", "IT", "MT", "NL", "PT"],
              "3": ["BG", "CZ", "EE", "HR", "HU", "LT", "LV", "MK", "PL", "RO", "RS", "SI", "SK", "TR"]
            },
            "daily": {
              "1": { "apprentice": 85, "staff": 191 },
              "2": { "apprentice": 74, "staff": 169 },
              "3": { "apprentice": 64, "staff": 148 }
            },
            "reduced_after_day": 14,
            "reduced_factor": 0.7
          },
          "organisational": { "per_participant": 350 },
          "inclusion": { "who": { "fewer_opportunities": true }, "per_participant": 125 }
        }

        """
}
