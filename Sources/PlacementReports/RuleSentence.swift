import PlacementModel

/// A rule in plain words, built from its fields (issue 16): what a
/// coordinator reads instead of `min_parity 0.8`. The one place such
/// sentences are made, for the report's quota table and its prices.
enum RuleSentence {
    /// "At least 50 % of the people placed have fewer_opportunities = true,
    /// within each sending country (soft: 10 points per person short)."
    static func describe(_ quota: Quota, _ bound: QuotaBound) -> String {
        let who = whoText(quota.who)
        var out: String =
            switch bound {
            case .minCount(let k):
                k == 1 ? tr("At least 1 placement of {0}", who) : tr("At least {0} placements of {1}", "\(k)", who)
            case .maxCount(let k):
                k == 1 ? tr("At most 1 placement of {0}", who) : tr("At most {0} placements of {1}", "\(k)", who)
            case .minShare(let a): tr("At least {0} of the people placed are {1}", percent(a.doubleValue), who)
            case .maxShare(let a): tr("At most {0} of the people placed are {1}", percent(a.doubleValue), who)
            case .minRate(let r): tr("At least {0} of {1} are placed", percent(r.doubleValue), who)
            case .minParity(let b):
                tr("{0} are placed at least {1} times as often as everyone", capitalised(who), number(b.doubleValue))
            }
        if !quota.within.isEmpty {
            out += tr(", within each {0}", quota.within.map { scopeName($0) }.joined(separator: tr(" and ")))
        }
        if let soft = quota.soft {
            let parity = isParity(bound)
            out +=
                " "
                + (soft == 1
                    ? tr(parity ? "(soft: 1 point per placement of theirs short)" : "(soft: 1 point per person short)")
                    : tr(
                        parity
                            ? "(soft: {0} points per placement of theirs short)"
                            : "(soft: {0} points per person short)",
                        number(soft)))
        }
        return out + "."
    }

    static func whoText(_ who: Selector) -> String {
        guard !who.isEmpty else { return tr("everyone") }
        return tr(
            "people with {0}",
            who.conditions.map { "\($0.key) = \($0.value.description)" }.joined(separator: tr(" and ")))
    }

    static func scopeName(_ key: ScopeKey) -> String {
        switch key {
        case .field(let f):
            switch f {
            case .country: tr("sending country")
            case .sendingOrg: tr("sending organisation")
            case .kind: tr("kind")
            case .sector: tr("sector")
            case .id: tr("participant")
            case .weeks: tr("length of stay")
            }
        case .attribute(let a): a
        case .host: tr("host")
        case .hostCountry: tr("host country")
        case .offer: tr("offer")
        }
    }

    static func isParity(_ b: QuotaBound) -> Bool { if case .minParity = b { true } else { false } }

    static func percent(_ x: Double) -> String { number(x * 100) + " %" }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : HTML.localised(NumberText.trimmed(x, digits: 3))
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
