import Foundation
import GLPKSolver
import LinearModel

/// GLPK, recording every integer pair master it solves (the model
/// "allvet-pairs", the repairs' copies included) with the options it was
/// given: what the decomposition's tests check of how its masters are
/// asked for (cutoff, hold, start, pump, depth first).
final class MasterRecorder: LinearSolver, @unchecked Sendable {
    struct Master {
        let sense: ObjectiveSense
        let rows: Set<String>
        let options: SolverOptions
        /// Whether the master must beat an incumbent (a `cutoff` row).
        var cutoff: Bool { rows.contains("cutoff") }
    }

    var name: String { "GLPK, recording masters" }
    private let lock = NSLock()
    private var recorded: [Master] = []
    var masters: [Master] { lock.withLock { recorded } }

    func solve(_ model: LinearModel, options: SolverOptions) throws -> SolveResult {
        if model.name == "allvet-pairs", model.hasIntegerColumns {
            let master = Master(sense: model.sense, rows: Set(model.rows.map(\.name)), options: options)
            lock.withLock { recorded.append(master) }
        }
        return try GLPKSolver().solve(model, options: options)
    }
}
