import PlacementFormulation
import PlacementModel

extension ConflictFinder {
    /// `summary` with a `conflicts` member after `status` when there is an
    /// explanation: `{"quotas": [...], "capacities": [...]}`, each entry
    /// `rule, name, bound, scope, limit, by, locks, text`.
    static func adding(_ explanation: Explanation?, to summary: JSONOutput) -> JSONOutput {
        guard let explanation, case .object(var fields) = summary else { return summary }
        func entry(_ c: RuleConflict) -> JSONOutput {
            .object([
                ("rule", .string(c.rule.rawValue)),
                ("name", .string(c.name)),
                ("bound", c.bound.map { .string($0) } ?? .null),
                ("scope", .object(c.scope.map { ($0.key, $0.value.map { .string($0) } ?? .null) })),
                // A budget's figures are money: euros with two decimals.
                ("limit", c.rule == .budget ? .cents(Cents(c.limit.rounded())) : .number(c.limit)),
                (
                    "by",
                    c.rule == .budget ? .cents(Cents(c.amount.rounded())) : .number((c.amount * 1e6).rounded() / 1e6)
                ),
                ("locks", .array(c.locks.map { .string($0) })),
                ("text", .string(c.text)),
            ])
        }
        let value: JSONOutput = .object([
            ("quotas", .array(explanation.quotas.map(entry))),
            ("capacities", .array(explanation.capacities.map(entry))),
        ])
        let at = (fields.firstIndex { $0.0 == "status" } ?? (fields.count - 1)) + 1
        fields.insert(("conflicts", value), at: at)
        return .object(fields)
    }
}
