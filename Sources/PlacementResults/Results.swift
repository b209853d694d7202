import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// Timings of one run, in seconds.
public struct Timings: Sendable {
    public var read: Double = 0
    public var build: Double = 0
    public var solve: [Double] = []
    public var write: Double = 0
    public init() {}
}

/// The three result files of a solved round, as text (formats.md, Results).
public struct ResultFiles: Sendable {
    public var assignments: String
    public var unplaced: String
    public let result: RoundResult
    public let figures: RoundFigures
    public let reasons: [UnplacedReason]
    public let inputHash: String
    /// What each hard rule costs (``/PlacementEngine/Engine/rulePrices(_:options:elapsed:)``);
    /// empty when not computed. In `summary.json` as `quotas[].price`.
    public var prices: [RulePrice] = []
    /// The files the round and policy were read from (`summary.json`
    /// `inputs`, for `allvet report`); nil when not from files.
    public var inputs: (instance: String, policy: String?, previous: String?, funding: String?)? = nil
    /// What changed since the previous round (`changes.csv`, `summary.json`
    /// `changes`); nil when the round is not re-planned.
    public let changes: RoundChanges?
    /// What the solution costs (`summary.json` `funding`); nil without a
    /// funding file.
    public let money: RoundMoney?

    /// `summary.json` with the given timings (the only part that differs
    /// between two runs of the same input).
    public func summary(timings: Timings) -> JSONOutput {
        var json = Self.summary(
            result: result, figures: figures, reasons: reasons, inputHash: inputHash, timings: timings, prices: prices)
        if case .object(var fields) = json {
            if let changes { fields.append(("changes", changes.summary)) }
            if let money { fields.append(("funding", money.summary)) }
            if let inputs {
                var named: [(String, JSONOutput)] = [
                    ("instance", .string(inputs.instance)), ("policy", inputs.policy.map { .string($0) } ?? .null),
                ]
                if let p = inputs.previous { named.append(("previous", .string(p))) }
                if let f = inputs.funding { named.append(("funding", .string(f))) }
                fields.append(("inputs", .object(named)))
            }
            json = .object(fields)
        }
        return json
    }

    /// Builds the files of `result`. `inputHash` identifies the instance and
    /// policy.
    public init(result: RoundResult, inputHash: String) {
        let figures = RoundFigures(
            instance: result.instance, policy: result.policy, candidates: result.candidates, chosen: result.chosen)
        let reasons = explainUnplaced(result)
        let inst = result.instance, c = result.candidates
        func byID(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

        // assignments.csv
        var rows: [(String, String)] = []
        let money = inst.funding != nil
        for (i, k) in result.chosen.enumerated() {
            let s = c.stays[k]
            let p = inst.participants[s.participant.rawValue]
            let (h, o) = c.offers[s.offer.rawValue]
            let start = c.monday(ofWeek: s.start)
            let end = start.adding(days: 7 * p.weeks - 1)
            var cells = [
                CSVWriter.text(p.id), CSVWriter.text(inst.hosts[h.rawValue].id), CSVWriter.text(o.id),
                start.iso, end.iso, String(p.weeks), String(c.ranks[k]),
            ]
            if money { cells += figures.stayCosts[i].csvCells }
            rows.append((p.id, CSVWriter.record(cells, ending: .lf)))
        }
        rows.sort { byID($0.0, $1.0) }
        self.assignments =
            CSVWriter.record(
                ["participant_id", "host_id", "offer_id", "start", "end", "weeks", "rank"]
                    + (money ? StayCost.csvColumns : []), ending: .lf)
            + rows.map(\.1).joined()

        // unplaced.csv
        var un: [(String, String)] = reasons.map { r in
            let id = inst.participants[r.participant.rawValue].id
            return (id, CSVWriter.record([CSVWriter.text(id), r.kind.rawValue, CSVWriter.text(r.detail)], ending: .lf))
        }
        un.sort { byID($0.0, $1.0) }
        self.unplaced = CSVWriter.record(["participant_id", "reason", "detail"], ending: .lf) + un.map(\.1).joined()

        self.result = result
        self.figures = figures
        self.reasons = reasons
        self.inputHash = inputHash
        // Without a solution there is no new plan to compare: no changes.csv.
        let solved = result.status == .optimal || result.status == .feasible
        self.money = RoundMoney(result: result, figures: figures)
        self.changes =
            solved ? RoundChanges(instance: inst, policy: result.policy, candidates: c, chosen: result.chosen) : nil
    }

    static func summary(
        result: RoundResult, figures: RoundFigures, reasons: [UnplacedReason], inputHash: String, timings: Timings,
        prices: [RulePrice]
    ) -> JSONOutput {
        let inst = result.instance
        let levels: [JSONOutput] = result.levels.enumerated().map { i, l in
            let hasSolution = result.status == .optimal || result.status == .feasible
            let value: Double? = hasSolution ? figures.levelValues[i] : nil
            var gap: Double? = nil
            if let v = value, let b = l.bound { gap = l.status == .optimal ? 0 : abs(v - b) / max(1, abs(v)) }
            return .object([
                ("goal", .string(l.goal.name)),
                ("value", .number(value)),
                ("bound", .number(l.status == .optimal ? value : l.bound)),
                ("gap", .number(gap)),
                ("status", .string(l.status.rawValue)),
            ])
        }
        let groups: JSONOutput = .object(
            figures.groups.map { g in
                (
                    g.key,
                    .object(
                        g.values.map { v in
                            (
                                v.value,
                                .object([
                                    ("participants", .int(v.participants)), ("placed", .int(v.placed)),
                                    (
                                        "rate",
                                        .number(v.participants == 0 ? nil : Double(v.placed) / Double(v.participants))
                                    ),
                                ])
                            )
                        })
                )
            })
        let quotas: [JSONOutput] = figures.quotas.map { q in
            .object([
                ("name", .string(q.name)),
                ("scope", .object(q.scope.map { ($0.key, $0.value.map { .string($0) } ?? .null) })),
                ("bound", .string(q.bound.name)),
                ("limit", .number(q.bound.limit)),
                ("soft", .number(q.soft)),
                ("value", .number(q.value)),
                ("slack", .number(q.slack)),
                ("who_placed", .int(q.g)),
                ("placed", .int(q.p)),
                ("who_participants", .int(q.nWho)),
                ("participants", .int(q.nAll)),
                ("price", .number(prices.first { $0.quota == q.quota }?.price)),
                (
                    "price_certainty",
                    prices.first { $0.quota == q.quota }.map { .string($0.certainty.rawValue) } ?? .null
                ),
            ])
        }
        let histogram: JSONOutput = .object(
            figures.rankHistogram.keys.sorted().map { (String($0), .int(figures.rankHistogram[$0]!)) })
        let offers: [JSONOutput] = result.candidates.offers.enumerated().map { i, e in
            .object([
                ("offer", .string(e.offer.id)),
                ("host", .string(inst.hosts[e.host.rawValue].id)),
                ("capacity", .int(e.offer.capacity)),
                ("peak", .int(figures.offerUse[i].peak)),
                ("total", .int(figures.offerUse[i].total)),
            ])
        }
        var reasonCounts: [String: Int] = [:]
        for r in reasons {
            // no_candidate counts per filter: the detail's first word, before the colon.
            let filter = r.detail.split(separator: ":", maxSplits: 1).first.map(String.init) ?? r.detail
            reasonCounts[r.kind == .noCandidate ? "no_candidate:" + filter : r.kind.rawValue, default: 0] += 1
        }
        let o = result.options
        let summary: JSONOutput = .object([
            ("format", .string("allvet-result/1")),
            ("engine", .object([("name", .string("allvet")), ("version", .string(allvetVersion))])),
            ("input_hash", .string(inputHash)),
            ("instance", .string(inst.name)),
            ("status", .string(result.status.rawValue)),
            ("interrupted", .bool(result.interrupted)),
            ("levels", .array(levels)),
            ("placed", .int(figures.placed)),
            ("participants", .int(figures.participants)),
            ("unplaced", .object(reasonCounts.keys.sorted().map { ($0, .int(reasonCounts[$0]!)) })),
            ("groups", groups),
            ("quotas", .array(quotas)),
            ("rank_histogram", histogram),
            ("offers", .array(offers)),
            (
                "model",
                .object(
                    [
                        ("rows", .int(result.modelSize.rows)), ("columns", .int(result.modelSize.columns)),
                        ("non_zeros", .int(result.modelSize.nonZeros)),
                        ("method", .string(result.decomposition == nil ? "direct" : "decomposed")),
                    ]
                        + (result.decomposition.map { d in
                            [
                                (
                                    "decomposition",
                                    JSONOutput.object([
                                        ("pairs", .int(d.pairs)), ("groups", .int(d.groups)),
                                        ("time_indexed_groups", .int(d.timeIndexedGroups)),
                                        ("master_solves", .int(d.masterSolves)),
                                        ("master_columns", .int(d.masterColumns)),
                                        ("interval_cuts", .int(d.intervalCuts)), ("no_good_cuts", .int(d.noGoodCuts)),
                                        ("repair_solves", .int(d.repairSolves)),
                                    ])
                                )
                            ]
                        } ?? []))
            ),
            (
                "timings_s",
                .object([
                    ("read", .number(timings.read)), ("build", .number(timings.build)),
                    ("solve", .array(timings.solve.map { .number($0) })), ("write", .number(timings.write)),
                ])
            ),
            (
                "solver",
                .object([
                    ("name", .string(result.solverName)), ("time_limit_s", .number(o.timeLimit)),
                    ("mip_gap", .number(o.mipGap)), ("presolve", .bool(o.presolve)), ("cuts", .bool(o.cuts)),
                ])
            ),
        ])
        return ConflictFinder.adding(result.conflicts, to: summary)
    }
}
