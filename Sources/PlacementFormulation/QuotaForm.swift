import PlacementModel

/// A quota bound in one scope as a linear row over the scope's stays
/// (model.md, Quotas; ruling 3 for exact decimals, ruling 5 for soft rules):
///
///     Σ (isWho ? whoCoefficient : otherCoefficient)·x  + slackCoefficient·s   (≥ or ≤)  rhs
///
/// All coefficients are integers, so `min_share 0.3` becomes `7·G' − 3·P' ≥ 0`
/// summed over stays (`10·G − 3·P`). The slack `s ≥ 0` of a soft rule is in
/// placements (for `min_parity`, placements of `who`), so its penalty is
/// `soft · s`.
public struct QuotaForm: Sendable, Equatable {
    public var whoCoefficient: Double
    public var otherCoefficient: Double
    /// true: `≥ rhs`; false: `≤ rhs`.
    public var isLower: Bool
    public var rhs: Double
    public var slackCoefficient: Double

    /// The form of `bound` in a scope with `nWho` participants matching
    /// `who` out of `nAll` (participant-side counts, ruling 12).
    public init(bound: QuotaBound, nWho: Int, nAll: Int) {
        switch bound {
        case .minCount(let k):
            self.init(1, 0, lower: true, rhs: Double(k), slack: 1)
        case .maxCount(let k):
            self.init(1, 0, lower: false, rhs: Double(k), slack: -1)
        case .minShare(let a):
            let n = Double(a.numerator), d = Double(a.denominator)
            self.init(d - n, -n, lower: true, rhs: 0, slack: d)
        case .maxShare(let a):
            let n = Double(a.numerator), d = Double(a.denominator)
            self.init(d - n, -n, lower: false, rhs: 0, slack: -d)
        case .minRate(let r):
            self.init(1, 0, lower: true, rhs: Double(r.ceilTimes(nWho)), slack: 1)
        case .minParity(let b):
            // N_all·G − b·N_who·P ≥ 0, times d; slack in placements of who.
            let n = Double(b.numerator), d = Double(b.denominator)
            let all = Double(nAll), who = Double(nWho)
            self.init(d * all - n * who, -n * who, lower: true, rhs: 0, slack: d * all)
        }
    }

    init(_ who: Double, _ other: Double, lower: Bool, rhs: Double, slack: Double) {
        self.whoCoefficient = who
        self.otherCoefficient = other
        self.isLower = lower
        self.rhs = rhs
        self.slackCoefficient = slack
    }

    /// The slack of the bound for `g` placements of `who` among `p` in the
    /// scope, in the soft penalty's units (negative: short by that much).
    public func slack(g: Int, p: Int) -> Double {
        let lhs = whoCoefficient * Double(g) + otherCoefficient * Double(p - g)
        let raw = isLower ? lhs - rhs : rhs - lhs
        return raw / abs(slackCoefficient)
    }
}
