import PlacementModel
import PlacementResults

/// The report's money (rounds.md, section 4): what the stays cost in all
/// and against the budget, by part, and per sending country and
/// organisation, from `summary.json`'s `funding` figures (``RoundMoney``).
enum MoneyText {
    static func amount(_ c: Cents, _ currency: String) -> String { currency + " " + HTML.localised(c.euroLiteral) }

    static func section(_ m: RoundMoney) -> RoundReport.Page.Money {
        let cur = m.currency
        var lead = tr("The stays cost {0} in all.", amount(m.all.total, cur))
        if let budget = m.budget, let left = m.left {
            lead +=
                " "
                + (left >= 0
                    ? tr("The budget of {0} leaves {1}.", amount(budget, cur), amount(left, cur))
                    : tr("The budget of {0} is exceeded by {1}.", amount(budget, cur), amount(-left, cur)))
        }
        let parts = TableView(
            [tr("Part"), tr("Amount")],
            [
                (tr("Travel"), m.all.travel), (tr("Individual support"), m.all.individual),
                (tr("Organisational support"), m.all.organisational), (tr("Inclusion support"), m.all.inclusion),
                (tr("Total"), m.all.total),
            ].map { [.init($0.0), .init(amount($0.1, cur))] }, numeric: [1])
        func table(_ first: String, _ rows: [(String, RoundMoney.Parts)]) -> TableView {
            TableView(
                [
                    first, tr("Stays"), tr("Travel"), tr("Individual support"), tr("Organisational support"),
                    tr("Inclusion support"), tr("Total"),
                ],
                rows.map { name, p in
                    [.init(name.isEmpty ? "–" : name), .init("\(p.stays)")]
                        + [p.travel, p.individual, p.organisational, p.inclusion, p.total].map {
                            .init(amount($0, cur))
                        }
                }, numeric: Set(1...6))
        }
        return RoundReport.Page.Money(
            lead: lead, parts: parts, byCountry: table(tr("Country"), m.byCountry.map { ($0.country, $0.parts) }),
            byOrganisation: table(tr("Sending organisation"), m.byOrganisation.map { ($0.organisation, $0.parts) }))
    }
}
