import LinearModel
import PlacementModel

/// The linear objective of one lexicographic level (model.md, Objective).
public struct LevelObjective: Sendable {
    public var goal: Goal
    public var sense: ObjectiveSense
    public var terms: [(ColumnIndex, Double)]
    /// Added to the terms (`changes`: the previous stays, less those kept).
    public var constant: Double = 0
    /// Whether every feasible value is an integer, so the level can be held
    /// exactly (model.md, ruling 6).
    public var isIntegral: Bool
}

extension LevelObjective {
    /// The row that holds this level at `value` for the levels after it:
    /// exactly for integral levels, else within `1e-6·max(1, |value|)`
    /// (model.md, ruling 6).
    public func holdRow(_ value: Double, name: String) -> Row {
        let held = (isIntegral ? value.rounded() : value) - constant
        let tol = isIntegral ? 0 : 1e-6 * max(1, abs(value))
        let cols = terms.map(\.0), coefs = terms.map(\.1)
        return sense == .maximize
            ? Row(name: name, lower: held - tol, columns: cols, coefficients: coefs)
            : Row(name: name, upper: held + tol, columns: cols, coefficients: coefs)
    }
}

extension LevelObjective {
    /// The one place that turns a goal into a level's objective, for both
    /// formulations (model.md, Objective). Column `k` (0-based) places
    /// participant `participantOf[k]` at preference rank `rankOf[k]`,
    /// starting in week `startOf[k]` (nil: the model has no start weeks and
    /// cannot carry `early`), comparing with the participant's previous
    /// stay as `matchOf[k]` says (empty: no previous stays), at a cost of
    /// `costOf[k]` cents (empty: no funding file). The soft-quota
    /// penalties go into level `penaltyLevel` (rounds.md, ruling 20).
    public static func make(
        goal: Goal, level: Int, instance: Instance, participantOf: [Int], rankOf: [Int], startOf: [Int]?,
        matchOf: [PreviousMatch], previousCount: Int, costOf: [Cents], worstRankColumn: ColumnIndex?,
        penalties: [(column: ColumnIndex, cost: Double)], penaltyLevel: Int
    ) -> LevelObjective {
        var terms: [(ColumnIndex, Double)] = []
        var constant = 0.0
        var integral = true
        switch goal {
        case .placed:
            let w = instance.participants.map { goal.weight(of: $0) }
            for (k, p) in participantOf.enumerated() { terms.append((ColumnIndex(k), w[p])) }
            integral = w.allSatisfy { $0 == $0.rounded() }
        case .rank(let cost):
            for (k, r) in rankOf.enumerated() {
                let c = Double(r - 1)
                let v = cost == .squared ? c * c : c
                if v != 0 { terms.append((ColumnIndex(k), v)) }
            }
        case .worstRank:
            if let z = worstRankColumn { terms.append((z, 1)) }
        case .early:
            guard let startOf else {
                preconditionFailure("the early goal needs a model with start weeks (the direct model)")
            }
            for (k, s) in startOf.enumerated() where s != 0 { terms.append((ColumnIndex(k), Double(s))) }
        case .changes(let keep):
            // Previous stays not kept = all of them − Σ x over the stays that keep one.
            constant = Double(previousCount)
            for (k, m) in matchOf.enumerated() where m.keeps(keep) { terms.append((ColumnIndex(k), -1)) }
        case .cost:
            // Whole cents, so the level is held exactly (rounds.md, ruling 18).
            for (k, c) in costOf.enumerated() where c != 0 { terms.append((ColumnIndex(k), Double(c))) }
        }
        if level == penaltyLevel && !penalties.isEmpty {
            let sign: Double = goal.isMaximised ? -1 : 1
            for (c, cost) in penalties { terms.append((c, sign * cost)) }
            integral = false
        }
        return LevelObjective(
            goal: goal, sense: goal.isMaximised ? .maximize : .minimize, terms: terms, constant: constant,
            isIntegral: integral)
    }
}

extension DirectFormulation {
    /// The objective of `goal` at position `level` of the policy's list.
    public func objective(for goal: Goal, level: Int, instance: Instance, candidates: CandidateSet) -> LevelObjective {
        let stays = candidates.stays
        return .make(
            goal: goal, level: level, instance: instance, participantOf: stays.map(\.participant.rawValue),
            rankOf: candidates.ranks, startOf: stays.map(\.start), matchOf: candidates.previousMatch,
            previousCount: candidates.previousCount, costOf: candidates.spending, worstRankColumn: worstRankColumn,
            penalties: penalties,
            penaltyLevel: penaltyLevel)
    }
}

extension LevelObjective {
    /// The level's value for column values.
    public func value(_ values: [Double]) -> Double {
        var sum = constant
        for (c, k) in terms { sum += k * values[c.rawValue] }
        return sum
    }
}
