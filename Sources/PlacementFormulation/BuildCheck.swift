import LinearModel

/// Lets model building stop when the run's budget is spent (the time limit,
/// Ctrl-C): a model blown up by a typo (a year 2926 in a round gives
/// millions of candidate stays) took a minute to build past a 30-second
/// limit. Building loops call ``spent(after:)`` once an element; it polls the
/// budget every ``every`` calls, so that the clock costs nothing
/// measurable on ordinary rounds. Once spent it stays spent, and the
/// builder leaves the rest out and says so (`stopped`); the caller reports
/// the run as stopped before any solution, never solves the partial model.
struct BuildCheck {
    let budget: SolveBudget?
    static let every = 4_096
    private var calls = 0
    private(set) var stopped = false

    init(_ budget: SolveBudget?) { self.budget = budget }

    /// Whether building must stop now, after `work` more elements (a row
    /// over many stays counts as many).
    mutating func spent(after work: Int = 1) -> Bool {
        if stopped { return true }
        guard let budget else { return false }
        calls += work
        guard calls >= Self.every else { return false }
        calls = 0
        stopped = budget.isExhausted
        return stopped
    }
}
