import PlacementModel

/// Draws ranked preference lists skewed toward popular hosts, so that the
/// popular ones are congested (docs/generator.md, "Preferences").
///
/// Each host has a Zipf popularity `1 / r` for its random popularity rank
/// `r = 1, 2, …`. A list has 0–5 entries; each entry is, with probability
/// 0.8, a host with an offer in the participant's sector (by popularity) and
/// otherwise any host (by popularity); hosts in the participant's own
/// country and repeats are redrawn. An entry names the host (60 %) or one of
/// its offers (40 %, one in the participant's sector when there is one).
struct PreferenceSampler {
    private let hosts: [Host]
    private let all: WeightedTable
    private let bySector: [String: (hosts: [Int], table: WeightedTable)]

    static let lengths: [(Int, Double)] = [(0, 16), (1, 15), (2, 19), (3, 21), (4, 15), (5, 14)]

    init(hosts: [Host], rng: inout SplitMix64) {
        self.hosts = hosts
        // A random popularity order (Fisher–Yates).
        var order = Array(hosts.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        var popularity = [Double](repeating: 0, count: hosts.count)
        for (rank, h) in order.enumerated() { popularity[h] = 1.0 / Double(rank + 1) }
        all = WeightedTable(popularity)
        var sectors: [String: [Int]] = [:]
        for (h, host) in hosts.enumerated() {
            var seen: Set<String> = []
            for o in host.offers {
                for s in o.sectors where seen.insert(s).inserted { sectors[s, default: []].append(h) }
            }
        }
        bySector = sectors.mapValues { ($0, WeightedTable($0.map { popularity[$0] })) }
    }

    func draw(country: String, sector: String, rng: inout SplitMix64) -> [String] {
        let length = rng.pick(Self.lengths)
        guard length > 0, !hosts.isEmpty else { return [] }
        var chosen: [Int] = []
        var entries: [String] = []
        var attempts = 0
        while entries.count < length, attempts < 8 * length {
            attempts += 1
            let h: Int
            if let s = bySector[sector], rng.chance(0.8) { h = s.hosts[s.table.draw(&rng)] } else { h = all.draw(&rng) }
            let host = hosts[h]
            if host.country == country || chosen.contains(h) { continue }
            chosen.append(h)
            if rng.chance(0.4), !host.offers.isEmpty {
                let matching = host.offers.filter { $0.sectors.contains(sector) }
                let pool = matching.isEmpty ? host.offers : matching
                entries.append(pool[rng.below(pool.count)].id)
            } else {
                entries.append(host.id)
            }
        }
        return entries
    }
}
