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
            let name = "Rule \(p.name) (\(words.prefix(1).lowercased() + words.dropFirst()))"
            guard let price = p.price else {
                return Line(text: "\(name): what it costs was not found in the time left.", mark: "")
            }
            let held = files.reasons.filter { $0.kind == .quota && $0.quotas.contains(p.quota) }.count
            let qualifier =
                switch p.certainty {
                case .exact: "exactly"
                case .atLeast: "at least"
                case .estimate: "about"
                }
            if price <= 0 {
                let tail = p.certainty == .exact ? "" : " (none better was found in the time left)"
                return Line(
                    text: inPeople
                        ? "\(name) costs no placement: without it, no more people could be placed\(tail)."
                        : "\(name) costs nothing in the first goal (\(goal.name))\(tail).",
                    mark: "muted")
            }
            var text =
                inPeople
                ? "\(name) keeps \(qualifier) \(count(price, "person", "people")) unplaced who could be placed "
                    + "without it."
                : "\(name) costs \(qualifier) \(HTML.num(price)) points of the first goal (\(goal.name))."
            if held > 0 {
                text +=
                    " \(count(Double(held), "person is", "people are")) unplaced although a place they could take "
                    + "stays empty: the rule forbids filling it."
            }
            return Line(text: text, mark: "bad")
        }
    }

    static func count(_ n: Double, _ one: String, _ many: String) -> String {
        "\(HTML.num(n)) \(n == 1 ? one : many)"
    }
}
