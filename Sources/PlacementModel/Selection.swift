extension Participant {
    /// The value a `who` or `within` key names for this participant: a
    /// field (`id`, `kind`, `country`, `sending_org`, `sector`, `weeks`) or
    /// else an attribute; nil when the participant has no such value.
    public func value(of key: String) -> AttributeValue? {
        switch key {
        case "id": return .string(id)
        case "kind": return .string(kind.rawValue)
        case "country": return .string(country)
        case "sending_org": return sendingOrg.map { .string($0) }
        case "sector": return .string(sector)
        case "weeks": return .number(Double(weeks))
        default: return attribute(key)
        }
    }
}

extension Selector {
    /// Whether `p` has every value the selector asks for (model.md,
    /// ruling 10). A participant without the attribute never matches.
    public func matches(_ p: Participant) -> Bool {
        for c in conditions {
            guard let v = p.value(of: c.key), v == c.value else { return false }
        }
        return true
    }
}

extension Goal {
    /// `w[p]` of the `placed` goal: the largest weight whose `who` matches,
    /// 1 when none does (model.md, ruling 11). 1 for other goals.
    public func weight(of p: Participant) -> Double {
        guard case .placed(let weights) = self else { return 1 }
        var best: Double?
        for w in weights where w.who.matches(p) { best = max(best ?? w.weight, w.weight) }
        return best ?? 1
    }
}
