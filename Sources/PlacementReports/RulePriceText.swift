import PlacementEngine
import PlacementModel
import PlacementResults

/// The report's first section: what each hard rule costs, in a sentence
/// built from its price (issue 16). A rule that costs something is
/// highlighted; one that costs nothing is said in a neutral tone.
enum RulePriceText {
    struct Line {
        let text: String
        /// `bad` (it costs placements), `muted` (it costs nothing) or `` (unknown).
        let mark: String
    }

    /// One line per hard rule priced; empty when no price was computed.
    static func lines(_ files: ResultFiles) -> [Line] {
        let policy = files.result.policy
        guard let goal = policy.objective.first else { return [] }
        // Plain `placed` without weights or soft rules counts people; anything else counts the goal's points.
        let inPeople: Bool = {
            guard case .placed(let weights) = goal else { return false }
            return weights.isEmpty && !policy.quotas.contains { $0.soft != nil }
        }()
        return files.prices.map { p in
            let q = policy.quotas[p.quota]
            let words = q.bounds.map { RuleSentence.describe(q, $0).dropLast() }.joined(separator: "; ")
            let name = tr("Rule {0} ({1})", p.name, words.prefix(1).lowercased() + words.dropFirst())
            guard let price = p.price else {
                return Line(text: tr("{0}: what it costs was not found in the time left.", name), mark: "")
            }
            let held = files.reasons.filter { $0.kind == .quota && $0.quotas.contains(p.quota) }.count
            let qualifier =
                switch p.certainty {
                case .exact: tr("exactly")
                case .atLeast: tr("at least")
                case .estimate: tr("about")
                }
            if price <= 0 {
                let exact = p.certainty == .exact
                let text =
                    inPeople
                    ? tr(
                        exact
                            ? "{0} costs no placement: without it, no more people could be placed."
                            : "{0} costs no placement: without it, no more people could be placed (none better was found in the time left).",
                        name)
                    : tr(
                        exact
                            ? "{0} costs nothing in the first goal ({1})."
                            : "{0} costs nothing in the first goal ({1}) (none better was found in the time left).",
                        name, tr(goal.name))
                return Line(text: text, mark: "muted")
            }
            var text =
                inPeople
                ? tr("{0} keeps {1} {2} unplaced who could be placed without it.", name, qualifier, people(price))
                : tr(
                    "{0} costs {1} {2} points of the first goal ({3}).", name, qualifier, HTML.num(price), tr(goal.name)
                )
            if held > 0 {
                text +=
                    " "
                    + (held == 1
                        ? tr(
                            "1 person is unplaced although a place they could take stays empty: the rule forbids filling it."
                        )
                        : tr(
                            "{0} people are unplaced although a place they could take stays empty: the rule forbids filling it.",
                            String(held)))
            }
            return Line(text: text, mark: "bad")
        }
    }

    /// "1 person", "3 people".
    static func people(_ n: Double) -> String { n == 1 ? tr("1 person") : tr("{0} people", HTML.num(n)) }

    /// What the first goal's value is made of, in words, when it is not
    /// simply the number placed (issue 16: a headline "placed 21.292"
    /// explained nothing): "10 people placed, weighted 12.5; soft rules cost
    /// 0.708 points", in ``ReportLanguage/current`` (English for `solve`'s
    /// summary line). nil for any other level, or a plain `placed` goal.
    static func valueInWords(_ fig: RoundFigures, level: Int, policy: Policy) -> String? {
        // A cost level is whole cents: said as money (unless it carries penalties).
        if policy.objective.indices.contains(level), policy.objective[level] == .cost,
            level != policy.penaltyLevel
                || !policy.quotas.contains(where: { $0.soft != nil })
        {
            return "EUR " + Cents(fig.levelValues[level].rounded()).euroText
        }
        // The soft penalties are in the level of rounds.md ruling 20.
        guard level == policy.penaltyLevel, policy.objective.indices.contains(level) else { return nil }
        let goal = policy.objective[level]
        let soft = policy.quotas.contains { $0.soft != nil }
        var weighted = false
        if case .placed(let w) = goal { weighted = !w.isEmpty }
        guard soft || weighted else { return nil }
        var parts: [String] = []
        if case .placed = goal {
            var text = fig.placed == 1 ? tr("1 person placed") : tr("{0} people placed", String(fig.placed))
            if weighted {
                text += tr(
                    ", weighted {0}", HTML.localised(NumberText.shortest(fig.levelValues[level] + fig.softPenalty)))
            }
            parts.append(text)
        }
        if soft {
            parts.append(
                tr(
                    "soft rules cost {0} points",
                    HTML.localised(NumberText.shortest((fig.softPenalty * 1e6).rounded() / 1e6))))
        }
        return parts.joined(separator: "; ")
    }
}
