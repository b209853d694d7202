import PlacementModel

/// A rule in plain words, built from its fields (issue 16): what a
/// coordinator reads instead of `min_parity 0.8`. The one place such
/// sentences are made, for the report's quota table and its prices.
enum RuleSentence {
    /// "At least 50 % of the people placed have fewer_opportunities = true,
    /// within each sending country (soft: 10 points per person short)."
    static func describe(_ quota: Quota, _ bound: QuotaBound) -> String {
        let who = whoText(quota.who)
        let sentence: String =
            switch bound {
            case .minCount(let k): "At least \(k) \(k == 1 ? "placement" : "placements") of \(who)"
            case .maxCount(let k): "At most \(k) \(k == 1 ? "placement" : "placements") of \(who)"
            case .minShare(let a): "At least \(percent(a.doubleValue)) of the people placed are \(who)"
            case .maxShare(let a): "At most \(percent(a.doubleValue)) of the people placed are \(who)"
            case .minRate(let r): "At least \(percent(r.doubleValue)) of \(who) are placed"
            case .minParity(let b):
                "\(capitalised(who)) are placed at least \(number(b.doubleValue)) times as often as everyone"
            }
        var out = sentence
        if !quota.within.isEmpty {
            out += ", within each " + quota.within.map { scopeName($0) }.joined(separator: " and ")
        }
        if let soft = quota.soft {
            let unit = isParity(bound) ? "placement of theirs" : "person"
            out += " (soft: \(number(soft)) \(soft == 1 ? "point" : "points") per \(unit) short)"
        }
        return out + "."
    }

    static func whoText(_ who: Selector) -> String {
        guard !who.isEmpty else { return "everyone" }
        return "people with "
            + who.conditions.map { "\($0.key) = \($0.value.description)" }.joined(separator: " and ")
    }

    static func scopeName(_ key: ScopeKey) -> String {
        switch key {
        case .field(let f):
            switch f {
            case .country: "sending country"
            case .sendingOrg: "sending organisation"
            case .kind: "kind"
            case .sector: "sector"
            case .id: "participant"
            case .weeks: "length of stay"
            }
        case .attribute(let a): a
        case .host: "host"
        case .hostCountry: "host country"
        case .offer: "offer"
        }
    }

    static func isParity(_ b: QuotaBound) -> Bool { if case .minParity = b { true } else { false } }

    static func percent(_ x: Double) -> String { number(x * 100) + " %" }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : NumberText.trimmed(x, digits: 3)
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
