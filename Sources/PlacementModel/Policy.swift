/// A `who` selector: participants whose fields or attributes equal all the
/// given values (model.md, Quotas; ruling 10). Empty selects everyone.
public struct Selector: Sendable, Equatable {
    public var conditions: [(key: String, value: AttributeValue)]
    public init(_ conditions: [(key: String, value: AttributeValue)] = []) { self.conditions = conditions }
    public var isEmpty: Bool { conditions.isEmpty }

    public static func == (a: Selector, b: Selector) -> Bool {
        a.conditions.count == b.conditions.count
            && zip(a.conditions, b.conditions).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// The participant fields a `who` or `within` key may name besides attributes.
public enum ParticipantField: String, Sendable, CaseIterable {
    case id, kind, country, sendingOrg = "sending_org", sector, weeks
}

/// How a rank becomes a cost (model.md, Preference rank).
public enum RankCost: String, Sendable {
    case linear
    case squared
}

/// A weight of the `placed` goal for the participants `who` selects.
public struct PlacedWeight: Sendable, Equatable {
    public var who: Selector
    public var weight: Double
    public init(who: Selector, weight: Double) {
        self.who = who
        self.weight = weight
    }
}

/// One level of the lexicographic objective (model.md, Objective).
public enum Goal: Sendable, Equatable {
    /// Maximise `Σ w[p]·y[p] − soft penalties`.
    case placed(weights: [PlacedWeight])
    /// Minimise the total rank cost.
    case rank(cost: RankCost)
    /// Minimise the largest rank among placed participants.
    case worstRank
    /// Minimise the sum of start weeks.
    case early
    /// Minimise the previous stays not kept (rounds.md, section 3).
    case changes(keep: KeepMode)
    /// Minimise the total cost of the stays (rounds.md, section 4), in cents.
    case cost

    /// The goal's name as written in policies and results.
    public var name: String {
        switch self {
        case .placed: "placed"
        case .rank: "rank"
        case .worstRank: "worst_rank"
        case .early: "early"
        case .changes: "changes"
        case .cost: "cost"
        }
    }

    /// Whether the goal's value depends on start weeks, which the pair
    /// decomposition's master does not see: `early` does. (`changes` with
    /// `keep: stay` does too, but the pairs are split at each previous
    /// start, so the master sees it exactly.)
    public var needsStartWeeks: Bool { self == .early }

    public var isMaximised: Bool { if case .placed = self { true } else { false } }
}

/// A key of a quota's `within` scope.
public enum ScopeKey: Hashable, Sendable, CustomStringConvertible {
    /// A participant field (`country`, `sending_org`, `sector`, `kind`, `id`, `weeks`).
    case field(ParticipantField)
    /// A participant attribute.
    case attribute(String)
    /// The placement's host.
    case host
    /// The placement host's country.
    case hostCountry
    /// The placement's offer.
    case offer

    public var isPlacementSide: Bool {
        switch self {
        case .host, .hostCountry, .offer: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .field(let f): f.rawValue
        case .attribute(let a): a
        case .host: "host"
        case .hostCountry: "host_country"
        case .offer: "offer"
        }
    }
}

/// One bound of a quota rule (model.md, Quotas).
public enum QuotaBound: Sendable, Equatable {
    case minCount(Int)
    case maxCount(Int)
    case minShare(ExactDecimal)
    case maxShare(ExactDecimal)
    case minRate(ExactDecimal)
    case minParity(ExactDecimal)

    /// The bound's name as written in policies (`min_share`, …).
    public var name: String {
        switch self {
        case .minCount: "min_count"
        case .maxCount: "max_count"
        case .minShare: "min_share"
        case .maxShare: "max_share"
        case .minRate: "min_rate"
        case .minParity: "min_parity"
        }
    }

    /// The bound's number as a Double, for reports.
    public var limit: Double {
        switch self {
        case .minCount(let k), .maxCount(let k): Double(k)
        case .minShare(let a), .maxShare(let a), .minRate(let a), .minParity(let a): a.doubleValue
        }
    }

    /// Whether the bound is a lower one (`min_*`).
    public var isLower: Bool {
        switch self {
        case .maxCount, .maxShare: false
        default: true
        }
    }
}

/// An equity or fairness rule (model.md, Quotas).
public struct Quota: Sendable, Equatable {
    public var name: String
    public var who: Selector
    public var within: [ScopeKey]
    /// In the order written.
    public var bounds: [QuotaBound]
    /// Penalty per unit of shortfall; nil for a hard rule.
    public var soft: Double?

    public init(
        name: String, who: Selector = Selector(), within: [ScopeKey] = [], bounds: [QuotaBound], soft: Double? = nil
    ) {
        self.name = name
        self.who = who
        self.within = within
        self.bounds = bounds
        self.soft = soft
    }
}

/// Solver limits a policy may set; the command line overrides them.
public struct Limits: Sendable, Equatable {
    /// Seconds for the whole solve.
    public var timeSeconds: Double?
    /// Relative MIP gap at which a level counts as solved.
    public var mipGap: Double?
    public init(timeSeconds: Double? = nil, mipGap: Double? = nil) {
        self.timeSeconds = timeSeconds
        self.mipGap = mipGap
    }
}

/// What "best" means for a round: filters, goals and quotas (model.md).
public struct Policy: Sendable, Equatable {
    public var requireAbroad: Bool
    public var onlyListed: Bool
    public var objective: [Goal]
    public var quotas: [Quota]
    public var limits: Limits
    /// The most the stays may cost in all (rounds.md, section 4): a hard
    /// rule, in the funding file's currency; nil: no budget.
    public var budget: ExactDecimal?

    public init(
        requireAbroad: Bool = true, onlyListed: Bool = false,
        objective: [Goal] = [.placed(weights: []), .rank(cost: .linear)],
        quotas: [Quota] = [], limits: Limits = Limits(), budget: ExactDecimal? = nil
    ) {
        self.requireAbroad = requireAbroad
        self.onlyListed = onlyListed
        self.objective = objective
        self.quotas = quotas
        self.limits = limits
        self.budget = budget
    }

    /// Whether the policy needs a funding file: a budget or a `cost` goal
    /// (rounds.md, section 4; without one, a usage error).
    public var needsFunding: Bool { budget != nil || objective.contains(.cost) }

    /// The default policy of model.md: `[placed, rank]`, `require_abroad`, no quotas.
    public static let `default` = Policy()

    /// The level that carries the soft-quota penalties: the first `placed`
    /// level when there is one, else the first (rounds.md, ruling 20).
    public var penaltyLevel: Int {
        objective.firstIndex { if case .placed = $0 { true } else { false } } ?? 0
    }

    /// Whether the policy has a `changes` goal.
    public var hasChanges: Bool {
        objective.contains { if case .changes = $0 { true } else { false } }
    }

    /// The policy for a re-planned round (`solve --previous`): as it is when
    /// it has a `changes` goal, else with `changes` (keep `stay`) put first
    /// (rounds.md, section 3).
    public var replanning: Policy {
        guard !hasChanges else { return self }
        var p = self
        p.objective.insert(.changes(keep: .stay), at: 0)
        return p
    }
}
