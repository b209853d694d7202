import PlacementModel

/// The money of a results folder (rounds.md, section 4 and ruling 19):
/// the budget is a rule like the others; every cost column of
/// `assignments.csv` and every figure of `summary.json` `funding` is a
/// figure recomputed from the stays.
extension ResultsVerifier {
    /// The cost columns of one row against its stay's recomputed cost.
    func checkCostRow(
        _ written: [String], stay: StayRow, participant id: String, rules: Rules,
        figure: (String, String, String) -> Void
    ) {
        guard let c = rules.cost(stay.participant, stay.offer) else { return }
        let expected = c.csvCells
        for (k, name) in StayCost.csvColumns.enumerated() where written[k] != expected[k] {
            figure(
                "line \(stay.line) (\(id))", "cost",
                written[k].isEmpty
                    ? "\(name) is missing; recomputed: \(expected[k])"
                    : "\(name) is \(written[k]); recomputed: \(expected[k])")
        }
    }

    /// The budget (a rule) and `summary.json` `funding` (figures).
    func checkMoney(
        stays: [StayRow], rules: Rules, companions companionCosts: [CompanionCost]?, summary: JSONValue?, solved: Bool,
        rule: (String, String, String) -> Void, figure: (String, String, String) -> Void
    ) {
        guard let costs = rules.costs else { return }
        var total: Cents = 0, parts = [Cents](repeating: 0, count: 4)
        for s in stays {
            guard let c = rules.cost(s.participant, s.offer) else { continue }
            total += c.total
            for (k, v) in [c.travel, c.individual, c.organisational, c.inclusion].enumerated() { parts[k] += v }
        }
        var companions: Cents = 0
        for c in companionCosts ?? [] {
            companions += c.total
            parts[0] += Cents(c.count) * c.one.travel
            parts[1] += Cents(c.count) * c.one.individual
        }
        total += companions
        if let max = policy.budgetCents, total > max, solved {
            rule(
                "budget", "budget",
                "the stays\(companions > 0 ? " and companions" : "") cost \(costs.funding.currency) \(total.euroText); the budget is \(costs.funding.currency) "
                    + "\(max.euroText): over by \(costs.funding.currency) \((total - max).euroText)")
        }
        guard let summary, case .object? = summary["funding"]?.content else { return }
        let f = summary["funding"]!
        func expect(_ key: String, _ value: Cents) {
            let found: Cents? = {
                guard case .number(let n)? = f[key]?.content, let d = ExactDecimal(literal: n) else { return nil }
                return Int((Int128(d.numerator) * 100) / Int128(d.denominator))
            }()
            if found != value {
                figure(
                    "$.funding.\(key)", "funding",
                    "is \(found.map(\.euroLiteral) ?? "missing"); recomputed from the stays: \(value.euroLiteral)")
            }
        }
        expect("total", total)
        if companions > 0 || f["companions"] != nil { expect("companions", companions) }
        for (k, key) in ["travel", "individual", "organisational", "inclusion"].enumerated() { expect(key, parts[k]) }
        if let max = policy.budgetCents { expect("left", max - total) }
    }
}
