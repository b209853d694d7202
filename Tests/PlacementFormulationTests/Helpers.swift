import GLPKSolver
import LinearModel
import PlacementFormulation
import PlacementModel

/// Builders for tiny hand-made rounds. All dates are in 2026; 2026-03-02 is
/// a Monday (week 0 in most tests).
func day(_ s: String) -> Day { Day(iso: s)! }

func participant(
    _ id: String, country: String = "ES", sector: String = "food", from: String = "2026-03-02",
    to: String = "2026-03-29",
    weeks: Int = 1, kind: ParticipantKind = .apprentice, languages: [String: LanguageLevel] = [:],
    birth: String? = nil, needs: [String] = [], attributes: [(name: String, value: AttributeValue)] = [],
    preferences: [String] = []
) -> Participant {
    Participant(
        id: id, kind: kind, country: country, sector: sector, languages: languages, availableFrom: day(from),
        availableTo: day(to), weeks: weeks, birthDate: birth.map(day), needs: needs, attributes: attributes,
        preferences: preferences)
}

func offer(
    _ id: String, sectors: [String] = ["food"], from: String = "2026-03-02", to: String = "2026-03-29",
    capacity: Int = 1,
    total: Int? = nil, languages: [String: LanguageLevel] = [:], minWeeks: Int? = nil, maxWeeks: Int? = nil,
    minAge: Int? = nil, kinds: [ParticipantKind]? = nil, accessibility: [String] = []
) -> Offer {
    Offer(
        id: id, sectors: sectors, languages: languages, from: day(from), to: day(to), capacity: capacity, total: total,
        minWeeks: minWeeks, maxWeeks: maxWeeks, minAge: minAge, kinds: kinds, accessibility: accessibility)
}

func host(_ id: String, country: String = "DE", capacity: Int? = nil, accessibility: [String] = [], offers: [Offer])
    -> Host
{
    Host(id: id, country: country, accessibility: accessibility, capacity: capacity, offers: offers)
}

func round(_ participants: [Participant], _ hosts: [Host]) -> Instance {
    Instance(name: "test", participants: participants, hosts: hosts)
}

/// One place at o1 and one at o2, for a single week; a lists o2 first, b
/// can only go to o2 (sector). Placed first: 2 (a@o1, b@o2), rank then 1.
/// Rank first: 0, placed then 1.
func lexicographicRound() -> Instance {
    let hosts = [
        host("h1", offers: [offer("o1", to: "2026-03-08")]),
        host("h2", offers: [offer("o2", sectors: ["food", "ict"], to: "2026-03-08")]),
    ]
    let ps = [
        participant("a", to: "2026-03-08", preferences: ["o2", "o1"]),
        participant("b", sector: "ict", to: "2026-03-08"),
    ]
    return round(ps, hosts)
}

/// The outcome of solving a tiny round through the direct model and GLPK.
struct Solved {
    var candidates: CandidateSet
    var outcome: LexicographicOutcome
    var instance: Instance

    /// Level values in policy order.
    var values: [Double?] { outcome.levels.map(\.value) }
    var statuses: [LevelOutcome.Status] { outcome.levels.map(\.status) }

    /// Chosen stays as "participant@offer+week".
    var stays: [String] {
        guard let v = outcome.values else { return [] }
        return candidates.stays.indices.filter { v[$0] > 0.5 }.map { k in
            let s = candidates.stays[k]
            return
                "\(instance.participants[s.participant.rawValue].id)@\(candidates.offers[s.offer.rawValue].offer.id)+\(s.start)"
        }.sorted()
    }

    var placed: Set<String> { Set(stays.map { String($0.split(separator: "@")[0]) }) }
}

func solve(_ instance: Instance, _ policy: Policy = .default) throws -> Solved {
    let c = CandidateSet(instance: instance, policy: policy)
    let f = DirectFormulation(instance: instance, policy: policy, candidates: c)
    let objectives = policy.objective.enumerated().map {
        f.objective(for: $1, level: $0, instance: instance, candidates: c)
    }
    let driver = LexicographicDriver(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget(limit: 30))
    let outcome = try driver.solve(f.model, objectives: objectives)
    return Solved(candidates: c, outcome: outcome, instance: instance)
}
