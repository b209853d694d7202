import Foundation
import GLPKSolver
import LinearModel
import Testing

/// All 60 OR-Library GAP instances gap1–gap12 solved to proven optimality,
/// with the published optima. Prints the time per file and the total.
@Suite(.serialized)
struct GAPTests {
    @Test(arguments: 1...12)
    func orLibraryFile(_ number: Int) throws {
        let problems = try GAPInstances.load(number)
        #expect(problems.count == 5)
        var times: [Double] = []
        for (k, problem) in problems.enumerated() {
            let model = GAPInstances.model(problem, name: "gap\(number)-\(k + 1)")
            let clock = ContinuousClock()
            var result: SolveResult?
            let elapsed = try clock.measure {
                result = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60))
            }
            times.append(Double(elapsed / .milliseconds(1)) / 1000)
            let r = try #require(result)
            #expect(r.termination == .optimal, "gap\(number)-\(k + 1): \(r.termination) \(r.message)")
            #expect(r.objective == GAPInstances.optima[number - 1][k], "gap\(number)-\(k + 1)")
            #expect(model.maxViolation(r.values) <= 1e-6, "gap\(number)-\(k + 1)")
        }
        print(
            "GAP gap\(number): " + times.map { String(format: "%.2fs", $0) }.joined(separator: " ")
                + String(format: " total %.2fs max %.2fs", times.reduce(0, +), times.max() ?? 0))
    }
}
