import AllVET
import Foundation
import Testing

/// Solves `instance` under `policy` with the direct model (the reference)
/// and the pair decomposition, `limit` seconds each (120 by default), and expects both proven optimal
/// with the same value on every level (within ruling 6's tolerance).
/// Returns both results and the figures recomputed from their stays.
func expectSameOptima(_ instance: Instance, _ policy: Policy, label: String, limit: Double = 120) throws -> (
    direct: RoundResult, decomposed: RoundResult, levels: [Double]
) {
    var direct = EngineOptions(timeLimit: limit)
    direct.method = .direct
    var decomposed = EngineOptions(timeLimit: limit)
    decomposed.method = .decomposed
    let clock = ContinuousClock()
    let t0 = clock.now
    let a = try Engine().solve(instance, policy: policy, options: direct)
    let t1 = clock.now
    let b = try Engine().solve(instance, policy: policy, options: decomposed)
    print("\(label): direct \(t1 - t0), decomposed \(clock.now - t1)")
    #expect(a.status == .optimal, "\(label): direct \(a.status)")
    #expect(b.status == .optimal, "\(label): decomposed \(b.status)")
    let fa = RoundFigures(instance: instance, policy: policy, candidates: a.candidates, chosen: a.chosen)
    let fb = RoundFigures(instance: instance, policy: policy, candidates: b.candidates, chosen: b.chosen)
    #expect(fa.levelValues.count == fb.levelValues.count)
    for (x, y) in zip(fa.levelValues, fb.levelValues) {
        #expect(abs(x - y) <= 1e-6 * max(1, abs(x)), "\(label): direct \(fa.levelValues) decomposed \(fb.levelValues)")
    }
    return (a, b, fa.levelValues)
}
