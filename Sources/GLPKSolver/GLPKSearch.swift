internal import CGLPK
import LinearModel

/// State shared with `glp_intopt`'s callback: progress, the stop request and
/// the start point to inject. Passed to C unretained; the solve keeps it alive.
///
/// The callback never throws and never calls back into a solve; it only
/// records what it saw and calls `glp_ios_terminate` when asked to stop or
/// when it gives up (no incumbent after `giveUpAfterNodes` nodes).
final class GLPKSearch {
    private let progress: (@Sendable (SolverOptions.Progress) -> Void)?
    private let shouldStop: (@Sendable () -> Bool)?
    private let log: GLPKLog
    /// A checked start, 1-based (element 0 unused), in the columns of the
    /// problem the callback sees; nil when there is none to inject.
    private let start: [Double]?
    /// Nodes after which a search with no incumbent gives up (``gaveUp``),
    /// to be started again with the feasibility pump; nil for never.
    private let giveUpAfterNodes: Int?

    private(set) var incumbent: Double?
    /// Best bound over the active nodes, as last seen by the callback.
    private(set) var bound: Double?
    private(set) var nodes = 0
    private(set) var stopRequested = false
    /// Stopped by `giveUpAfterNodes`, not by a stop request.
    private(set) var gaveUp = false
    private var startOffered = false
    /// The parameters of the running `glp_intopt`, which its tree reads
    /// after each callback. GLPK 5.0's cover-cut generator aborts the
    /// process (`glp_add_cols: ncs = 0`) on a problem with no columns, and
    /// its MIP presolver leaves one when it decides every column (a master
    /// whose cutoff and hold rows fix all its pairs; glpsol `--cover` on
    /// the same model aborts too, `--gomory`, `--mir` and `--clique` do
    /// not). Before the root's cut generators start, the callback turns
    /// cover cuts off for such a problem.
    var parameters: UnsafeMutablePointer<glp_iocp>?

    /// Nodes of an earlier search of the same solve (one that gave up):
    /// counts go on from there.
    private let nodesBefore: Int

    init(options: SolverOptions, start: [Double]?, log: GLPKLog, giveUpAfterNodes: Int? = nil, nodesBefore: Int = 0) {
        self.progress = options.progress
        self.shouldStop = options.shouldStop
        self.start = start
        self.log = log
        self.giveUpAfterNodes = giveUpAfterNodes
        self.nodesBefore = nodesBefore
        self.nodes = nodesBefore
    }

    fileprivate func visit(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_ISELECT, let parameters, parameters.pointee.cov_cuts == GLP_ON,
            glp_get_num_cols(glp_ios_get_prob(tree)) == 0
        {
            parameters.pointee.cov_cuts = GLP_OFF
            log.note("cover cuts off: the presolved problem has no columns")
        }
        if reason == GLP_IHEUR, let start, !startOffered {
            // Offered once, at the first heuristic call (the root); GLPK keeps
            // it if it beats the incumbent.
            startOffered = true
            let rc = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
            log.note(rc == 0 ? "start point accepted as incumbent" : "start point not better than the incumbent")
        }
        let problem = glp_ios_get_prob(tree)
        let newIncumbent = glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil
        let best = glp_ios_best_node(tree)
        // A node whose relaxation is not solved yet has the bound ±DBL_MAX: that is "no bound", not a number.
        let newBound = (best != 0 ? glp_ios_node_bound(tree, best) : newIncumbent).flatMap {
            abs($0) < 1e300 ? $0 : nil
        }
        var active: Int32 = 0, alive: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &alive, &total)
        nodes = nodesBefore + Int(total)
        if newIncumbent != incumbent || newBound != bound {
            incumbent = newIncumbent
            bound = newBound
            progress?(SolverOptions.Progress(incumbent: incumbent, bound: bound, nodes: nodes))
        }
        if !stopRequested, shouldStop?() == true {
            stopRequested = true
            glp_ios_terminate(tree)
        }
        if !stopRequested, !gaveUp, let limit = giveUpAfterNodes, incumbent == nil, Int(total) > limit {
            gaveUp = true
            glp_ios_terminate(tree)
        }
    }
}

/// `glp_intopt`'s callback: forwards to the ``GLPKSearch`` in `info`.
let searchCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    Unmanaged<GLPKSearch>.fromOpaque(info).takeUnretainedValue().visit(tree)
}
