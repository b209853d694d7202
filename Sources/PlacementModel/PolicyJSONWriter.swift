/// Writes a policy in the canonical JSON form of formats.md, for hashing,
/// sweeps and reports.
///
/// Every field is written, defaults included (`require_abroad`,
/// `only_listed`, `objective`, `quotas`; `rank` with its `cost`, `placed`
/// with its `weights`), so that equal policies give equal text; `limits` is
/// written only with the limits that are set. Quota fields come in the
/// order `name, who, within`, the bounds as stored, then `soft`; exact
/// decimals keep their decimal form (`0.14`). Reading the text back with
/// ``PolicyJSONReader`` (against an instance that has the attributes used)
/// gives an equal ``Policy``.
public enum PolicyJSONWriter {
    /// The canonical JSON text, pretty with a 2-space indent, ending in a line break.
    public static func write(_ policy: Policy) -> String {
        typealias W = InstanceJSONWriter
        var top: [JSONValue.Member] = [
            W.member("format", .string(PolicyJSONReader.format)),
            W.member("require_abroad", .bool(policy.requireAbroad)),
            W.member("only_listed", .bool(policy.onlyListed)),
            W.member("objective", .array(policy.objective.map(goal))),
            W.member("quotas", .array(policy.quotas.map(quota))),
        ]
        var limits: [JSONValue.Member] = []
        if let t = policy.limits.timeSeconds { limits.append(W.member("time_s", .number(JSONWriting.number(t)))) }
        if let g = policy.limits.mipGap { limits.append(W.member("mip_gap", .number(JSONWriting.number(g)))) }
        if !limits.isEmpty { top.append(W.member("limits", .object(limits))) }
        if let b = policy.budget {
            top.append(W.member("budget", .object([W.member("max", .number(b.decimalLiteral ?? b.description))])))
        }
        return JSONValue(.object(top)).prettyText
    }

    static func selector(_ s: Selector) -> JSONValue.Content {
        .object(s.conditions.map { InstanceJSONWriter.member($0.key, InstanceJSONWriter.attribute($0.value)) })
    }

    static func goal(_ g: Goal) -> JSONValue {
        typealias W = InstanceJSONWriter
        var m: [JSONValue.Member] = [W.member("goal", .string(g.name))]
        switch g {
        case .placed(let weights):
            m.append(
                W.member(
                    "weights",
                    .array(
                        weights.map { w in
                            JSONValue(
                                .object([
                                    W.member("who", selector(w.who)),
                                    W.member("weight", .number(JSONWriting.number(w.weight))),
                                ]))
                        })))
        case .rank(let cost): m.append(W.member("cost", .string(cost.rawValue)))
        case .changes(let keep): if keep != .stay { m.append(W.member("keep", .string(keep.rawValue))) }
        case .worstRank, .early, .cost: break
        }
        return JSONValue(.object(m))
    }

    static func quota(_ q: Quota) -> JSONValue {
        typealias W = InstanceJSONWriter
        var m: [JSONValue.Member] = [W.member("name", .string(q.name))]
        if !q.who.isEmpty { m.append(W.member("who", selector(q.who))) }
        if !q.within.isEmpty { m.append(W.member("within", W.strings(q.within.map(\.description)))) }
        for b in q.bounds {
            let text: String
            switch b {
            case .minCount(let k), .maxCount(let k): text = String(k)
            case .minShare(let a), .maxShare(let a), .minRate(let a), .minParity(let a):
                text = a.decimalLiteral ?? JSONWriting.number(a.doubleValue)
            }
            m.append(W.member(b.name, .number(text)))
        }
        if let s = q.soft { m.append(W.member("soft", .number(JSONWriting.number(s)))) }
        return JSONValue(.object(m))
    }
}
