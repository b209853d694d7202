extension Participant {
    /// The value a `who` or `within` key names for this participant: a
    /// field (`id`, `kind`, `country`, `sending_org`, `sector`, `weeks`) or
    /// else an attribute; nil when the participant has no such value.
    public func value(of key: String) -> AttributeValue? {
        guard let field = ParticipantField(rawValue: key) else { return attribute(key) }
        return value(of: field)
    }

    /// The value of a participant field: strings, and `weeks` as a number;
    /// nil for a missing `sending_org`.
    public func value(of field: ParticipantField) -> AttributeValue? {
        switch field {
        case .id: .string(id)
        case .kind: .string(kind.rawValue)
        case .country: .string(country)
        case .sendingOrg: sendingOrg.map { .string($0) }
        case .sector: .string(sector)
        case .weeks: .number(Double(weeks))
        }
    }
}

extension Selector {
    /// Whether `p` has every value the selector asks for (model.md,
    /// ruling 10): fields and attributes compared with typed equality
    /// (`true` only matches `true`, numbers by value, strings
    /// case-sensitively); a participant without the attribute never
    /// matches. The one place this rule lives: the policy reader's
    /// "selects nobody" warning, the formulation and the verifier all ask here.
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

extension Instance {
    /// The keys by which results are broken down (`summary.json` `groups`,
    /// the report's charts, `comparison.csv`'s rates): `country`, `kind`,
    /// `sector`, and each attribute that sorts participants into groups, in
    /// first-seen order. Left out: an attribute whose values are mostly one
    /// person's own (a name, a note): more than ``maxDistinctForPersonal``
    /// distinct values, and more than half of the participants who have it
    /// alone with theirs. Such a column made one group a person, and put
    /// names into a pseudonymised report and a column a name into
    /// `comparison.csv` (issue 16). A policy may still select by it.
    public var groupKeys: [String] {
        var names: [String] = []
        var seen = Set<String>()
        for p in participants { for a in p.attributes where seen.insert(a.name).inserted { names.append(a.name) } }
        return ["country", "kind", "sector"] + names.filter { !isPersonal($0) }
    }

    /// Attributes with at most this many distinct values always group.
    public static let maxDistinctForPersonal = 5

    private func isPersonal(_ name: String) -> Bool {
        var count: [String: Int] = [:]
        var holders = 0
        for p in participants {
            guard let v = p.attribute(name) else { continue }
            holders += 1
            count[v.description, default: 0] += 1
        }
        guard count.count > Self.maxDistinctForPersonal else { return false }
        let alone = count.values.filter { $0 == 1 }.count
        return 2 * alone > holders
    }
}

extension Policy {
    /// Every key the policy selects or groups participants by: the keys of
    /// each quota's `who` and `within` and of each `placed` weight's `who`.
    /// A pseudonymised report breaks results down by these attributes only
    /// (issue 16): the rest of a coordinator's columns may be personal.
    public var keysUsed: Set<String> {
        var keys = Set<String>()
        for q in quotas {
            for c in q.who.conditions { keys.insert(c.key) }
            for w in q.within { keys.insert(w.description) }
        }
        for goal in objective {
            guard case .placed(let weights) = goal else { continue }
            for w in weights { for c in w.who.conditions { keys.insert(c.key) } }
        }
        return keys
    }
}

extension Instance {
    /// The group keys a pseudonymised report may show (``groupKeys``
    /// limited to `country`, `kind`, `sector` and the attributes in
    /// `keysUsed`): a name, a note or a health remark in a column of its
    /// own is never charted, listed or compared.
    public func pseudonymisedGroupKeys(using keysUsed: Set<String>) -> [String] {
        groupKeys.filter { ["country", "kind", "sector"].contains($0) || keysUsed.contains($0) }
    }
}
