import PlacementModel

/// Counts model.md's time-indexed candidates (filters 1–8, `require_abroad`,
/// no `only_listed`) and the participants with at least one, to calibrate
/// the generator against the benchmark rounds. A test-only re-implementation,
/// independent of PlacementFormulation.
func candidateFigures(_ instance: Instance) -> (candidates: Int, placeable: Int, offers: Int) {
    var total = 0, placeable = 0
    let offers = instance.offers
    for p in instance.participants {
        var mine = 0
        for (h, o) in offers {
            let host = instance.hosts[h.rawValue]
            guard o.sectors.contains(p.sector) else { continue }
            guard
                o.languages.isEmpty
                    || o.languages.contains(where: { (p.languages[$0.key]?.strength ?? 0) >= $0.value.strength })
            else { continue }
            if let m = o.minWeeks, p.weeks < m { continue }
            if let m = o.maxWeeks, p.weeks > m { continue }
            let provided = Set(host.accessibility).union(o.accessibility)
            guard p.needs.allSatisfy(provided.contains) else { continue }
            guard p.country != host.country else { continue }
            if let kinds = o.kinds, !kinds.contains(p.kind) { continue }
            var s = max(p.availableFrom, o.from).mondayOnOrAfter
            let lastDay = min(p.availableTo, o.to)
            while s.adding(days: 7 * p.weeks - 1) <= lastDay {
                if let age = o.minAge {
                    if let b = p.birthDate, b.age(on: s) >= age { mine += 1 }
                } else {
                    mine += 1
                }
                s = s.adding(days: 7)
            }
        }
        total += mine
        if mine > 0 { placeable += 1 }
    }
    return (total, placeable, offers.count)
}
