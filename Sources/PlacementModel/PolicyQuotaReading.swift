/// The quota half of ``PolicyDecoding``: `who` selectors and `within` keys
/// checked against the instance (model.md, ruling 10), quotas and their
/// bounds, and the warning for a `who` that selects nobody.
extension PolicyDecoding {
    /// The `quotas` list; quota names must be unique.
    mutating func quotas(_ v: JSONValue, _ path: String) -> [Quota] {
        guard let items = ctx.array(v, path) else { return [] }
        var quotas: [Quota] = []
        var names: [String: String] = [:]
        for (item, path) in items {
            guard let q = quota(item, path) else { continue }
            if let firstPath = names[q.name] {
                ctx.error(
                    path + ".name",
                    "duplicate quota name \"\(q.name)\"; quota names must be unique (first given at \(firstPath))")
            } else {
                names[q.name] = path
            }
            quotas.append(q)
        }
        return quotas
    }

    var knownKeysText: String {
        let fields = ParticipantField.allCases.map(\.rawValue).joined(separator: ", ")
        let attrs = attributeNames.isEmpty ? "none" : attributeNames.joined(separator: ", ")
        return "participant fields \(fields); attributes of this instance: \(attrs)"
    }

    /// A `who` selector; keys checked against the instance (ruling 10).
    mutating func selector(_ v: JSONValue, _ path: String) -> Selector? {
        guard case .object(let members) = v.content else {
            ctx.error(path, "expected an object of key → value, found \(v.kindDescription)")
            return nil
        }
        var conditions: [(key: String, value: AttributeValue)] = []
        var ok = true
        for m in members {
            let p = path + JSONPath.member(m.key)
            guard var value = ctx.attributeValue(m.value, p) else { ok = false; continue }
            if let field = ParticipantField(rawValue: m.key) {
                switch (field, value) {
                case (.weeks, .number): break
                case (.weeks, _):
                    ctx.error(p, "weeks is compared as a number; expected a number, found \(m.value.kindDescription)")
                    ok = false
                case (.kind, .string(let s)):
                    // As the instance readers read kinds and countries, so
                    // that a `who` matches what they read (TypedText.swift).
                    if let k = ctx.typed(ParticipantKind.read(s), p) {
                        value = .string(k.rawValue)
                    } else {
                        ctx.error(p, "unknown kind \"\(s)\"; expected apprentice or staff")
                        ok = false
                    }
                case (.country, .string(let s)):
                    switch CountryCode.read(s) {
                    case .refused(let message):
                        ctx.error(p, message)
                        ok = false
                    case let reading: value = .string(ctx.typed(reading, p) ?? s)
                    }
                case (_, .string): break
                default:
                    ctx.error(
                        p,
                        "\(field.rawValue) is compared as a string; expected a string, found \(m.value.kindDescription)"
                    )
                    ok = false
                }
            } else if Self.placementKeys.contains(m.key) {
                ctx.error(
                    p,
                    "\"\(m.key)\" is a placement-side key and can only be used in within; who selects participants by \(knownKeysText)"
                )
                ok = false
            } else if !attributeSet.contains(m.key) {
                ctx.error(p, unknownKeyMessage(m.key, placementSide: false))
                ok = false
            }
            conditions.append((m.key, value))
        }
        return ok ? Selector(conditions) : nil
    }

    func unknownKeyMessage(_ key: String, placementSide: Bool) -> String {
        var candidates = ParticipantField.allCases.map(\.rawValue) + attributeNames
        if placementSide { candidates += Self.placementKeys }
        var msg =
            "unknown key \"\(key)\": no participant field and no attribute of any participant has this name; known: \(knownKeysText)"
        if placementSide { msg += "; placement side: host, host_country, offer" }
        if let n = nearest(key, among: candidates) { msg += " (did you mean \"\(n)\"?)" }
        return msg
    }

    mutating func within(_ v: JSONValue, _ path: String) -> [ScopeKey]? {
        guard let items = ctx.array(v, path) else { return nil }
        var keys: [ScopeKey] = []
        var ok = true
        for (item, p) in items {
            guard let s = ctx.string(item, p) else { ok = false; continue }
            let key: ScopeKey
            if let f = ParticipantField(rawValue: s) {
                key = .field(f)
            } else if s == "host" {
                key = .host
            } else if s == "host_country" {
                key = .hostCountry
            } else if s == "offer" {
                key = .offer
            } else if attributeSet.contains(s) {
                key = .attribute(s)
            } else {
                ctx.error(p, unknownKeyMessage(s, placementSide: true))
                ok = false
                continue
            }
            if keys.contains(key) {
                ctx.error(p, "the key \"\(s)\" is listed twice in within")
                ok = false
            }
            keys.append(key)
        }
        return ok ? keys : nil
    }

    mutating func quota(_ v: JSONValue, _ path: String) -> Quota? {
        guard let o = ctx.object(v, path, allowed: Self.quotaFields) else { return nil }
        var name: String? = nil
        if let nv = ctx.required(o, "name") { name = ctx.nonEmptyString(nv, o.path("name")) }
        var who: Selector? = Selector()
        if let wv = o["who"] { who = selector(wv, o.path("who")) }
        var scope: [ScopeKey]? = []
        if let wv = o["within"] { scope = within(wv, o.path("within")) }
        var bounds: [QuotaBound] = []
        var ok = true
        for m in o.members where Self.boundFields.contains(m.key) {
            if case .null = m.value.content { continue }
            if let b = bound(m.key, m.value, o.path(m.key)) { bounds.append(b) } else { ok = false }
        }
        if bounds.isEmpty && ok {
            ctx.error(o.path, "a quota needs at least one bound: \(Self.boundFields.joined(separator: ", "))")
            ok = false
        }
        checkBoundPairs(bounds, o)
        if let scope, scope.contains(where: \.isPlacementSide) {
            for b in bounds where b.name == "min_rate" || b.name == "min_parity" {
                let keys = scope.filter(\.isPlacementSide).map(\.description).joined(separator: ", ")
                ctx.error(
                    o.path(b.name),
                    "\(b.name) counts participants and takes participant-side scopes only, but within has the placement-side key \(keys) (model.md, ruling 4)"
                )
                ok = false
            }
        }
        var soft: Double?? = .some(nil)
        if let sv = o["soft"] {
            if let s = ctx.double(sv, o.path("soft")) {
                if let problem = PenaltyRange.softProblem(s) {
                    ctx.error(o.path("soft"), problem)
                    soft = nil
                } else {
                    soft = .some(s)
                }
            } else {
                soft = nil
            }
        }
        guard ok, let name, let who, let scope, let soft else { return nil }
        return Quota(name: name, who: who, within: scope, bounds: bounds, soft: soft)
    }

    mutating func bound(_ key: String, _ v: JSONValue, _ path: String) -> QuotaBound? {
        switch key {
        case "min_count", "max_count":
            guard let k = ctx.wholeNumber(v, path) else { return nil }
            guard k >= 0 else {
                ctx.error(path, "\(key) must be a whole number 0 or more, found \(k)")
                return nil
            }
            return key == "min_count" ? .minCount(k) : .maxCount(k)
        case "min_parity":
            guard let d = ctx.exactDecimal(v, path) else { return nil }
            guard d.numerator >= 0 else {
                ctx.error(path, "min_parity must be 0 or more, found \(literal(v))")
                return nil
            }
            return .minParity(d)
        default:
            guard let d = ctx.exactDecimal(v, path) else { return nil }
            guard d.numerator >= 0, d.numerator <= d.denominator else {
                ctx.error(path, "\(key) is a share and must lie between 0 and 1, found \(literal(v))")
                return nil
            }
            switch key {
            case "min_share": return .minShare(d)
            case "max_share": return .maxShare(d)
            default: return .minRate(d)
            }
        }
    }

    mutating func checkBoundPairs(_ bounds: [QuotaBound], _ o: JSONObject) {
        var minCount: Int?, maxCount: Int?, minShare: ExactDecimal?, maxShare: ExactDecimal?
        for b in bounds {
            switch b {
            case .minCount(let k): minCount = k
            case .maxCount(let k): maxCount = k
            case .minShare(let a): minShare = a
            case .maxShare(let a): maxShare = a
            default: break
            }
        }
        if let a = minCount, let b = maxCount, a > b {
            ctx.error(o.path("min_count"), "min_count \(a) is more than max_count \(b); no count meets both")
        }
        if let a = minShare, let b = maxShare, Self.greater(a, b) {
            ctx.error(
                o.path("min_share"),
                "min_share \(a.decimalLiteral ?? a.description) is more than max_share \(b.decimalLiteral ?? b.description); no share meets both"
            )
        }
    }

    /// The weights' spread and each soft penalty against the smallest
    /// weight (``PenaltyRange``), once every value has read.
    mutating func checkPenaltySpread(_ policy: Policy, _ o: JSONObject) {
        let (smallest, largest) = PenaltyRange.weightSpan(policy)
        if largest / smallest > PenaltyRange.maxWeightSpread {
            ctx.error(
                o.path("objective"),
                "the weights of the goal placed span \(NumberText.shortest(smallest)) to "
                    + "\(NumberText.shortest(largest)) (1 counts for a participant no entry matches); the largest may "
                    + "be at most 1000 times the smallest, or the solver's tolerances make an optimum unreliable "
                    + "(docs/model.md)")
        }
        for (k, q) in policy.quotas.enumerated() {
            guard let soft = q.soft, soft / smallest > PenaltyRange.maxSoftOverWeight else { continue }
            ctx.error(
                o.path("quotas") + "[\(k)].soft",
                "soft \(NumberText.shortest(soft)) is more than 1000000 times the smallest weight "
                    + "\(NumberText.shortest(smallest)); the solver's tolerances would make an optimum unreliable "
                    + "(docs/model.md)")
        }
    }

    /// Warns about each `who` that selects no participant of the instance.
    mutating func warnEmptySelections(_ policy: Policy, _ o: JSONObject) {
        guard !instance.participants.isEmpty else { return }
        func selectsNobody(_ s: Selector) -> Bool {
            !s.isEmpty && !instance.participants.contains { s.matches($0) }
        }
        for (k, q) in policy.quotas.enumerated() where selectsNobody(q.who) {
            let bound = q.bounds.first { $0.name.hasPrefix("min_") }
            if q.soft == nil, let bound {
                // A hard lower bound on nobody can only force placements to zero (or, for
                // min_rate, never bind): a typed value that matches no one (VERDADERO for true).
                ctx.error(
                    o.path("quotas") + "[\(k)].who",
                    "quota \"\(q.name)\": who selects no participant of the instance, so \(bound.name) can only "
                        + "keep others out; check its values against the participants' (true, not \"true\" or "
                        + "VERDADERO; case counts)")
            } else {
                ctx.warning(o.path("quotas"), "quota \"\(q.name)\": who selects no participant of the instance")
            }
        }
        warnNeverBinding(policy, o)
        for g in policy.objective {
            guard case .placed(let weights) = g else { continue }
            for (k, w) in weights.enumerated() where selectsNobody(w.who) {
                ctx.warning(
                    o.path("objective"),
                    "weight \(k + 1) of the goal placed: who selects no participant of the instance")
            }
        }
    }

    /// A bound that no solution can break says nothing: a typo or a
    /// misunderstanding, worth a word (issue 13).
    mutating func warnNeverBinding(_ policy: Policy, _ o: JSONObject) {
        for (k, q) in policy.quotas.enumerated() {
            for bound in q.bounds {
                var why: String? = nil
                switch bound {
                case .minParity(let b) where q.who.isEmpty && b.doubleValue <= 1:
                    why = "without who it compares everyone with everyone, which always meets a parity up to 1"
                case .minCount(0): why = "a lower bound of 0"
                case .minShare(let a) where a.numerator == 0: why = "a lower bound of 0"
                case .minRate(let a) where a.numerator == 0: why = "a lower bound of 0"
                case .minParity(let a) where a.numerator == 0: why = "a lower bound of 0"
                case .maxShare(let a) where a.doubleValue >= 1: why = "a share can never exceed 1"
                case .minShare where q.who.isEmpty: why = "without who, every placement counts as one of who"
                default: break
                }
                guard let why else { continue }
                ctx.warning(
                    o.path("quotas") + "[\(k)].\(bound.name)",
                    "quota \"\(q.name)\": \(bound.name) can never bind (\(why)); did you mean another bound or a who?")
            }
        }
    }

    /// `a > b`, exactly unless the cross products overflow.
    static func greater(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        return o1 || o2 ? a.doubleValue > b.doubleValue : l > r
    }
}
