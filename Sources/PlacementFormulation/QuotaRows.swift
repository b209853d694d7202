import LinearModel
import PlacementModel

/// Where a quota row came from: one per (quota, scope, bound).
public struct QuotaRow: Sendable {
    public var quota: Int
    public var scope: Int
    public var bound: QuotaBound
    /// nil when the bound can never be broken and no row was added.
    public var row: RowIndex?
    /// The shortfall column of a soft rule.
    public var slack: ColumnIndex?
}

/// An integer column that counts one side of a share scope (``QuotaRowBuilder``):
/// the placements of `who`, or of the others, `column = Σ items`.
struct QuotaCount: Sendable {
    var column: ColumnIndex
    var items: [ColumnIndex]
}

/// Adds every quota bound in every scope as rows over a set of 0/1 columns,
/// each standing for a participant at an offer (a stay in the direct model,
/// a pair in the pair master). Soft rules get a shortfall column each.
///
/// With `counts`, a scope with a share or parity bound gets two integer
/// columns, the placements of `who` (`G`) and of the others (`O`), each
/// tied to its items by an equality row, and its ratio rows are written
/// over them (`7·G − 3·O ≥ 0`). That adds no constraint, only what the
/// search can branch and cut on: over hundreds of binaries the row lets the
/// LP place fractions of people at exactly the share, and branching on one
/// binary at a time hardly moves that bound. Generated 120 × 35, seed 5, rich
/// policy, first master (762 columns): GLPK at bound 111.17 against 110.5
/// after 133,000 iterations and 30 s without them; proven at its root,
/// 291 iterations, with them (docs/performance.md, "Counting the shares").
enum QuotaRowBuilder {
    struct Item {
        var column: ColumnIndex
        var participant: Int
        var offer: Int
    }

    static func add(to m: inout LinearModel, instance: Instance, policy: Policy, items: [Item], counts: Bool = false)
        -> (penalties: [(column: ColumnIndex, cost: Double)], rows: [QuotaRow], counts: [QuotaCount])
    {
        var penalties: [(column: ColumnIndex, cost: Double)] = []
        var rows: [QuotaRow] = []
        var countColumns: [QuotaCount] = []
        for (qi, quota) in policy.quotas.enumerated() {
            let scopes = QuotaScopes(quota: quota, instance: instance)
            var itemsOfScope = [[Int]](repeating: [], count: scopes.scopes.count)
            for (k, item) in items.enumerated() {
                itemsOfScope[scopes.scope(participant: item.participant, offer: item.offer)].append(k)
            }
            for (si, scope) in scopes.scopes.enumerated() {
                let list = itemsOfScope[si]
                let nWho = scopes.whoInGroup[scope.participantGroup]
                let nAll = scopes.participantsInGroup[scope.participantGroup]
                // The scope's counts (who, others), made at its first ratio row.
                var scopeCounts: (who: ColumnIndex?, other: ColumnIndex?)?
                for bound in quota.bounds {
                    let form = QuotaForm(bound: bound, nWho: nWho, nAll: nAll)
                    if quota.soft == nil && isRedundant(form, list.map { items[$0].participant }, isWho: scopes.isWho) {
                        rows.append(QuotaRow(quota: qi, scope: si, bound: bound, row: nil, slack: nil))
                        continue
                    }
                    var cols: [ColumnIndex] = []
                    var coefs: [Double] = []
                    if counts && bound.isRatio {
                        let both =
                            scopeCounts
                            ?? addCounts(
                                to: &m, list.map { items[$0] }, isWho: scopes.isWho, name: "q\(qi)_s\(si)",
                                &countColumns)
                        scopeCounts = both
                        for (c, a) in [(both.who, form.whoCoefficient), (both.other, form.otherCoefficient)] {
                            if let c, a != 0 { cols.append(c); coefs.append(a) }
                        }
                    } else {
                        for k in list {
                            let c = scopes.isWho[items[k].participant] ? form.whoCoefficient : form.otherCoefficient
                            if c != 0 { cols.append(items[k].column); coefs.append(c) }
                        }
                    }
                    var slack: ColumnIndex?
                    if let cost = quota.soft {
                        let s = m.addColumn(Column(name: "short_q\(qi)_s\(si)_\(bound.name)", lower: 0))
                        cols.append(s)
                        coefs.append(form.slackCoefficient)
                        penalties.append((s, cost))
                        slack = s
                    }
                    let row = m.addRow(
                        Row(
                            name: "q\(qi)_s\(si)_\(bound.name)", lower: form.isLower ? form.rhs : -.infinity,
                            upper: form.isLower ? .infinity : form.rhs, columns: cols, coefficients: coefs))
                    rows.append(QuotaRow(quota: qi, scope: si, bound: bound, row: row, slack: slack))
                }
            }
        }
        return (penalties, rows, countColumns)
    }

    /// A hard bound that no choice can break: the row's activity, with each
    /// participant of the scope contributing 0 or its coefficient once,
    /// always lies inside the bound.
    static func isRedundant(_ form: QuotaForm, _ participants: [Int], isWho: [Bool]) -> Bool {
        var who = Set<Int>(), other = Set<Int>()
        for p in participants { if isWho[p] { who.insert(p) } else { other.insert(p) } }
        let cw = form.whoCoefficient, co = form.otherCoefficient
        let maxAct = Double(who.count) * max(cw, 0) + Double(other.count) * max(co, 0)
        let minAct = Double(who.count) * min(cw, 0) + Double(other.count) * min(co, 0)
        return form.isLower ? minAct >= form.rhs : maxAct <= form.rhs
    }

    /// The two count columns of a scope and their equality rows; a side
    /// with no items gets none (nil).
    static func addCounts(
        to m: inout LinearModel, _ items: [Item], isWho: [Bool], name: String, _ all: inout [QuotaCount]
    ) -> (who: ColumnIndex?, other: ColumnIndex?) {
        func count(_ side: Bool) -> ColumnIndex? {
            let mine = items.filter { isWho[$0.participant] == side }
            guard !mine.isEmpty else { return nil }
            let people = Set(mine.map(\.participant)).count
            let label = side ? "who" : "other"
            let c = m.addColumn(Column(name: "n\(label)_\(name)", lower: 0, upper: Double(people), isInteger: true))
            let cols = mine.map(\.column)
            m.addRow(
                Row(
                    name: "count_\(label)_\(name)", lower: 0, upper: 0, columns: cols + [c],
                    coefficients: Array(repeating: 1, count: cols.count) + [-1]))
            all.append(QuotaCount(column: c, items: cols))
            return c
        }
        return (count(true), count(false))
    }
}

extension PairMaster {
    /// Pair masters with at most this many pairs count their share scopes
    /// (``QuotaCount``). On the shared 1,000 × 250 round under the rich
    /// policy (17,497 pairs) the counts made GLPK's pseudocost start, strong
    /// branching on every fractional column of a 10,000-row LP, take 20 s at
    /// the second node, where no time limit is checked: `--time-limit 10`
    /// ended after 24 s instead of 13 s. Generated 500 × 120 (4,409 pairs)
    /// solves as fast with them as without (docs/performance.md).
    static let largestCountedMaster = 10_000
}

extension QuotaBound {
    /// A share or parity bound: its row weighs `who` against the others
    /// with fractions, where the counts help (``QuotaCount``).
    fileprivate var isRatio: Bool {
        switch self {
        case .minShare, .maxShare, .minParity: true
        case .minCount, .maxCount, .minRate: false
        }
    }
}
