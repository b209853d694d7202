import GLPKSolver
import LinearModel
import PlacementModel
import Testing

@testable import PlacementFormulation

/// The two scopes of the decomposition's repair (``DecomposedSolve/RepairScope``):
/// the cheap one keeps the groups that scheduled whole, the widened one only
/// their chosen pairs, so a participant of a failing group may move there.
@Suite struct RepairScopeTests {
    /// Offers o1 (host h1) and o2 (host h2), 6 weeks (2026-03-02…04-12) of
    /// capacity 1 each; a, b, c, d want 3 weeks and list o2 first. Two stays
    /// fit one after the other at each offer: placed 4 is the optimum.
    let instance: Instance = {
        let ps = ["a", "b", "c", "d"].map {
            participant($0, to: "2026-04-12", weeks: 3, preferences: ["o2", "o1"])
        }
        return round(
            ps,
            [
                host("h1", offers: [offer("o1", to: "2026-04-12", capacity: 1)]),
                host("h2", offers: [offer("o2", to: "2026-04-12", capacity: 1)]),
            ])
    }()

    /// A master solution with a at o1 and b, c, d at o2: o1's group
    /// schedules, o2's does not (9 weeks of stays in 6). Placed 3 is the
    /// incumbent. Returns the repair of it within `scope` (or both, as
    /// ``DecomposedSolve/repairs`` tries them when `stalled`).
    func repaired(_ scope: DecomposedSolve.RepairScope?, stalled: Bool = false) throws -> DecomposedSolve.Incumbent? {
        let c = CandidateSet(instance: instance, policy: .default)
        let pairs = PairSet(candidates: c)
        let groups = CapacityGroup.groups(instance: instance, candidates: c, pairs: pairs)
        let master = PairMaster(
            instance: instance, policy: .default, candidates: c, pairs: pairs, groups: groups, budget: SolveBudget())
        let solve = DecomposedSolve(solver: GLPKSolver(), options: SolverOptions(), budget: SolveBudget())
        let placed = solve.objective(.placed(weights: []), level: 0, instance: instance, master: master)
        // o2 is everybody's first choice: its pairs have the lower rank.
        let ranks = Set(pairs.pairs.map(\.rank))
        func pair(_ participant: Int, atFirstChoice: Bool) -> Int {
            pairs.pairs.indices.first {
                pairs.pairs[$0].participant == participant
                    && (pairs.pairs[$0].rank == ranks.min()) == atFirstChoice
            }!
        }
        let chosen = [pair(0, atFirstChoice: false)] + (1...3).map { pair($0, atFirstChoice: true) }
        var groupOfPair = [Int?](repeating: nil, count: pairs.pairs.count)
        for (g, group) in groups.enumerated() { for q in group.pairs { groupOfPair[q] = g } }
        try #require(groups.count == 2, "one capacity group per offer")
        let byGroup = groups.map { group in chosen.filter(group.pairs.contains) }
        let failed = [try #require(groupOfPair[chosen[1]])]
        var values = [Double](repeating: 0, count: master.model.columnCount)
        for q in chosen { values[q] = 1 }
        let context = DecomposedSolve.Context(pairs: pairs, groups: groups, groupOfPair: groupOfPair, earlyFrom: 2)
        let incumbent = DecomposedSolve.Incumbent(values: values, starts: [:], value: 3)
        var stats = DecomposedSolve.Statistics()
        var salvages = DecomposedSolve.Salvages(objective: placed, extraRows: [], held: nil)
        guard let scope else {
            return try solve.repairs(
                values, byGroup: byGroup, failed: failed, master: master, extraRows: [], objective: placed,
                incumbent: incumbent, cap: 30, stalled: stalled, context: context, stats: &stats,
                salvages: &salvages)
        }
        return try solve.repair(
            values, byGroup: byGroup, failed: failed, master: master, extraRows: [], objective: placed,
            incumbent: incumbent, cap: 30, scope: scope, context: context, stats: &stats, salvages: &salvages)
    }

    @Test func theCheapRepairKeepsScheduledGroupsWhole() throws {
        // Only b, c, d choose again, and o1 is closed to them: two fit at o2, 3 in all, which
        // does not beat the incumbent.
        #expect(try repaired(.failedGroups) == nil)
    }

    @Test func theWidenedRepairMovesAParticipantToAScheduledGroup() throws {
        // a stays at o1 (its chosen pair is kept); one of b, c, d joins a there (weeks 0–2 and
        // 3–5): placed 4.
        let found = try #require(try repaired(.widened))
        #expect(found.value == 4)
        #expect(found.starts.count == 4)
        let pairs = PairSet(candidates: CandidateSet(instance: instance, policy: .default)).pairs
        let aAtO1 = try #require(found.starts.keys.first { pairs[$0].participant == 0 })
        #expect(pairs[aAtO1].rank == pairs.map(\.rank).max(), "a keeps its pair at o1, its second choice")
        // The two stays at each offer do not overlap: their starts are 3 weeks apart.
        for o in Set(found.starts.keys.map { pairs[$0].offer }) {
            let starts = found.starts.filter { pairs[$0.key].offer == o }.map(\.value).sorted()
            #expect(starts.count == 2 && starts[1] - starts[0] >= 3, "offer \(o): starts \(starts)")
        }
    }

    @Test func theWidenedRepairRunsOnlyWhenTheMasterStalled() throws {
        #expect(try repaired(nil, stalled: false) == nil)
        #expect(try repaired(nil, stalled: true)?.value == 4)
    }

    @Test func aMasterStallsWhenItsOptimumRepeatsTheLastOptimalSolves() {
        func result(_ primal: PrimalStatus, _ objective: Double?) -> SolveResult {
            SolveResult(
                termination: primal == .optimal ? .optimal : .timeLimit, primal: primal, objective: objective,
                bound: nil, values: objective == nil ? [] : [1])
        }
        var watch = DecomposedSolve.StallWatch()
        func observe(_ r: SolveResult) -> Bool { watch.observe(r) }
        #expect(!observe(result(.optimal, 474)), "the first master has nothing to repeat")
        #expect(observe(result(.optimal, 474)))
        #expect(observe(result(.optimal, 474 + 1e-4)), "within 1e-6 of 474, relative")
        #expect(!observe(result(.optimal, 475)))
        #expect(!observe(result(.feasible, 475)), "a solve stopped short does not stall")
        #expect(!observe(result(.feasible, 476)))
        #expect(watch.lastOptimum == 475, "nor is it remembered")
        #expect(!observe(result(.none, nil)))
        #expect(observe(result(.optimal, 475)), "the last optimal solve is what counts")
        #expect(!observe(result(.optimal, 475.01)))
    }
}
