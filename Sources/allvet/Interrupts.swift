import Foundation
import Synchronization

/// Set by SIGINT or SIGTERM; the solver polls it and stops, keeping the best
/// solution found so far.
let stopRequested = Atomic<Bool>(false)

/// Routes Ctrl-C and SIGTERM to `stopRequested` instead of killing the
/// process, so that the best solution so far can still be written whole.
///
/// The two signals are also unblocked: a process inherits its parent's
/// signal mask, and a parent that spawns allvet from a thread with them
/// blocked (Dispatch worker threads block them) would otherwise leave
/// Ctrl-C and SIGTERM pending until the time limit.
func installInterruptHandlers() {
    signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
    signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
