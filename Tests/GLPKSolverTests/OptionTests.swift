import Foundation
import GLPKSolver
import LinearModel
import Synchronization
import Testing

/// Options: time limit, stop request, gap, start point, log and progress.
@Suite(.serialized)
struct OptionTests {
    let solver = GLPKSolver()

    /// gap12 problem 3 (10 agents × 60 jobs; about 0.5 s to prove here).
    static func hardGAP() throws -> LinearModel {
        try GAPInstances.model(GAPInstances.load(12)[2], name: "gap12-3")
    }

    @Test func timeLimitReached() throws {
        let model = try Self.hardGAP()
        let r = try solver.solve(model, options: SolverOptions(timeLimit: 0.01))
        #expect(r.termination == .timeLimit, "\(r.termination): \(r.message)")
        #expect(r.primal == .none || r.primal == .feasible)
        if r.primal == .feasible { #expect(model.maxViolation(r.values) <= 1e-6) }
    }

    @Test func shouldStopInterrupts() throws {
        let model = try Self.hardGAP()
        var options = SolverOptions()
        options.shouldStop = { true }
        let r = try solver.solve(model, options: options)
        #expect(r.termination == .interrupted, "\(r.termination): \(r.message)")
        #expect(r.primal == .none || r.primal == .feasible)
    }

    /// A gap of 50 % stops early (or proves optimality); the bound is reported.
    @Test func gapLimit() throws {
        let model = try Self.hardGAP()
        let r = try solver.solve(model, options: SolverOptions(mipGap: 0.5))
        #expect(r.termination == .gapLimit || r.termination == .optimal, "\(r.termination): \(r.message)")
        let objective = try #require(r.objective), bound = try #require(r.bound)
        #expect(objective <= 1433 && bound >= 1433 - 1e-6)  // maximisation: objective ≤ optimum ≤ bound
    }

    /// Depth-first backtracking proves the same optimum (1,433) by another
    /// path: GLPK visits another number of nodes than with its best-bound
    /// backtracking (so the option reaches GLPK).
    @Test func depthFirstSearchesAnotherWayToTheSameOptimum() throws {
        let model = try Self.hardGAP()
        var deep = SolverOptions()
        deep.depthFirst = true
        let best = try solver.solve(model), dived = try solver.solve(model, options: deep)
        #expect(best.termination == .optimal && dived.termination == .optimal)
        #expect(best.objective == 1433 && dived.objective == 1433)
        #expect(best.nodes != dived.nodes, "\(best.nodes) nodes either way")
    }

    /// With no point after `depthFirstAfterNodes` nodes (none here: 0),
    /// the search starts again depth first and proves the same optimum.
    @Test func aSearchWithNoPointStartsAgainDepthFirst() throws {
        let lines = Collector<String>()
        var options = SolverOptions()
        options.depthFirstAfterNodes = 0
        options.log = { line in lines.append(line) }
        let r = try solver.solve(Self.hardGAP(), options: options)
        #expect(r.termination == .optimal && r.objective == 1433)
        #expect(lines.items.contains { $0.contains("starting again depth first") }, "\(lines.items.suffix(5))")
    }

    /// The optimum (4, 0) of ConformanceModels.mip given as start is injected.
    @Test func validStartIsUsed() throws {
        let lines = Collector<String>()
        var options = SolverOptions(start: [4, 0])
        options.log = { line in lines.append(line) }
        let r = try solver.solve(ConformanceModels.mip(), options: options)
        #expect(r.termination == .optimal && r.objective == 20)
        let log = lines.items
        // The LP relaxation (3, 1.5) is fractional, so GLPK asks for heuristics at
        // the root and takes the start (GLPK logs "Solution found by heuristic: 20").
        #expect(log.contains { $0.contains("start point accepted") }, "\(log)")
        #expect(!log.contains { $0.contains("rejected") })
    }

    /// (5, 5) violates both rows: rejected, and the answer is still right.
    @Test func infeasibleStartIsRejected() throws {
        let lines = Collector<String>()
        var options = SolverOptions(start: [5, 5])
        options.log = { line in lines.append(line) }
        let r = try solver.solve(ConformanceModels.mip(), options: options)
        #expect(r.termination == .optimal && r.objective == 20 && r.values == [4, 0])
        #expect(lines.items.contains { $0.contains("start point rejected") })
        let wrongLength = try solver.solve(ConformanceModels.mip(), options: SolverOptions(start: [4]))
        #expect(wrongLength.objective == 20)
    }

    @Test func logReceivesGLPKLines() throws {
        let lines = Collector<String>()
        var options = SolverOptions()
        options.log = { line in lines.append(line) }
        _ = try solver.solve(ConformanceModels.mip(), options: options)
        _ = try solver.solve(ConformanceModels.lp(), options: options)
        let log = lines.items
        // GLPK's progress lines at GLP_MSG_ON: simplex ("obj =") and branch and cut ("mip =").
        #expect(log.contains { $0.contains("mip =") }, "\(log)")
        #expect(log.contains { $0.contains("obj =") }, "\(log)")
        #expect(!log.contains { $0.contains("\n") })
    }

    @Test func progressIsReported() throws {
        let reports = Collector<SolverOptions.Progress>()
        var options = SolverOptions()
        options.progress = { p in reports.append(p) }
        let r = try solver.solve(try Self.hardGAP(), options: options)
        #expect(r.termination == .optimal && r.objective == 1433)
        let all = reports.items
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { ($0.bound ?? .infinity) >= 1433 - 1e-6 })
    }

    /// Without the pump, a search with no incumbent after `pumpAfterNodes`
    /// nodes starts again with it, and still proves the optimum; with a
    /// start (no presolve) the relaxation is solved again first.
    @Test func searchWithoutAnIncumbentStartsAgainWithThePump() throws {
        func run(_ model: LinearModel, start: [Double]? = nil, after nodes: Int?, pump: Bool = false) throws
            -> (SolveResult, [String])
        {
            let lines = Collector<String>()
            var options = SolverOptions(start: start)
            options.feasibilityPump = pump
            options.pumpAfterNodes = nodes
            options.log = { line in lines.append(line) }
            return (try solver.solve(model, options: options), lines.items)
        }
        let again = "starting again with the feasibility pump"
        // The root node is searched before any heuristic: after 0 nodes there is no incumbent.
        let (gap, gapLog) = try run(try Self.hardGAP(), after: 0)
        #expect(gap.termination == .optimal && gap.objective == 1433)
        #expect(gapLog.contains { $0.contains(again) }, "\(gapLog.suffix(5))")
        let (started, startedLog) = try run(ConformanceModels.mip(), start: [4, 0], after: 0)
        #expect(started.termination == .optimal && started.objective == 20 && started.values == [4, 0])
        #expect(startedLog.contains { $0.contains(again) })
        // Given up after real branch and bound (cut rows, then the tree deleted): the nodes of
        // both searches are counted, and the optimum is still proven.
        let (later, laterLog) = try run(try Self.hardGAP(), after: 3)
        #expect(laterLog.contains { $0.contains(again) })
        #expect(later.termination == .optimal && later.objective == 1433)
        #expect(later.nodes > 3, "\(later.nodes) nodes")
        // Never with the pump on, nor without a node count.
        let (pumped, pumpedLog) = try run(ConformanceModels.mip(), after: 0, pump: true)
        #expect(pumped.objective == 20 && !pumpedLog.contains { $0.contains(again) })
        let (plain, plainLog) = try run(ConformanceModels.mip(), after: nil)
        #expect(plain.objective == 20 && !plainLog.contains { $0.contains(again) })
    }

    /// Several threads solve at once, each its own problem and GLPK environment.
    @Test func concurrentSolves() throws {
        let gap = try GAPInstances.load(1)
        let models: [(LinearModel, Double)] =
            [
                (ConformanceModels.lp(), 11), (ConformanceModels.mip(), 20), (ConformanceModels.equalities(), 10.5),
                (ConformanceModels.noRows(), 4),
            ] + gap.enumerated().map { (GAPInstances.model($1, name: "gap1-\($0 + 1)"), GAPInstances.optima[0][$0]) }
        let results = Collector<(Int, Double?)>()
        DispatchQueue.concurrentPerform(iterations: models.count * 3) { k in
            let objective = try? GLPKSolver().solve(models[k % models.count].0, options: SolverOptions()).objective
            results.append((k, objective))
        }
        let got = results.items
        #expect(got.count == models.count * 3)
        for (k, objective) in got { #expect(objective == models[k % models.count].1, "run \(k)") }
    }
}

/// A thread-safe list that log, progress and concurrent closures append to.
final class Collector<T: Sendable>: Sendable {
    private let storage = Mutex<[T]>([])
    func append(_ item: T) { storage.withLock { $0.append(item) } }
    var items: [T] { storage.withLock { $0 } }
}
