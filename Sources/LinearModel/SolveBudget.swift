import Foundation

/// The one budget of a run: a deadline on one monotonic clock, a stop flag,
/// and where the solver's log and progress go. Every solve of a run — each
/// level, master, repair, group schedule, the elastic re-solve — takes its
/// ``SolverOptions`` from ``options(_:cap:)``, so that `--time-limit` and
/// Ctrl-C reach all of them and no part of the run keeps a clock of its own.
///
/// A budget is a value: copies share the same start, deadline and stop flag.
public struct SolveBudget: Sendable {
    /// When the run started.
    public let clock: Stopwatch
    /// Seconds for the whole run; nil: no limit.
    public let limit: Double?
    /// Polled during every solve and between them; true stops the run.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Receives the solver's log, line by line, when set.
    public var log: (@Sendable (String) -> Void)?
    /// Receives branch-and-bound progress of the solve under way.
    public var progress: (@Sendable (SolverOptions.Progress) -> Void)?

    /// A budget of `limit` seconds (nil: none) starting now.
    public init(limit: Double? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.clock = Stopwatch()
        self.limit = limit
        self.shouldStop = shouldStop
    }

    /// Seconds since the run started.
    public var elapsed: Double { clock.elapsed }

    /// Seconds left; nil without a limit; never negative.
    public var remaining: Double? { limit.map { max(0, $0 - elapsed) } }

    /// Whether a stop was requested from outside (Ctrl-C, SIGTERM).
    public var stopRequested: Bool { shouldStop?() ?? false }

    /// Whether the run must end now: time is up or a stop was requested.
    /// Loops check it between solves; model building checks it between
    /// large steps.
    public var isExhausted: Bool {
        if stopRequested { return true }
        if let left = remaining, left <= 0.001 { return true }
        return false
    }

    /// The options of one solve: `base` (gap, presolve, cuts, start) with
    /// the time left — at most `cap` seconds when given, a part's own
    /// limit — and the budget's stop flag, log and progress.
    public func options(_ base: SolverOptions = SolverOptions(), cap: Double? = nil) -> SolverOptions {
        var o = base
        switch (remaining, cap) {
        case let (left?, cap?): o.timeLimit = min(left, cap)
        case let (left?, nil): o.timeLimit = left
        case let (nil, cap?): o.timeLimit = cap
        case (nil, nil): o.timeLimit = nil
        }
        if let t = o.timeLimit { o.timeLimit = max(0.01, t) }
        o.shouldStop = shouldStop
        o.log = log
        o.progress = progress
        return o
    }

    /// This budget with `report` also receiving progress (after any earlier receiver).
    public func addingProgress(_ report: @escaping @Sendable (SolverOptions.Progress) -> Void) -> SolveBudget {
        var b = self
        let inner = progress
        b.progress = { p in
            inner?(p)
            report(p)
        }
        return b
    }
}

/// Seconds since creation, from the monotonic clock (`DispatchTime`): the
/// one clock of allvet's timings and budgets.
public struct Stopwatch: Sendable {
    public let startNanoseconds = DispatchTime.now().uptimeNanoseconds
    public init() {}
    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - startNanoseconds) / 1e9 }
}
