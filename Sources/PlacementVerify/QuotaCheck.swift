import PlacementModel

/// One quota bound in one scope, recomputed from stays (model.md, Quotas),
/// with scopes enumerated here from ruling 4 rather than taken from the
/// formulation.
struct QuotaFigure {
    var name: String
    var bound: QuotaBound
    var soft: Double?
    /// `within` key → value (nil: a missing attribute), in `within` order.
    var scope: [(key: String, value: String?)]
    var g: Int, p: Int, nWho: Int, nAll: Int

    /// Exact test of a hard bound (ruling 3): integers only, in 128 bits, as
    /// a decimal of 18 digits times a count times a count needs (an
    /// `Int` overflowed and crashed on `min_parity 0.333333333333333`).
    var holds: Bool {
        let g = Int128(g), p = Int128(p), nWho = Int128(nWho), nAll = Int128(nAll)
        switch bound {
        case .minCount(let k): return g >= Int128(k)
        case .maxCount(let k): return g <= Int128(k)
        case .minShare(let a): return Int128(a.denominator) * g - Int128(a.numerator) * p >= 0
        case .maxShare(let a): return Int128(a.denominator) * g - Int128(a.numerator) * p <= 0
        case .minRate(let r):
            // g ≥ r·N_who ⇔ g ≥ ⌈r·N_who⌉ for integer g
            return g * Int128(r.denominator) >= Int128(r.numerator) * nWho
        case .minParity(let b): return Int128(b.denominator) * nAll * g - Int128(b.numerator) * nWho * p >= 0
        }
    }

    /// How far inside the bound, in placements (for `min_parity`, placements
    /// of `who`); negative when broken.
    var slack: Double {
        switch bound {
        case .minCount(let k): return Double(g - k)
        case .maxCount(let k): return Double(k - g)
        case .minShare(let a):
            return Double(Int128(a.denominator) * Int128(g) - Int128(a.numerator) * Int128(p)) / Double(a.denominator)
        case .maxShare(let a):
            return Double(Int128(a.numerator) * Int128(p) - Int128(a.denominator) * Int128(g)) / Double(a.denominator)
        case .minRate(let r):
            return Double(g - r.ceilTimes(nWho))
        case .minParity(let b):
            let d = Int128(b.denominator) * Int128(nAll)
            return Double(d * Int128(g) - Int128(b.numerator) * Int128(nWho) * Int128(p)) / Double(d)
        }
    }

    /// The quantity the bound speaks of; nil where undefined.
    var value: Double? {
        switch bound {
        case .minCount, .maxCount: return Double(g)
        case .minShare, .maxShare: return p == 0 ? nil : Double(g) / Double(p)
        case .minRate: return nWho == 0 ? nil : Double(g) / Double(nWho)
        case .minParity: return (nWho == 0 || p == 0) ? nil : (Double(g) / Double(nWho)) / (Double(p) / Double(nAll))
        }
    }

    var key: String { Self.key(name: name, bound: bound.name, scope: scope) }

    static func key(name: String, bound: String, scope: [(key: String, value: String?)]) -> String {
        name + "\u{1}" + bound + "\u{1}" + scope.map { $0.key + "=" + ($0.value ?? "\u{0}") }.joined(separator: "\u{2}")
    }

    var scopeText: String {
        scope.isEmpty ? "" : " (" + scope.map { "\($0.key)=\($0.value ?? "none")" }.joined(separator: ", ") + ")"
    }

    /// Every bound of every rule in every scope, for the stays given as
    /// (participant, offer) pairs.
    static func all(rules: Rules, placements: [(participant: Int, offer: Int)]) -> [QuotaFigure] {
        let inst = rules.instance
        var out: [QuotaFigure] = []
        for q in rules.policy.quotas {
            let pKeys = q.within.filter { !$0.isPlacementSide }.map(\.description)
            let oKeys = q.within.filter(\.isPlacementSide)
            // Participant groups: every combination that occurs.
            var pGroups: [[AttributeValue?]] = []
            var pIndex: [[AttributeValue?]: Int] = [:]
            var groupOf: [Int] = []
            for p in inst.participants {
                let t = pKeys.map { p.value(of: $0) }
                if pIndex[t] == nil { pIndex[t] = pGroups.count; pGroups.append(t) }
                groupOf.append(pIndex[t]!)
            }
            if pGroups.isEmpty { pGroups = [[]] }
            // Placement groups: hosts (host, host_country) or offers (with offer).
            var oGroups: [[String]] = []
            var oIndex: [[String]: Int] = [:]
            var offerGroup: [Int] = []
            func add(_ t: [String]) -> Int {
                if let i = oIndex[t] { return i }
                oIndex[t] = oGroups.count
                oGroups.append(t)
                return oGroups.count - 1
            }
            let byOffer = oKeys.contains(.offer)
            for host in inst.hosts {
                func v(_ k: ScopeKey, _ o: Offer?) -> String {
                    switch k {
                    case .host: host.id
                    case .hostCountry: host.country
                    default: o?.id ?? ""
                    }
                }
                if !byOffer { _ = add(oKeys.map { v($0, nil) }) }
                for o in host.offers { offerGroup.append(add(oKeys.map { v($0, o) })) }
            }
            // No host (or offer) value to stand in: a rule with placement-side keys stands nowhere.
            if oGroups.isEmpty && oKeys.isEmpty { oGroups = [[]] }

            let isWho = inst.participants.map { q.who.matches($0) }
            var nAll = [Int](repeating: 0, count: pGroups.count), nWho = nAll
            for (i, g) in groupOf.enumerated() { nAll[g] += 1; if isWho[i] { nWho[g] += 1 } }
            var G = [[Int]](repeating: [Int](repeating: 0, count: oGroups.count), count: pGroups.count), P = G
            for s in placements {
                let a = groupOf[s.participant], b = oKeys.isEmpty ? 0 : offerGroup[s.offer]
                P[a][b] += 1
                if isWho[s.participant] { G[a][b] += 1 }
            }
            for (a, pt) in pGroups.enumerated() {
                for (b, ot) in oGroups.enumerated() {
                    var scope: [(key: String, value: String?)] = []
                    var i = 0, j = 0
                    for k in q.within {
                        if k.isPlacementSide {
                            scope.append((k.description, ot[j])); j += 1
                        } else {
                            scope.append((k.description, pt[i]?.description)); i += 1
                        }
                    }
                    for bound in q.bounds {
                        out.append(
                            QuotaFigure(
                                name: q.name, bound: bound, soft: q.soft, scope: scope,
                                g: G[a][b], p: P[a][b], nWho: nWho[a], nAll: nAll[a]))
                    }
                }
            }
        }
        return out
    }
}
