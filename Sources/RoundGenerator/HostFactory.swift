import PlacementModel

/// Draws hosts with their offers (docs/generator.md, "Hosts and offers").
struct HostFactory {
    let year: Int

    func makeHosts(count: Int, rng: inout SplitMix64) -> [Host] {
        var perCountry: [String: Int] = [:]
        var hosts: [Host] = []
        hosts.reserveCapacity(count)
        for _ in 0..<count {
            let country = rng.pick(Geography.hosting)
            let n = (perCountry[country] ?? 0) + 1
            perCountry[country] = n
            let id = "\(country)-H\(pad(n, 4))"
            let sector = rng.pick(Geography.sectors)
            let cities = Geography.cities[country] ?? ["Capital"]
            let city = cities[rng.below(cities.count)]
            let accessibility: [String] = rng.pick([
                ([], 72.0), (["wheelchair"], 13), (["hearing"], 5), (["wheelchair", "hearing"], 4), (["visual"], 4),
                (["wheelchair", "visual"], 2),
            ])
            let offerCount = rng.pick([(1, 60.0), (2, 30), (3, 10)])
            var offers: [Offer] = []
            for k in 1...offerCount {
                offers.append(makeOffer(id: "\(id)/o\(k)", hostCountry: country, sector: sector, rng: &rng))
            }
            var capacity: Int?
            let sum = offers.reduce(0) { $0 + $1.capacity }
            if offerCount > 1 || rng.chance(0.1), rng.chance(0.17) { capacity = max(1, sum - rng.int(0...2)) }
            hosts.append(
                Host(
                    id: id, name: "\(Geography.hostWord[sector] ?? "Host") \(city) \(n)", country: country,
                    city: city, accessibility: accessibility, capacity: capacity, offers: offers))
        }
        return hosts
    }

    private func makeOffer(id: String, hostCountry: String, sector: String, rng: inout SplitMix64) -> Offer {
        var sectors = [sector]
        if rng.chance(0.3) {
            let other = rng.pick(Geography.sectors)
            if other != sector { sectors.append(other) }
        }
        let local = Geography.native[hostCountry] ?? "en"
        let languages: [String: LanguageLevel] = {
            switch rng.pick([(0, 7.0), (1, 20), (2, 13), (3, 50), (4, 10)]) {
            case 0: return [:]
            case 1: return ["en": .b2]
            case 2: return ["en": .b1]
            case 3: return local == "mt" || local == "en" ? ["en": .b1] : [local: .b1, "en": .b1]
            default: return local == "mt" || local == "en" ? ["en": .a2] : [local: .a2, "en": .a2]
            }
        }()
        // Windows open mostly early in the year and last 2–12 months.
        let startMonth = rng.pick([
            (1, 36.0), (2, 18), (3, 13), (4, 11), (5, 8), (6, 4), (7, 4), (8, 2), (9, 3), (10, 1),
        ])
        let from = Day(year: year, month: startMonth, day: rng.int(1...28))!
        let months = rng.int(2...12)
        let yearEnd = Day(year: year, month: 12, day: 31)!
        let to = min(from.adding(days: months * 30 + rng.int(0...10)), yearEnd)
        let capacity = rng.pick([(1, 32.0), (2, 32), (3, 21), (4, 15)])
        let total: Int? = rng.chance(0.3) ? capacity * rng.int(2...5) : nil
        var minWeeks: Int?, maxWeeks: Int?
        if rng.chance(0.3) { minWeeks = rng.int(2...4) }
        if rng.chance(0.3) { maxWeeks = rng.pick([(4, 30.0), (8, 35), (12, 35)]) }
        let minAge: Int? = rng.chance(0.22) ? 18 : nil
        let kinds: [ParticipantKind]? = rng.pick([(nil, 75.0), ([.apprentice], 20), ([.staff], 5)])
        let accessibility: [String] = rng.chance(0.02) ? ["wheelchair"] : []
        return Offer(
            id: id, sectors: sectors, languages: languages, from: from, to: to, capacity: capacity, total: total,
            minWeeks: minWeeks, maxWeeks: maxWeeks, minAge: minAge, kinds: kinds, accessibility: accessibility)
    }
}

/// `n` with leading zeros to `width` digits (more digits when needed).
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
