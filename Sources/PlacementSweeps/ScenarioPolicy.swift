import Foundation
import PlacementModel

/// Applies a scenario's changes to the base policy's JSON and reads the
/// result with ``/PlacementModel/PolicyJSONReader``, so that every rule of a policy file
/// holds for every scenario.
///
/// Keys: the top-level fields `require_abroad`, `only_listed`, `objective`,
/// `quotas`, `limits`, `budget` (replaced whole); `limits.time_s`,
/// `limits.mip_gap`; `budget.max` (rounds.md, section 4);
/// `quotas.NAME.FIELD` (a field of the quota named NAME: a bound, `soft`,
/// `who` or `within`); `objective.GOAL.FIELD` (e.g. `objective.rank.cost`).
/// The value `null` removes the field. A key that names nothing (an unknown
/// quota or goal, an unknown field) is a ``ScenarioError``.
public enum ScenarioPolicy {
    static let quotaFields = [
        "who", "within", "min_count", "max_count", "min_share", "max_share", "min_rate", "min_parity", "soft",
    ]
    static let limitFields = ["time_s", "mip_gap"]

    /// The base policy's JSON: the file's, or an empty policy (all defaults).
    public static func baseJSON(path: String?) throws(InputError) -> JSONValue {
        guard let path else {
            return JSONValue(
                .object([JSONValue.Member(key: "format", value: JSONValue(.string(PolicyJSONReader.format)))]))
        }
        let bytes = try readInputBytes(path)
        do { return try JSONValue.parse(bytes).value } catch {
            throw InputError([
                Diagnostic(
                    .error, file: path, location: "line \(error.line), column \(error.column)", message: error.message)
            ])
        }
    }

    /// The policy JSON of `scenario`.
    public static func json(base: JSONValue, changes: [SweepSpec.Change]) throws(ScenarioError) -> JSONValue {
        var v = base
        for c in changes { try apply(c, to: &v) }
        return v
    }

    /// The policy of a scenario, checked against `instance`.
    public static func policy(base: JSONValue, changes: [SweepSpec.Change], instance: Instance, file: String)
        throws(ScenarioError) -> Policy
    {
        let v = try json(base: base, changes: changes)
        do {
            return try PolicyJSONReader.read(data: Array(v.prettyText.utf8), file: file, instance: instance).0
        } catch {
            throw ScenarioError(
                error.errors.map { d in
                    (d.location.isEmpty ? "" : d.location + ": ") + d.message
                }.joined(separator: "; "))
        }
    }

    static func apply(_ change: SweepSpec.Change, to root: inout JSONValue) throws(ScenarioError) {
        let key = change.key
        if SweepSpec.directKeys.contains(key) { set(&root, key, change.value); return }
        if key.hasPrefix("limits.") {
            let field = String(key.dropFirst("limits.".count))
            guard limitFields.contains(field) else {
                throw ScenarioError("\(key): unknown limit \"\(field)\"; expected limits.time_s or limits.mip_gap")
            }
            var limits = root["limits"] ?? JSONValue(.object([]))
            if case .null = limits.content { limits = JSONValue(.object([])) }
            set(&limits, field, change.value)
            set(&root, "limits", limits)
            return
        }
        if key == "budget.max" {
            // null removes the budget, as `budget: null` would.
            if case .null = change.value.content { set(&root, "budget", change.value); return }
            set(&root, "budget", JSONValue(.object([JSONValue.Member(key: "max", value: change.value)])))
            return
        }
        if key.hasPrefix("quotas.") {
            let rest = key.dropFirst("quotas.".count)
            guard let dot = rest.lastIndex(of: "."), dot != rest.startIndex else {
                throw ScenarioError("\(key): expected quotas.NAME.FIELD, e.g. quotas.fewer-opportunities.min_share")
            }
            let name = String(rest[..<dot]), field = String(rest[rest.index(after: dot)...])
            guard quotaFields.contains(field) else {
                throw ScenarioError(
                    "\(key): \"\(field)\" is not a quota field that a scenario can set; expected one of \(quotaFields.joined(separator: ", "))"
                )
            }
            try setInList(&root, list: "quotas", match: "name", name, field: field, value: change.value, key: key)
            return
        }
        if key.hasPrefix("objective.") {
            let rest = key.dropFirst("objective.".count)
            guard let dot = rest.firstIndex(of: "."), dot != rest.startIndex else {
                throw ScenarioError("\(key): expected objective.GOAL.FIELD, e.g. objective.rank.cost")
            }
            let goal = String(rest[..<dot]), field = String(rest[rest.index(after: dot)...])
            guard field != "goal" else {
                throw ScenarioError("\(key): a goal's name cannot be set; replace the whole objective instead")
            }
            try setInList(&root, list: "objective", match: "goal", goal, field: field, value: change.value, key: key)
            return
        }
        throw ScenarioError(
            "\(key): unknown policy key; expected one of \(SweepSpec.directKeys.joined(separator: ", ")), limits.time_s, limits.mip_gap, budget.max, quotas.NAME.FIELD, objective.GOAL.FIELD"
        )
    }

    /// Sets `field` of the item of array `list` whose `match` member is the string `name`.
    private static func setInList(
        _ root: inout JSONValue, list: String, match: String, _ name: String, field: String, value: JSONValue,
        key: String
    ) throws(ScenarioError) {
        guard let l = root[list], case .array(var items) = l.content else {
            throw ScenarioError("\(key): the policy has no \(list) list, so there is no \(match) \"\(name)\" to change")
        }
        guard
            let i = items.firstIndex(where: {
                $0[match].map { if case .string(name) = $0.content { true } else { false } } ?? false
            })
        else {
            let known = items.compactMap { item -> String? in
                if case .string(let s)? = item[match]?.content { s } else { nil }
            }
            throw ScenarioError(
                "\(key): the policy has no \(list == "quotas" ? "quota named" : "goal") \"\(name)\""
                    + (known.isEmpty ? "" : "; it has \(known.map { "\"\($0)\"" }.joined(separator: ", "))"))
        }
        set(&items[i], field, value)
        set(&root, list, JSONValue(.array(items)))
    }

    /// Sets (or, for null, removes) member `key` of an object, keeping its place.
    private static func set(_ object: inout JSONValue, _ key: String, _ value: JSONValue) {
        guard case .object(var members) = object.content else { return }
        let isNull = { if case .null = value.content { true } else { false } }()
        if let i = members.firstIndex(where: { $0.key == key }) {
            if isNull { members.remove(at: i) } else { members[i].value = value }
        } else if !isNull {
            members.append(JSONValue.Member(key: key, value: value))
        }
        object.content = .object(members)
    }
}

/// A whole input file; a missing or unreadable one is an ``InputError`` naming it.
func readInputBytes(_ path: String) throws(InputError) -> [UInt8] {
    guard FileManager.default.fileExists(atPath: path) else {
        throw InputError([Diagnostic(.error, file: path, location: "", message: "no such file")])
    }
    return try readFileBytes(path)
}
