import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// What a solution costs under its funding file (rounds.md, section 4):
/// `summary.json` `funding` and the report's money section. Every figure
/// is a sum of the stays' costs (``RoundFigures/stayCosts``), in cents.
public struct RoundMoney: Sendable {
    public struct Parts: Sendable, Equatable {
        public var travel: Cents = 0
        public var individual: Cents = 0
        public var organisational: Cents = 0
        public var inclusion: Cents = 0
        public var stays = 0
        public var total: Cents { travel + individual + organisational + inclusion }

        mutating func add(_ c: StayCost) {
            travel += c.travel
            individual += c.individual
            organisational += c.organisational
            inclusion += c.inclusion
            stays += 1
        }

        /// Companions count in travel and individual support, not as stays.
        mutating func add(_ c: CompanionCost) {
            travel += Cents(c.count) * c.one.travel
            individual += Cents(c.count) * c.one.individual
        }
    }

    public var currency: String
    public var all = Parts()
    /// Sending country → its stays' costs, countries in code order.
    public var byCountry: [(country: String, parts: Parts)] = []
    /// Sending organisation → its stays' costs, in id order ("" for none).
    public var byOrganisation: [(organisation: String, parts: Parts)] = []
    /// What the companions of the placed groups cost, and how many they are
    /// (also in `all` and under their first member's country and organisation).
    public var companions: Cents = 0
    public var companionCount = 0
    /// `companions.csv` (rounds.md, section 4): one row per placed group
    /// with companions, sorted by group id.
    public var companionsCSV = ""
    /// The policy's budget in cents, rounded down; nil without one.
    public var budget: Cents?
    /// What the budget leaves; nil without one.
    public var left: Cents? { budget.map { $0 - all.total } }

    /// nil without a funding file.
    public init?(result: RoundResult, figures: RoundFigures) {
        guard let funding = result.instance.funding else { return nil }
        currency = funding.currency
        budget = result.policy.budgetCents
        var countries: [String: Parts] = [:], orgs: [String: Parts] = [:]
        for (i, k) in result.chosen.enumerated() {
            let p = result.instance.participants[result.candidates.stays[k].participant.rawValue]
            let c = figures.stayCosts[i]
            all.add(c)
            countries[p.country, default: Parts()].add(c)
            orgs[p.sendingOrg ?? "", default: Parts()].add(c)
        }
        for c in figures.companionCosts {
            let first = result.instance.participants[c.group.members[0].rawValue]
            all.add(c)
            countries[first.country, default: Parts()].add(c)
            orgs[first.sendingOrg ?? "", default: Parts()].add(c)
            companions += c.total
            companionCount += c.count
        }
        companionsCSV = Self.companionsCSV(figures.companionCosts, result.instance)
        func byID(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        byCountry = countries.keys.sorted(by: byID).map { ($0, countries[$0]!) }
        byOrganisation = orgs.keys.sorted(by: byID).map { ($0, orgs[$0]!) }
    }

    /// Each companion's travel and individual support and what one costs,
    /// then `total` for all of the group's companions; money in euros.
    public static let companionColumns = [
        "group_id", "companions", "first_member", "sending_org", "host_id", "distance_km", "travel", "individual",
        "cost", "total",
    ]

    static func companionsCSV(_ list: [CompanionCost], _ instance: Instance) -> String {
        let rows = list.sorted { $0.group.group.id.utf8.lexicographicallyPrecedes($1.group.group.id.utf8) }.map { c in
            let first = instance.participants[c.group.members[0].rawValue]
            return CSVWriter.record(
                [
                    CSVWriter.text(c.group.group.id), String(c.count), CSVWriter.text(first.id),
                    first.sendingOrg.map(CSVWriter.text) ?? "", CSVWriter.text(instance.hosts[c.host].id),
                    String(c.one.distanceKm), c.one.travel.euroLiteral, c.one.individual.euroLiteral,
                    c.one.total.euroLiteral, c.total.euroLiteral,
                ], ending: .lf)
        }
        return CSVWriter.record(companionColumns, ending: .lf) + rows.joined()
    }

    static func json(_ p: Parts) -> [(String, JSONOutput)] {
        [
            ("stays", .int(p.stays)), ("total", .cents(p.total)), ("travel", .cents(p.travel)),
            ("individual", .cents(p.individual)), ("organisational", .cents(p.organisational)),
            ("inclusion", .cents(p.inclusion)),
        ]
    }

    /// `summary.json` `funding`: euros with two decimals.
    public var summary: JSONOutput {
        var fields: [(String, JSONOutput)] = [("currency", .string(currency))] + Self.json(all)
        fields.append(("companions", .cents(companions)))
        fields.append(("companion_persons", .int(companionCount)))
        fields.append(("by_sending_country", .object(byCountry.map { ($0.country, .object(Self.json($0.parts))) })))
        fields.append(
            ("by_sending_org", .object(byOrganisation.map { ($0.organisation, .object(Self.json($0.parts))) })))
        fields.append(("budget", budget.map { .cents($0) } ?? .null))
        fields.append(("left", left.map { .cents($0) } ?? .null))
        return .object(fields)
    }
}
