import PlacementModel

/// Draws participants (docs/generator.md, "Participants").
struct ParticipantFactory {
    let year: Int
    let preferences: PreferenceSampler

    static let englishApprentice: [(LanguageLevel, Double)] = [(.a2, 20), (.b1, 40), (.b2, 28), (.c1, 10), (.c2, 2)]
    static let englishStaff: [(LanguageLevel, Double)] = [(.a2, 5), (.b1, 25), (.b2, 40), (.c1, 25), (.c2, 5)]
    static let secondLevel: [(LanguageLevel, Double)] = [(.a1, 50), (.a2, 30), (.b1, 15), (.b2, 5)]
    /// Weeks of an apprentice's stay: mostly one to six, a minority of long stays (nine to twelve).
    static let apprenticeWeeks: [(Int, Double)] = [
        (1, 9), (2, 13), (3, 11), (4, 14), (5, 7), (6, 11), (7, 4), (8, 9),
        (9, 4), (10, 6), (11, 4), (12, 8),
    ]

    func makeParticipants(count: Int, rng: inout SplitMix64) -> [Participant] {
        var perCountry: [String: Int] = [:]
        var out: [Participant] = []
        out.reserveCapacity(count)
        let yearStart = Day(year: year, month: 1, day: 1)!
        let yearEnd = Day(year: year, month: 12, day: 31)!
        for _ in 0..<count {
            let country = rng.pick(Geography.sending)
            let n = (perCountry[country] ?? 0) + 1
            perCountry[country] = n
            let kind: ParticipantKind = rng.chance(0.08) ? .staff : .apprentice
            let sector = rng.pick(Geography.sectors)
            // Sending organisations: about one per 25 participants of a country, Zipf-like sizes.
            let orgs = max(1, Int((Double(count) * 0.19 / 25).rounded()))
            let org = "\(country)-VET\(pad(1 + Int(Double(orgs) * rng.unit() * rng.unit()), 3))"

            var languages: [String: LanguageLevel] = [:]
            let native = Geography.native[country] ?? "en"
            languages[native] = .native
            if native != "en" {
                var level = rng.pick(kind == .staff ? Self.englishStaff : Self.englishApprentice)
                if Geography.strongEnglish.contains(country), level < .c2 {
                    level = LanguageLevel.allCases.first { $0.strength == level.strength + 1 }!
                }
                languages["en"] = level
            }
            if rng.chance(0.55) {
                let second = rng.pick(Geography.secondForeign)
                if languages[second] == nil { languages[second] = rng.pick(Self.secondLevel) }
            }

            let weeks = kind == .staff ? rng.pick([(1, 60.0), (2, 40)]) : rng.pick(Self.apprenticeWeeks)
            // Availability: one to six months, inside the year, long enough for the stay plus a week.
            let months = rng.int(1...6)
            let length = max(months * 30 + rng.int(-5...5), 7 * weeks + 7)
            let latestStart = yearEnd.ordinal - length
            let from = Day(ordinal: yearStart.ordinal + Int(Double(latestStart - yearStart.ordinal) * rng.unit()))
            let to = from.adding(days: length)

            let ageYears = kind == .staff ? rng.int(30...60) : rng.int(16...24)
            let birth = Day(ordinal: yearStart.ordinal - ageYears * 365 - rng.below(365))

            let needs: [String] = rng.pick([([], 97.0), (["wheelchair"], 1.5), (["hearing"], 0.75), (["visual"], 0.75)])
            var attributes: [(name: String, value: AttributeValue)] = [
                ("gender", .string(rng.pick([("F", 47.0), ("M", 51), ("X", 2)])))
            ]
            if kind == .apprentice { attributes.append(("fewer_opportunities", .bool(rng.chance(1.0 / 3.0)))) }

            out.append(
                Participant(
                    id: "\(country)-\(pad(n, 5))", kind: kind, country: country, sendingOrg: org, sector: sector,
                    languages: languages, availableFrom: from, availableTo: to, weeks: weeks, birthDate: birth,
                    needs: needs,
                    attributes: attributes, preferences: preferences.draw(country: country, sector: sector, rng: &rng)))
        }
        return out
    }
}
