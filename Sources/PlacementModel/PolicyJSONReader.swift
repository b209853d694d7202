/// Reads a policy in the JSON form of formats.md (`allvet-policy/1`),
/// checking its quota keys against the instance it will be used with.
///
/// Every field is optional, with the defaults of model.md:
/// `require_abroad: true`, `only_listed: false`, `objective: [placed,
/// rank linear]`, `quotas: []`, no limits. `null` means "not given".
///
/// Errors (all reported in one run, with JSON paths): a missing or wrong
/// `format`; unknown fields; wrong types; an empty `objective`, an unknown
/// or repeated goal; a `weight` or `soft` that is not positive; a quota
/// without a (unique, non-empty) `name` or without any bound; `min_count`
/// or `max_count` not a whole number ≥ 0, or `min_count` > `max_count`;
/// shares and rates outside [0, 1]; a negative `min_parity`; `min_share` >
/// `max_share`; a `who` or `within` key that names no participant field and
/// no attribute any participant has (model.md, ruling 10), a placement-side
/// key (`host`, `host_country`, `offer`) in `who`, a repeated `within` key,
/// `min_rate` or `min_parity` with a placement-side `within` key (ruling 4);
/// a `kind` value in `who` other than `apprentice` or `staff`; `time_s` not
/// positive, `mip_gap` outside [0, 1].
///
/// Warning: a `who` that selects no participant of the instance.
public enum PolicyJSONReader {
    /// The value `format` must have.
    public static let format = "allvet-policy/1"

    /// Reads a policy from UTF-8 JSON bytes; `file` names the source in
    /// diagnostics. Returns the policy and its warnings; throws every error.
    public static func read(data: [UInt8], file: String, instance: Instance) throws(InputError) -> (Policy, warnings: [Diagnostic]) {
        var ctx = JSONReadContext(file: file)
        guard let root = ctx.parse(data) else { throw InputError(ctx.diagnostics) }
        var decoding = PolicyDecoding(ctx: ctx, instance: instance)
        let policy = decoding.policy(root)
        ctx = decoding.ctx
        if ctx.hasErrors { throw InputError(ctx.diagnostics) }
        return (policy, ctx.diagnostics)
    }

    /// Reads a policy from a JSON file; a missing or unreadable file is an
    /// ``InputError`` naming it.
    public static func read(path: String, instance: Instance) throws(InputError) -> (Policy, warnings: [Diagnostic]) {
        let bytes = try readFileBytes(path)
        return try read(data: bytes, file: path, instance: instance)
    }
}

private struct PolicyDecoding {
    var ctx: JSONReadContext
    let instance: Instance
    /// Attribute names that at least one participant has, in first-seen order.
    let attributeNames: [String]
    let attributeSet: Set<String>

    init(ctx: JSONReadContext, instance: Instance) {
        self.ctx = ctx
        self.instance = instance
        var names: [String] = []
        var set = Set<String>()
        for p in instance.participants {
            for a in p.attributes where set.insert(a.name).inserted { names.append(a.name) }
        }
        attributeNames = names
        attributeSet = set
    }

    static let topFields = ["format", "require_abroad", "only_listed", "objective", "quotas", "limits"]
    static let goalFields: [String: [String]] = [
        "placed": ["goal", "weights"], "rank": ["goal", "cost"], "worst_rank": ["goal"], "early": ["goal"],
    ]
    static let goalNames = ["placed", "rank", "worst_rank", "early"]
    static let boundFields = ["min_count", "max_count", "min_share", "max_share", "min_rate", "min_parity"]
    static let quotaFields = ["name", "who", "within"] + boundFields + ["soft"]
    static let placementKeys = ["host", "host_country", "offer"]

    mutating func policy(_ root: JSONValue) -> Policy {
        var policy = Policy()
        guard let o = ctx.object(root, "$", allowed: Self.topFields) else { return policy }
        ctx.checkFormat(o, expected: PolicyJSONReader.format, otherPrefix: "allvet-instance", otherHint: "this looks like an instance file, not a policy")
        if let v = o["require_abroad"], let b = ctx.bool(v, o.path("require_abroad")) { policy.requireAbroad = b }
        if let v = o["only_listed"], let b = ctx.bool(v, o.path("only_listed")) { policy.onlyListed = b }
        if let v = o["objective"], let goals = objective(v, o.path("objective")) { policy.objective = goals }
        if let v = o["quotas"], let items = ctx.array(v, o.path("quotas")) {
            var names: [String: String] = [:]
            for (item, path) in items {
                guard let q = quota(item, path) else { continue }
                if let firstPath = names[q.name] {
                    ctx.error(path + ".name", "duplicate quota name \"\(q.name)\"; quota names must be unique (first given at \(firstPath))")
                } else {
                    names[q.name] = path
                }
                policy.quotas.append(q)
            }
        }
        if let v = o["limits"] { policy.limits = limits(v, o.path("limits")) }
        warnEmptySelections(policy, o)
        return policy
    }


    // MARK: Objective

    private mutating func objective(_ v: JSONValue, _ path: String) -> [Goal]? {
        guard let items = ctx.array(v, path) else { return nil }
        if items.isEmpty {
            ctx.error(path, "the objective must list at least one goal (\(Self.goalNames.joined(separator: ", "))); leave it out for the default [placed, rank]")
            return nil
        }
        var goals: [Goal] = []
        var seen: [String: String] = [:]
        var ok = true
        for (item, p) in items {
            guard let g = goal(item, p) else { ok = false; continue }
            if let firstPath = seen[g.name] {
                ctx.error(p + ".goal", "the goal \"\(g.name)\" is listed twice (first at \(firstPath)); each goal may appear once")
                ok = false
            } else {
                seen[g.name] = p
            }
            goals.append(g)
        }
        return ok ? goals : nil
    }

    private mutating func goal(_ v: JSONValue, _ path: String) -> Goal? {
        guard case .object = v.content else {
            ctx.error(path, "expected an object such as { \"goal\": \"placed\" }, found \(v.kindDescription)")
            return nil
        }
        let members = JSONObject(members: { if case .object(let m) = v.content { m } else { [] } }(), path: path)
        guard let gv = ctx.required(members, "goal"), let name = ctx.string(gv, members.path("goal")) else { return nil }
        guard let allowed = Self.goalFields[name] else {
            var msg = "unknown goal \"\(name)\"; expected one of \(Self.goalNames.joined(separator: ", "))"
            if let n = nearest(name, among: Self.goalNames) { msg += " (did you mean \"\(n)\"?)" }
            ctx.error(members.path("goal"), msg)
            return nil
        }
        guard let o = ctx.object(v, path, allowed: allowed) else { return nil }
        switch name {
        case "placed":
            var weights: [PlacedWeight] = []
            var ok = true
            if let wv = o["weights"], let items = ctx.array(wv, o.path("weights")) {
                for (item, p) in items {
                    if let w = weight(item, p) { weights.append(w) } else { ok = false }
                }
            }
            return ok ? .placed(weights: weights) : nil
        case "rank":
            guard let cv = o["cost"] else { return .rank(cost: .linear) }
            guard let c = ctx.string(cv, o.path("cost")) else { return nil }
            guard let cost = RankCost(rawValue: c) else {
                ctx.error(o.path("cost"), "unknown rank cost \"\(c)\"; expected linear or squared")
                return nil
            }
            return .rank(cost: cost)
        case "worst_rank": return .worstRank
        default: return .early
        }
    }

    private mutating func weight(_ v: JSONValue, _ path: String) -> PlacedWeight? {
        guard let o = ctx.object(v, path, allowed: ["who", "weight"]) else { return nil }
        var who: Selector? = Selector()
        if let wv = o["who"] { who = selector(wv, o.path("who")) }
        var weight: Double? = nil
        if let wv = ctx.required(o, "weight"), let w = ctx.double(wv, o.path("weight")) {
            if w > 0 { weight = w } else { ctx.error(o.path("weight"), "a weight must be a positive number, found \(NumberText.shortest(w))") }
        }
        guard let who, let weight else { return nil }
        return PlacedWeight(who: who, weight: weight)
    }

    // MARK: Quotas

    private var knownKeysText: String {
        let fields = ParticipantField.allCases.map(\.rawValue).joined(separator: ", ")
        let attrs = attributeNames.isEmpty ? "none" : attributeNames.joined(separator: ", ")
        return "participant fields \(fields); attributes of this instance: \(attrs)"
    }

    /// A `who` selector; keys checked against the instance (ruling 10).
    private mutating func selector(_ v: JSONValue, _ path: String) -> Selector? {
        guard case .object(let members) = v.content else {
            ctx.error(path, "expected an object of key → value, found \(v.kindDescription)")
            return nil
        }
        var conditions: [(key: String, value: AttributeValue)] = []
        var ok = true
        for m in members {
            let p = path + JSONPath.member(m.key)
            guard let value = ctx.attributeValue(m.value, p) else { ok = false; continue }
            if let field = ParticipantField(rawValue: m.key) {
                switch (field, value) {
                case (.weeks, .number): break
                case (.weeks, _):
                    ctx.error(p, "weeks is compared as a number; expected a number, found \(m.value.kindDescription)")
                    ok = false
                case (.kind, .string(let s)) where ParticipantKind(rawValue: s) == nil:
                    ctx.error(p, "unknown kind \"\(s)\"; expected apprentice or staff")
                    ok = false
                case (_, .string): break
                default:
                    ctx.error(p, "\(field.rawValue) is compared as a string; expected a string, found \(m.value.kindDescription)")
                    ok = false
                }
            } else if Self.placementKeys.contains(m.key) {
                ctx.error(p, "\"\(m.key)\" is a placement-side key and can only be used in within; who selects participants by \(knownKeysText)")
                ok = false
            } else if !attributeSet.contains(m.key) {
                ctx.error(p, unknownKeyMessage(m.key, placementSide: false))
                ok = false
            }
            conditions.append((m.key, value))
        }
        return ok ? Selector(conditions) : nil
    }

    private func unknownKeyMessage(_ key: String, placementSide: Bool) -> String {
        var candidates = ParticipantField.allCases.map(\.rawValue) + attributeNames
        if placementSide { candidates += Self.placementKeys }
        var msg = "unknown key \"\(key)\": no participant field and no attribute of any participant has this name; known: \(knownKeysText)"
        if placementSide { msg += "; placement side: host, host_country, offer" }
        if let n = nearest(key, among: candidates) { msg += " (did you mean \"\(n)\"?)" }
        return msg
    }

    private mutating func within(_ v: JSONValue, _ path: String) -> [ScopeKey]? {
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

    private mutating func quota(_ v: JSONValue, _ path: String) -> Quota? {
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
                ctx.error(o.path(b.name), "\(b.name) counts participants and takes participant-side scopes only, but within has the placement-side key \(keys) (model.md, ruling 4)")
                ok = false
            }
        }
        var soft: Double?? = .some(nil)
        if let sv = o["soft"] {
            if let s = ctx.double(sv, o.path("soft")) {
                if s > 0 { soft = .some(s) } else {
                    ctx.error(o.path("soft"), "soft must be a positive number (the penalty per unit of shortfall), found \(NumberText.shortest(s))")
                    soft = nil
                }
            } else {
                soft = nil
            }
        }
        guard ok, let name, let who, let scope, let soft else { return nil }
        return Quota(name: name, who: who, within: scope, bounds: bounds, soft: soft)
    }

    private mutating func bound(_ key: String, _ v: JSONValue, _ path: String) -> QuotaBound? {
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

    private func literal(_ v: JSONValue) -> String {
        if case .number(let n) = v.content { return n }
        return v.kindDescription
    }

    private mutating func checkBoundPairs(_ bounds: [QuotaBound], _ o: JSONObject) {
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
            ctx.error(o.path("min_share"), "min_share \(a.decimalLiteral ?? a.description) is more than max_share \(b.decimalLiteral ?? b.description); no share meets both")
        }
    }

    /// Warns about each `who` that selects no participant of the instance.
    private mutating func warnEmptySelections(_ policy: Policy, _ o: JSONObject) {
        guard !instance.participants.isEmpty else { return }
        func selectsNobody(_ s: Selector) -> Bool {
            !s.isEmpty && !instance.participants.contains { s.matches($0) }
        }
        for q in policy.quotas where selectsNobody(q.who) {
            ctx.warning(o.path("quotas"), "quota \"\(q.name)\": who selects no participant of the instance")
        }
        for g in policy.objective {
            guard case .placed(let weights) = g else { continue }
            for (k, w) in weights.enumerated() where selectsNobody(w.who) {
                ctx.warning(o.path("objective"), "weight \(k + 1) of the goal placed: who selects no participant of the instance")
            }
        }
    }

    /// `a > b`, exactly unless the cross products overflow.
    private static func greater(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        return o1 || o2 ? a.doubleValue > b.doubleValue : l > r
    }

    // MARK: Limits

    private mutating func limits(_ v: JSONValue, _ path: String) -> Limits {
        var limits = Limits()
        guard let o = ctx.object(v, path, allowed: ["time_s", "mip_gap"]) else { return limits }
        if let tv = o["time_s"], let t = ctx.double(tv, o.path("time_s")) {
            if t > 0 { limits.timeSeconds = t } else { ctx.error(o.path("time_s"), "time_s must be a positive number of seconds, found \(literal(tv))") }
        }
        if let gv = o["mip_gap"], let g = ctx.double(gv, o.path("mip_gap")) {
            if g >= 0 && g <= 1 { limits.mipGap = g } else { ctx.error(o.path("mip_gap"), "mip_gap is a relative gap and must lie between 0 and 1, found \(literal(gv))") }
        }
        return limits
    }
}
