import Foundation
import GLPKSolver
import LinearModel
import PlacementFormulation
import PlacementModel
import Testing

/// The decomposition solves the second level with the first held at the
/// first master's bound; when no schedulable solution reaches that bound it
/// must fall back to solving the first level on its own.
@Suite struct OptimisticHoldTests {
    /// Lines the decomposition logs, and its outcome.
    func decomposed(_ instance: Instance, _ policy: Policy = .default) throws -> (DecomposedSolve.Outcome, [String]) {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func add(_ s: String) { lock.lock(); text += s; lock.unlock() }
        }
        let lines = Lines()
        var options = SolverOptions(timeLimit: 30)
        options.log = { lines.add($0) }
        let c = CandidateSet(instance: instance, policy: policy)
        let clock = ContinuousClock()
        let t0 = clock.now
        let outcome = try DecomposedSolve(solver: GLPKSolver(), options: options).solve(instance: instance, policy: policy, candidates: c, clock: {
            let d = clock.now - t0
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        })
        return (outcome, lines.text.split(separator: "\n").map(String.init))
    }

    @Test func boundNotReachedFallsBackToTheFirstLevel() throws {
        // Offer window of 6 weeks (2026-03-02…04-12), capacity 1; a, b, c want 3 weeks each.
        // No single week is occupied whatever the start, so the master's bound is placed = 3;
        // only two stays fit one after the other (weeks 0–2 and 3–5): placed = 2, rank 0.
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3) }
        let r = round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1)])])
        let (outcome, log) = try decomposed(r)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [2, 0])
        #expect(log.contains { $0.contains("held at its bound 3") }, "the optimistic hold is tried")
        #expect(log.contains { $0.contains("cannot reach its bound 3") }, "and abandoned")
        #expect(try solve(r).values == [2, 0], "the direct model agrees")
    }

    @Test func boundReachedProvesBothLevels() throws {
        // As above with a second offer of capacity 1 over the same weeks, ranked second by all:
        // three are placed (two at o, one at o2); rank = 1 (one second choice).
        let ps = ["a", "b", "c"].map { participant($0, to: "2026-04-12", weeks: 3, preferences: ["o", "o2"]) }
        let r = round(ps, [host("h", offers: [offer("o", to: "2026-04-12", capacity: 1), offer("o2", to: "2026-04-12", capacity: 1)])])
        let (outcome, log) = try decomposed(r)
        #expect(outcome.levels.map(\.status) == [.optimal, .optimal])
        #expect(outcome.levels.map(\.value) == [3, 1])
        #expect(outcome.levels[0].bound == 3)
        #expect(!log.contains { $0.contains("cannot reach its bound") })
        #expect(try solve(r).values == [3, 1], "the direct model agrees")
    }
}
