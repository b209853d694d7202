/// Reads a policy in the JSON form of formats.md (`allvet-policy/1`),
/// checking its quota keys against the instance it will be used with.
///
/// Every field is optional, with the defaults of model.md:
/// `require_abroad: true`, `only_listed: false`, `objective: [placed,
/// rank linear]`, `quotas: []`, no limits. `null` means "not given".
///
/// Errors (all reported in one run, with JSON paths): a missing or wrong
/// `format`; unknown fields; wrong types; an empty `objective`, an unknown
/// or repeated goal; a `weight` or `soft` outside ``PenaltyRange``; a quota
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
    public static func read(data: [UInt8], file: String, instance: Instance) throws(InputError) -> (
        Policy, warnings: [Diagnostic]
    ) {
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

/// The decoding of one policy file: the top level, the objective and the
/// limits here; `who`/`within` keys and quotas in PolicyQuotaReading.swift.
struct PolicyDecoding {
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

    static let topFields = ["format", "require_abroad", "only_listed", "objective", "quotas", "limits", "budget"]
    static let goalFields: [String: [String]] = [
        "placed": ["goal", "weights"], "rank": ["goal", "cost"], "worst_rank": ["goal"], "early": ["goal"],
        "changes": ["goal", "keep"], "cost": ["goal"],
    ]
    static let goalNames = ["placed", "rank", "worst_rank", "early", "changes", "cost"]
    static let boundFields = ["min_count", "max_count", "min_share", "max_share", "min_rate", "min_parity"]
    static let quotaFields = ["name", "who", "within"] + boundFields + ["soft"]
    static let placementKeys = ["host", "host_country", "offer"]

    mutating func policy(_ root: JSONValue) -> Policy {
        var policy = Policy()
        guard let o = ctx.object(root, "$", allowed: Self.topFields) else { return policy }
        ctx.checkFormat(
            o, expected: PolicyJSONReader.format, otherPrefix: "allvet-instance",
            otherHint: "this looks like an instance file, not a policy")
        if let v = o["require_abroad"], let b = ctx.bool(v, o.path("require_abroad")) { policy.requireAbroad = b }
        if let v = o["only_listed"], let b = ctx.bool(v, o.path("only_listed")) { policy.onlyListed = b }
        if let v = o["objective"], let goals = objective(v, o.path("objective")) { policy.objective = goals }
        if let v = o["quotas"] { policy.quotas = quotas(v, o.path("quotas")) }
        if let v = o["limits"] { policy.limits = limits(v, o.path("limits")) }
        if let v = o["budget"] { policy.budget = budget(v, o.path("budget")) }
        if !ctx.hasErrors { checkPenaltySpread(policy, o) }
        warnEmptySelections(policy, o)
        return policy
    }

    // MARK: Objective

    private mutating func objective(_ v: JSONValue, _ path: String) -> [Goal]? {
        guard let items = ctx.array(v, path) else { return nil }
        if items.isEmpty {
            ctx.error(
                path,
                "the objective must list at least one goal (\(Self.goalNames.joined(separator: ", "))); leave it out for the default [placed, rank]"
            )
            return nil
        }
        var goals: [Goal] = []
        var seen: [String: String] = [:]
        var ok = true
        for (item, p) in items {
            guard let g = goal(item, p) else { ok = false; continue }
            if let firstPath = seen[g.name] {
                ctx.error(
                    p + ".goal",
                    "the goal \"\(g.name)\" is listed twice (first at \(firstPath)); each goal may appear once")
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
        guard let gv = ctx.required(members, "goal"), let name = ctx.string(gv, members.path("goal")) else {
            return nil
        }
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
            return option(o, "cost", default: RankCost.linear, what: "rank cost", expected: "linear or squared").map {
                .rank(cost: $0)
            }
        case "worst_rank": return .worstRank
        case "cost": return .cost
        case "changes":
            return option(o, "keep", default: KeepMode.stay, what: "keep", expected: "stay, offer or host").map {
                .changes(keep: $0)
            }
        default: return .early
        }
    }

    /// `{"max": amount}`: the budget in the funding file's currency, ≥ 0.
    private mutating func budget(_ v: JSONValue, _ path: String) -> ExactDecimal? {
        guard let o = ctx.object(v, path, allowed: ["max"]),
            let m = ctx.required(o, "max").flatMap({ ctx.exactDecimal($0, o.path("max")) })
        else { return nil }
        guard m.numerator >= 0 else {
            ctx.error(o.path("max"), "a budget must not be negative, found \(m)")
            return nil
        }
        return m
    }

    /// A goal's option named `key` (`cost`, `keep`): one of the values of
    /// `T`, `fallback` when absent; nil (with an error) for anything else.
    private mutating func option<T: RawRepresentable<String>>(
        _ o: JSONObject, _ key: String, default fallback: T, what: String, expected: String
    ) -> T? {
        guard let v = o[key] else { return fallback }
        guard let text = ctx.string(v, o.path(key)) else { return nil }
        guard let value = T(rawValue: text) else {
            ctx.error(o.path(key), "unknown \(what) \"\(text)\"; expected \(expected)")
            return nil
        }
        return value
    }

    private mutating func weight(_ v: JSONValue, _ path: String) -> PlacedWeight? {
        guard let o = ctx.object(v, path, allowed: ["who", "weight"]) else { return nil }
        var who: Selector? = Selector()
        if let wv = o["who"] { who = selector(wv, o.path("who")) }
        var weight: Double? = nil
        if let wv = ctx.required(o, "weight"), let w = ctx.double(wv, o.path("weight")) {
            if let problem = PenaltyRange.weightProblem(w) {
                ctx.error(o.path("weight"), problem)
            } else {
                weight = w
            }
        }
        guard let who, let weight else { return nil }
        return PlacedWeight(who: who, weight: weight)
    }

    /// The literal text of a number (else the value's kind), for messages.
    func literal(_ v: JSONValue) -> String {
        if case .number(let n) = v.content { return n }
        return v.kindDescription
    }

    // MARK: Limits

    private mutating func limits(_ v: JSONValue, _ path: String) -> Limits {
        var limits = Limits()
        guard let o = ctx.object(v, path, allowed: ["time_s", "mip_gap"]) else { return limits }
        if let tv = o["time_s"], let t = ctx.double(tv, o.path("time_s")) {
            if t > 0 {
                limits.timeSeconds = t
            } else {
                ctx.error(o.path("time_s"), "time_s must be a positive number of seconds, found \(literal(tv))")
            }
        }
        if let gv = o["mip_gap"], let g = ctx.double(gv, o.path("mip_gap")) {
            if g >= 0 && g <= 1 {
                limits.mipGap = g
            } else {
                ctx.error(
                    o.path("mip_gap"), "mip_gap is a relative gap and must lie between 0 and 1, found \(literal(gv))")
            }
        }
        return limits
    }
}
