import Foundation
import LinearModel
import PlacementEngine
import PlacementFormulation
import PlacementModel
import PlacementResults
import PlacementSweeps

/// `report.html`: a solved round for a person to read, in one
/// self-contained file (inline SVG, no script, nothing fetched).
///
/// Sections: the round at a glance (placed, goals, mean rank), placement
/// rates per group and placements per host country, the quotas with their
/// slack, the rank histogram, a per-host timeline of who is there which
/// week, and the unplaced with their reasons. Every text from the input is
/// escaped. With `pseudonymise`, participant ids are replaced by
/// ``Pseudonyms`` everywhere in the report (tables, timeline, reasons,
/// quota scopes); host names and attribute values stay.
public struct RoundReport: Sendable {
    public let html: String

    /// Group keys with more values than this are listed, not charted.
    static let maxGroupValues = 30
    /// The quota table shows at most this many scopes, the tightest first.
    static let maxQuotaRows = 200

    /// The first goal's value in words, in English (`solve`'s summary line;
    /// ``RulePriceText/valueInWords(_:level:policy:)``).
    public static func valueInWords(_ figures: RoundFigures, level: Int, policy: Policy) -> String? {
        RulePriceText.valueInWords(figures, level: level, policy: policy)
    }

    /// `language`: the report's texts, dates and numbers (`--lang`).
    public init(files: ResultFiles, pseudonymise: Bool = false, language: ReportLanguage = .en) {
        let f =
            pseudonymise
            ? {
                var p = ResultFiles(
                    result: Pseudonyms.apply(to: files.result, salt: files.inputHash), inputHash: files.inputHash)
                p.prices = files.prices
                return p
            }()
            : files
        html = ReportLanguage.$current.withValue(language) { Self.render(f, pseudonymised: pseudonymise) }
    }

    static func render(_ files: ResultFiles, pseudonymised: Bool) -> String {
        HTML.render(Page(files, pseudonymised: pseudonymised), template: RoundReportTemplate.name)
    }

    /// What report.html shows (``RoundReportTemplate``): plain texts and
    /// chart views; the template escapes every one.
    struct Page {
        struct Tile { let value, key: String }
        struct Group {
            let key: String
            /// More values than ``RoundReport/maxGroupValues``: named, not charted.
            let tooMany: Bool
            let valueCount: String
            let chart: SVGChart.HBars
        }
        struct Quotas {
            let count, met, shown: String
            /// More scopes than ``RoundReport/maxQuotaRows``: the tightest are shown.
            let truncated: Bool
            let noSolution: Bool
            let table: TableView
        }
        struct Unplaced { let counts: String; let table: TableView }
        struct Prices { let lines: [RulePriceText.Line] }
        struct Where { let byHost, bySendingOrg: TableView }
        struct Changes { let kept, counted, counts: String; let nothing: Bool; let table: TableView }
        struct Money { let lead: String; let parts, byCountry, byOrganisation: TableView }

        let title, version, name, status, inputHash, lang: String
        let interrupted, pseudonymised: Bool
        let tiles: [Tile]
        /// Zero or one: what each hard rule costs (none when no price was computed).
        let prices: [Prices]
        /// Zero (nothing placed) or one: who goes where, by host and by sending organisation.
        let whereTables: [Where]
        /// Zero (not re-planned) or one: what changed since the previous round.
        let changes: [Changes]
        /// Zero (no funding file) or one: what the stays cost.
        let money: [Money]
        /// Zero or one of each: none when nothing is placed (or the policy has no quotas, or everyone is placed).
        let rankChart: [SVGChart.VBars]
        let groups: [Group]
        let countryChart: [SVGChart.HBars]
        let timeline: [TimelineChart]
        let quotas: [Quotas]
        let unplaced: [Unplaced]

        init(_ files: ResultFiles, pseudonymised: Bool) {
            let r = files.result, fig = files.figures, inst = r.instance, c = r.candidates
            let hasSolution = r.status == .optimal || r.status == .feasible
            title = tr("allvet report: {0}", inst.name)
            lang = ReportLanguage.current.rawValue
            version = allvetVersion
            name = inst.name
            status = tr(r.status.rawValue)
            interrupted = r.interrupted
            self.pseudonymised = pseudonymised
            inputHash = pseudonymised ? "" : String(files.inputHash.prefix(19))
            let stays = WhoGoesWhere.rows(files)
            whereTables =
                stays.isEmpty
                ? [] : [Where(byHost: WhoGoesWhere.byHost(stays), bySendingOrg: WhoGoesWhere.bySendingOrg(stays))]
            changes = files.changes.map { [ChangesText.section($0, instance: inst)] } ?? []
            money = hasSolution ? files.money.map { [MoneyText.section($0)] } ?? [] : []
            let priceLines = RulePriceText.lines(files)
            prices = priceLines.isEmpty ? [] : [Prices(lines: priceLines)]

            // At a glance.
            let ranks = r.chosen.map { c.ranks[$0] }
            let meanRank = ranks.isEmpty ? nil : Double(ranks.reduce(0, +)) / Double(ranks.count)
            var tiles: [Tile] = [
                Tile(
                    value: tr("{0} of {1}", "\(fig.placed)", "\(fig.participants)"),
                    key: tr(
                        "placed ({0})",
                        HTML.percent(fig.participants == 0 ? nil : Double(fig.placed) / Double(fig.participants)))
                ),
                Tile(value: "\(files.reasons.count)", key: tr("not placed")),
                Tile(value: HTML.num(meanRank), key: tr("mean preference rank")),
                Tile(value: "\(ranks.max() ?? 0)", key: tr("worst rank")),
            ]
            if !fig.quotas.isEmpty {
                tiles.append(
                    Tile(
                        value: tr(
                            "{0} of {1}", "\(fig.quotas.filter { $0.slack >= -1e-9 }.count)", "\(fig.quotas.count)"),
                        key: tr("quota bounds met")))
            }
            for (i, l) in r.levels.enumerated() {
                tiles.append(
                    Tile(
                        value: hasSolution ? HTML.num(fig.levelValues[i], digits: 3) : "–",
                        key: tr("goal {0}: {1} ({2})", "\(i + 1)", tr(l.goal.name), tr(l.status.rawValue))
                            + (hasSolution
                                ? RulePriceText.valueInWords(fig, level: i, policy: r.policy).map { ": " + $0 } ?? ""
                                : ""))
                )
            }
            self.tiles = tiles

            // Ranks.
            rankChart =
                fig.rankHistogram.keys.max().map { worst in
                    [
                        SVGChart.vbars(
                            (1...worst).map { (String($0), Double(fig.rankHistogram[$0] ?? 0)) },
                            xTitle: tr("rank in the participant's preferences (1 = first choice)"))
                    ]
                } ?? []

            // Groups; pseudonymised, only those the policy uses (a name column is never charted).
            let shown =
                pseudonymised ? Set(inst.pseudonymisedGroupKeys(using: r.policy.keysUsed)) : Set(fig.groups.map(\.key))
            groups = fig.groups.filter { shown.contains($0.key) }.map { g in
                let tooMany = g.values.count > RoundReport.maxGroupValues
                return Group(
                    key: g.key, tooMany: tooMany, valueCount: "\(g.values.count)",
                    chart: SVGChart.hbars(
                        tooMany
                            ? []
                            : g.values.map { v in
                                let rate = v.participants == 0 ? 0 : Double(v.placed) / Double(v.participants)
                                return (
                                    v.value, rate,
                                    tr("{0} of {1}", "\(v.placed)", "\(v.participants)") + " (\(HTML.percent(rate)))"
                                )
                            }, maxValue: 1))
            }
            var byHostCountry: [String: Int] = [:]
            for k in r.chosen {
                byHostCountry[inst.hosts[c.offers[c.stays[k].offer.rawValue].host.rawValue].country, default: 0] += 1
            }
            countryChart =
                byHostCountry.isEmpty
                ? []
                : [
                    SVGChart.hbars(
                        byHostCountry.keys.sorted().map { ($0, Double(byHostCountry[$0]!), "\(byHostCountry[$0]!)") },
                        color: SVGChart.palette[2])
                ]

            // Timeline.
            timeline = TimelineChart(files).map { [$0] } ?? []

            // Quotas.
            if fig.quotas.isEmpty {
                quotas = []
            } else {
                var qs = fig.quotas
                let truncated = qs.count > RoundReport.maxQuotaRows
                if truncated {
                    qs = Array(
                        qs.enumerated().sorted { ($0.element.slack, $0.offset) < ($1.element.slack, $1.offset) }.prefix(
                            RoundReport.maxQuotaRows
                        ).map(\.element))
                }
                let table = TableView(
                    [tr("Rule"), tr("Scope"), tr("Bound"), tr("Limit"), tr("Value"), tr("Slack"), ""],
                    qs.map { q in
                        let scope =
                            q.scope.isEmpty
                            ? tr("all") : q.scope.map { "\($0.key)=\($0.value ?? tr("none"))" }.joined(separator: ", ")
                        let mark =
                            q.slack >= -1e-9
                            ? TableView.Cell(tr("met"), mark: "muted")
                            : TableView.Cell(
                                tr(q.soft == nil ? "short by {0}" : "short by {0} (soft)", HTML.num(-q.slack)),
                                mark: "bad")
                        return [
                            .init(q.name, note: RuleSentence.describe(r.policy.quotas[q.quota], q.bound)), .init(scope),
                            .init(q.bound.name), .init(HTML.num(q.bound.limit, digits: 3)),
                            .init(HTML.num(q.value, digits: 3)), .init(HTML.num(q.slack)), mark,
                        ]
                    }, numeric: [3, 4, 5])
                quotas = [
                    Quotas(
                        count: "\(fig.quotas.count)", met: "\(fig.quotas.filter { $0.slack >= -1e-9 }.count)",
                        shown: "\(RoundReport.maxQuotaRows)",
                        truncated: truncated, noSolution: !hasSolution, table: table)
                ]
            }

            // Unplaced.
            if files.reasons.isEmpty {
                unplaced = []
            } else {
                var counts: [String: Int] = [:]
                for x in files.reasons {
                    let filter = String(x.detail.prefix { $0 != ":" })
                    let key = x.kind == .noCandidate ? tr("no candidate ({0})", tr(filter)) : tr(x.kind.rawValue)
                    counts[key, default: 0] += 1
                }
                let rows = files.reasons.map { x in (inst.participants[x.participant.rawValue].id, x) }
                    .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                unplaced = [
                    Unplaced(
                        counts: counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: " · "),
                        table: TableView(
                            [tr("Participant"), tr("Reason"), tr("Detail")],
                            rows.map { [.init($0.0), .init(tr($0.1.kind.rawValue)), .init($0.1.detail)] }))
                ]
            }
        }
    }
}
