import LinearModel

/// The hard quota rows of a pair master, kept by the greedy as it places
/// (``PairGreedy/quotas``). The plain greedy does not know quotas: under
/// the benchmark policy (a 30 % share of participants with fewer
/// opportunities, at most two of one country at a host) its solution
/// breaks them, the master refuses it, and a run cut short had nothing to
/// keep (docs/performance.md, "A floor").
///
/// A pair is admitted when, with it, no row goes above its upper bound, and
/// no row that keeps its lower bound falls below it; a row below its lower
/// bound (a minimum count not reached yet) may not fall further. Soft rules
/// are not guarded: their shortfall columns take up what the greedy
/// leaves (``PairMaster/dropping(_:from:)``).
struct QuotaGuard {
    private var lower: [Double] = []
    private var upper: [Double] = []
    private var activity: [Double] = []
    /// The guarded rows of each pair column, with its coefficient there.
    private var rowsOf: [Int: [(row: Int, coefficient: Double)]] = [:]

    /// The hard quota rows of `master`; nil when it has none.
    init?(master: PairMaster) {
        let pairCount = master.pairs.pairs.count
        // A row over a scope's counts weighs each pair they count.
        let counted = Dictionary(master.quotaCounts.map { ($0.column, $0.items) }) { a, _ in a }
        for qr in master.quotaRows where qr.slack == nil {
            guard let r = qr.row else { continue }
            let row = master.model[r]
            let index = lower.count
            lower.append(row.lower)
            upper.append(row.upper)
            activity.append(0)
            for (k, c) in row.columns.enumerated() {
                for q in counted[c] ?? (c.rawValue < pairCount ? [c] : []) {
                    rowsOf[q.rawValue, default: []].append((index, row.coefficients[k]))
                }
            }
        }
        if lower.isEmpty { return nil }
    }

    /// Whether pair `q` may join what is placed.
    func admits(_ q: Int) -> Bool {
        (rowsOf[q] ?? []).allSatisfy { r, a in keeps(r, from: activity[r], to: activity[r] + a) }
    }

    /// Whether the pairs `taken`, already added (a travel group, placed
    /// whole), may stay: the same rule, over their sum.
    func admitsTaken(_ taken: [Int]) -> Bool { admitsMove(removed: [], added: taken) }

    /// Whether `added` may replace `removed`, both already applied (a
    /// participant moved to make room for another): the same rule, over the
    /// net change.
    func admitsMove(removed: [Int], added: [Int]) -> Bool {
        var change: [Int: Double] = [:]
        for q in added { for (r, a) in rowsOf[q] ?? [] { change[r, default: 0] += a } }
        for q in removed { for (r, a) in rowsOf[q] ?? [] { change[r, default: 0] -= a } }
        return change.allSatisfy { r, a in keeps(r, from: activity[r] - a, to: activity[r]) }
    }

    /// A row's activity may move from `now` to `next`: not above its upper
    /// bound (unless it falls), not below its lower bound (unless it rises).
    private func keeps(_ r: Int, from now: Double, to next: Double) -> Bool {
        let tolerance = 1e-9
        if next > upper[r] + tolerance && next > now + tolerance { return false }
        if next < lower[r] - tolerance && next < now - tolerance { return false }
        return true
    }

    /// Nothing placed.
    mutating func clear() { activity = Array(repeating: 0, count: activity.count) }

    /// Pair `q` placed (`sign` 1) or taken back (-1).
    mutating func add(_ q: Int, _ sign: Double) {
        for (r, a) in rowsOf[q] ?? [] { activity[r] += sign * a }
    }
}
