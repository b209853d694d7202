import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementModel
import PlacementResults

/// One scenario's figures, read back from its results folder.
public struct ComparisonRow: Sendable {
    public var index: Int
    public var name: String
    /// `optimal`, `feasible`, `infeasible`, `time_limit`, `error` (no result:
    /// see `error`), or `missing` (no folder found).
    public var status: String
    public var error: String?
    /// Whether the figures below describe a solution (optimal or feasible).
    public var hasSolution: Bool
    public var placed: Int?
    public var participants: Int?
    /// What the stays cost (`summary.json` `funding.total`), with a funding file.
    public var cost: Double?
    /// `KEY=VALUE` → placement rate of that group.
    public var groupRates: [(String, Double?)] = []
    public var meanRank: Double?
    public var worstRank: Int?
    /// `NAME:BOUND` → value and slack in the tightest scope (smallest slack).
    public var quotas: [(String, value: Double?, slack: Double?)] = []
    /// Hard rule name → its price (`summary.json` `quotas[].price`; nil when not found).
    public var prices: [(String, Double?)] = []
    public var solveSeconds: Double?
    public var interrupted = false
}

/// The comparison of a sweep's scenarios: `comparison.csv` and `comparison.html`.
///
/// Built from the scenario folders on disk (never from memory), so a run,
/// a resumed run and a merge of shards give the same rows.
public struct SweepComparison: Sendable {
    public var manifest: SweepManifest
    public var rows: [ComparisonRow]

    /// Reads the rows of the scenarios `indices` (all when nil) from the
    /// first of `folders` that holds each one.
    /// `pseudonymised` keeps only the group rates of `country`, `kind`,
    /// `sector` and the attributes the scenario's policy uses (its
    /// `policy.json`), as a pseudonymised report does (issue 16).
    public init(manifest: SweepManifest, folders: [String], indices: [Int]? = nil, pseudonymised: Bool = false) {
        self.manifest = manifest
        self.rows = (indices ?? Array(manifest.scenarios.indices)).map { i in
            let e = manifest.scenarios[i]
            for f in folders {
                let dir = URL(fileURLWithPath: f).appendingPathComponent("scenarios").appendingPathComponent(e.folder)
                if var row = Self.readRow(dir, index: i, name: e.name) {
                    if pseudonymised {
                        let keep = Self.keysUsed(policyIn: dir).union(["country", "kind", "sector"])
                        row.groupRates.removeAll { !keep.contains(String($0.0.prefix { $0 != "=" })) }
                    }
                    return row
                }
            }
            return ComparisonRow(
                index: i, name: e.name, status: "missing", error: "no results folder found", hasSolution: false)
        }
    }

    /// The scenarios with no folder in any of the sweep folders given.
    public var missing: [String] { rows.filter { $0.status == "missing" }.map(\.name) }

    static func readRow(_ dir: URL, index: Int, name: String) -> ComparisonRow? {
        let fm = FileManager.default
        if let data = fm.contents(atPath: dir.appendingPathComponent("summary.json").path),
            let v = try? JSONValue.parse([UInt8](data)).value
        {
            var r = row(summary: v, index: index, name: name)
            if fm.fileExists(atPath: dir.appendingPathComponent(verificationFailedFile).path) {
                // Results that break a rule are kept for inspection, never compared as if they held.
                r.status = "error"
                r.hasSolution = false
                r.error = "verification failed: the results break a rule (see \(verificationFailedFile) in its folder)"
            }
            return r
        }
        if let data = fm.contents(atPath: dir.appendingPathComponent(ScenarioFailure.file).path) {
            var message = "failed"
            if let v = try? JSONValue.parse([UInt8](data)).value, case .string(let m)? = v["error"]?.content {
                message = m
            }
            return ComparisonRow(index: index, name: name, status: "error", error: message, hasSolution: false)
        }
        return nil
    }

    /// The keys a scenario's `policy.json` selects or groups by (quotas'
    /// `who` and `within`, weights' `who`); empty when it cannot be read,
    /// so that nothing beyond country, kind and sector is shown.
    static func keysUsed(policyIn dir: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent("policy.json").path),
            let v = try? JSONValue.parse([UInt8](data)).value
        else { return [] }
        var keys = Set<String>()
        func who(_ w: JSONValue?) {
            if case .object(let fields)? = w?.content { for f in fields { keys.insert(f.key) } }
        }
        if case .array(let quotas)? = v["quotas"]?.content {
            for q in quotas {
                who(q["who"])
                if case .array(let within)? = q["within"]?.content {
                    for w in within { if case .string(let k) = w.content { keys.insert(k) } }
                }
            }
        }
        if case .array(let goals)? = v["objective"]?.content {
            for g in goals {
                if case .array(let weights)? = g["weights"]?.content { for w in weights { who(w["who"]) } }
            }
        }
        return keys
    }

    /// What a results folder holds beside its files when they break a rule.
    static let verificationFailedFile = "VERIFICATION-FAILED.txt"

    static func row(summary v: JSONValue, index: Int, name: String) -> ComparisonRow {
        var status = "error"
        if case .string(let s)? = v["status"]?.content { status = s }
        let solution = status == RoundStatus.optimal.rawValue || status == RoundStatus.feasible.rawValue
        var r = ComparisonRow(index: index, name: name, status: status, hasSolution: solution)
        if case .bool(true)? = v["interrupted"]?.content { r.interrupted = true }
        if case .array(let solve)? = v["timings_s"]?["solve"]?.content {
            r.solveSeconds = solve.reduce(0) { $0 + ($1.numberValue ?? 0) }
        }
        r.participants = v["participants"]?.numberValue.map { Int($0) }
        guard solution else { return r }
        r.placed = v["placed"]?.numberValue.map { Int($0) }
        r.cost = v["funding"]?["total"]?.numberValue
        if case .object(let groups)? = v["groups"]?.content {
            for g in groups {
                guard case .object(let values) = g.value.content else { continue }
                for val in values { r.groupRates.append(("\(g.key)=\(val.key)", val.value["rate"]?.numberValue)) }
            }
        }
        if case .object(let hist)? = v["rank_histogram"]?.content {
            var n = 0, sum = 0, worst = 0
            for h in hist {
                guard let rank = Int(h.key), let c = h.value.numberValue.map({ Int($0) }) else { continue }
                n += c
                sum += rank * c
                if c > 0 { worst = max(worst, rank) }
            }
            r.meanRank = n == 0 ? nil : Double(sum) / Double(n)
            r.worstRank = worst
        }
        if case .array(let quotas)? = v["quotas"]?.content {
            for q in quotas {
                guard case .string(let qn)? = q["name"]?.content, case .string(let b)? = q["bound"]?.content else {
                    continue
                }
                if case .string = q["price_certainty"]?.content, !r.prices.contains(where: { $0.0 == qn }) {
                    r.prices.append((qn, q["price"]?.numberValue))
                }
                let key = "\(qn):\(b)", slack = q["slack"]?.numberValue, value = q["value"]?.numberValue
                if let i = r.quotas.firstIndex(where: { $0.0 == key }) {
                    if let s = slack, s < (r.quotas[i].slack ?? .infinity) { r.quotas[i] = (key, value, s) }
                } else {
                    r.quotas.append((key, value, slack))
                }
            }
        }
        return r
    }

    /// The baseline of the losses: the sweep's first scenario, when it has a solution here.
    public var baseline: ComparisonRow? { rows.first { $0.index == 0 && $0.hasSolution } }

    /// Changed keys over all rows, in first-seen order.
    public var sweptKeys: [String] {
        var keys: [String] = []
        for r in rows { for (k, _) in manifest.scenarios[r.index].values where !keys.contains(k) { keys.append(k) } }
        return keys
    }

    private func unionKeys(_ pick: (ComparisonRow) -> [String]) -> [String] {
        var keys: [String] = [], seen = Set<String>()
        for r in rows { for k in pick(r) where seen.insert(k).inserted { keys.append(k) } }
        return keys
    }

    /// `comparison.csv`: one row a scenario, in sweep order. Only `solve_s` differs between runs.
    public var csv: String { csv(.rfc4180) }

    /// `comparison.csv` in `dialect` (`--csv-dialect`): numbers, and swept
    /// values that are numbers, with its decimal mark.
    public func csv(_ dialect: CSVOutputDialect) -> String {
        func fmt(_ d: Double?) -> String { dialect.number(Self.fmt(d)) }
        func sweptCell(_ s: String) -> String {
            ExactDecimal(literal: s) != nil ? dialect.number(s) : Self.text(s)
        }
        let swept = sweptKeys
        let rateKeys = unionKeys { $0.groupRates.map(\.0) }
        let quotaKeys = unionKeys { $0.quotas.map(\.0) }
        let priceKeys = unionKeys { $0.prices.map(\.0) }
        var header = ["scenario", "status"] + swept
        header += [
            "placed", "participants", "placement_rate", "mean_rank", "worst_rank", "placed_loss", "mean_rank_loss",
        ]
        let money = rows.contains { $0.cost != nil }
        if money { header.append("cost") }
        header += rateKeys.map { "rate:" + $0 }
        header += quotaKeys.flatMap { ["quota:\($0):value", "quota:\($0):slack"] }
        header += priceKeys.map { "price:" + $0 }
        header += ["solve_s", "error"]
        var out = CSVWriter.record(header.map(CSVWriter.text), ending: .lf)
        let base = baseline
        for r in rows {
            let values = manifest.scenarios[r.index].values
            var cells = [CSVWriter.text(r.name), r.status]
            cells += swept.map { k in sweptCell(values.last(where: { $0.0 == k })?.1 ?? "") }
            let rate: Double? =
                (r.placed != nil && (r.participants ?? 0) > 0) ? Double(r.placed!) / Double(r.participants!) : nil
            cells += [
                fmt(r.placed.map(Double.init)), fmt(r.participants.map(Double.init)), fmt(rate), fmt(r.meanRank),
                fmt(r.worstRank.map(Double.init)), fmt(Self.placedLoss(r, base)), fmt(Self.rankLoss(r, base)),
            ]
            if money { cells.append(r.cost.map { dialect.number(NumberText.fixed($0, digits: 2)) } ?? "") }
            let rates = Dictionary(r.groupRates, uniquingKeysWith: { a, _ in a })
            cells += rateKeys.map { fmt(rates[$0] ?? nil) }
            cells += quotaKeys.flatMap { k -> [String] in
                guard let q = r.quotas.first(where: { $0.0 == k }) else { return ["", ""] }
                return [fmt(q.value), fmt(q.slack)]
            }
            let prices = Dictionary(r.prices, uniquingKeysWith: { a, _ in a })
            cells += priceKeys.map { fmt(prices[$0] ?? nil) }
            cells += [
                r.solveSeconds.map { dialect.number(NumberText.fixed($0, digits: 3)) } ?? "",
                Self.text(r.error ?? (r.interrupted ? "interrupted: the best solution found before the stop" : "")),
            ]
            out += CSVWriter.record(cells, ending: .lf)
        }
        return dialect.render(out)
    }

    /// Placements lost against the baseline (positive: fewer placed).
    public static func placedLoss(_ r: ComparisonRow, _ base: ComparisonRow?) -> Double? {
        guard let b = base?.placed, let p = r.placed else { return nil }
        return Double(b - p)
    }

    /// Mean rank lost against the baseline (positive: worse preferences).
    public static func rankLoss(_ r: ComparisonRow, _ base: ComparisonRow?) -> Double? {
        guard let b = base?.meanRank, let m = r.meanRank else { return nil }
        return m - b
    }

    /// A text cell (spreadsheet-safe); empty stays empty (no value).
    static func text(_ s: String) -> String { s.isEmpty ? "" : CSVWriter.text(s) }

    /// A number for the CSV: integers without a point, others to six
    /// decimals without trailing zeros; empty when nil.
    public static func fmt(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return NumberText.shortest(d) }
        return NumberText.trimmed(d, digits: 6)
    }
}
