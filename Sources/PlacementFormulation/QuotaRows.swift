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

/// Adds every quota bound in every scope as rows over a set of 0/1 columns,
/// each standing for a participant at an offer (a stay in the direct model,
/// a pair in the pair master). Soft rules get a shortfall column each.
enum QuotaRowBuilder {
    struct Item {
        var column: ColumnIndex
        var participant: Int
        var offer: Int
    }

    static func add(to m: inout LinearModel, instance: Instance, policy: Policy, items: [Item])
        -> (penalties: [(column: ColumnIndex, cost: Double)], rows: [QuotaRow])
    {
        var penalties: [(column: ColumnIndex, cost: Double)] = []
        var rows: [QuotaRow] = []
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
                for bound in quota.bounds {
                    let form = QuotaForm(bound: bound, nWho: nWho, nAll: nAll)
                    if quota.soft == nil && isRedundant(form, list.map { items[$0].participant }, isWho: scopes.isWho) {
                        rows.append(QuotaRow(quota: qi, scope: si, bound: bound, row: nil, slack: nil))
                        continue
                    }
                    var cols: [ColumnIndex] = []
                    var coefs: [Double] = []
                    for k in list {
                        let c = scopes.isWho[items[k].participant] ? form.whoCoefficient : form.otherCoefficient
                        if c != 0 { cols.append(items[k].column); coefs.append(c) }
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
        return (penalties, rows)
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
}
