import Foundation
import Synchronization

/// Set by SIGINT or SIGTERM; the solver polls it and stops, keeping the best
/// solution found so far.
let stopRequested = Atomic<Bool>(false)

/// Routes Ctrl-C and SIGTERM to `stopRequested` instead of killing the
/// process, so that the best solution so far can still be written whole.
func installInterruptHandlers() {
    signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
    signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
}
