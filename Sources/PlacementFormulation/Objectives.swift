import LinearModel
import PlacementModel

/// The linear objective of one lexicographic level (model.md, Objective).
public struct LevelObjective: Sendable {
    public var goal: Goal
    public var sense: ObjectiveSense
    public var terms: [(ColumnIndex, Double)]
    /// Whether every feasible value is an integer, so the level can be held
    /// exactly (model.md, ruling 6).
    public var isIntegral: Bool
}

extension LevelObjective {
    /// The row that holds this level at `value` for the levels after it:
    /// exactly for integral levels, else within `1e-6·max(1, |value|)`
    /// (model.md, ruling 6).
    public func holdRow(_ value: Double, name: String) -> Row {
        let held = isIntegral ? value.rounded() : value
        let tol = isIntegral ? 0 : 1e-6 * max(1, abs(value))
        let cols = terms.map(\.0), coefs = terms.map(\.1)
        return sense == .maximize
            ? Row(name: name, lower: held - tol, columns: cols, coefficients: coefs)
            : Row(name: name, upper: held + tol, columns: cols, coefficients: coefs)
    }
}

extension DirectFormulation {
    /// The objective of `goal` at position `level` of the policy's list; the
    /// soft-quota penalties go into level 0 (ruling 5).
    public func objective(for goal: Goal, level: Int, instance: Instance, candidates: CandidateSet) -> LevelObjective {
        var terms: [(ColumnIndex, Double)] = []
        let stays = candidates.stays
        var integral = true
        switch goal {
        case .placed:
            let w = instance.participants.map { goal.weight(of: $0) }
            for (k, s) in stays.enumerated() { terms.append((ColumnIndex(k), w[s.participant.rawValue])) }
            integral = w.allSatisfy { $0 == $0.rounded() }
        case .rank(let cost):
            for k in stays.indices {
                let c = Double(candidates.ranks[k] - 1)
                let v = cost == .squared ? c * c : c
                if v != 0 { terms.append((ColumnIndex(k), v)) }
            }
        case .worstRank:
            if let z = worstRankColumn { terms.append((z, 1)) }
        case .early:
            for (k, s) in stays.enumerated() where s.start != 0 { terms.append((ColumnIndex(k), Double(s.start))) }
        }
        if level == 0 && !penalties.isEmpty {
            let sign: Double = goal.isMaximised ? -1 : 1
            for (c, cost) in penalties { terms.append((c, sign * cost)) }
            integral = false
        }
        return LevelObjective(goal: goal, sense: goal.isMaximised ? .maximize : .minimize, terms: terms, isIntegral: integral)
    }
}

extension LevelObjective {
    /// The level's value for column values.
    public func value(_ values: [Double]) -> Double {
        var sum = 0.0
        for (c, k) in terms { sum += k * values[c.rawValue] }
        return sum
    }
}
