import AllVET
import ArgumentParser
import Foundation

@main
struct AllVETCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allvet",
        abstract: "Optimal placement of VET learners and staff with host companies abroad.",
        discussion: """
            allvet reads a placement round (participants, hosts and their offers) and a policy \
            (filters, goals, equity quotas), finds the best placements by the rules of the \
            allvet model, and writes who goes where and when, why each unplaced person was not \
            placed, and a summary.

            Exit codes (the same for every command):
              0    done: solved (optimal or feasible), or the check/verification passed
              1    failure: a solver or output error (the message says what)
              2    infeasible: the hard rules cannot all be met
              3    time limit reached before any solution was found
              4    verification failed: the results break a rule
              5    verify: every rule holds, but summary.json's figures differ from the stays
              64   usage error: wrong arguments (or a changes goal without --previous)
              65   input error: an instance, policy or earlier results file is invalid
              130  interrupted: the best solution found so far was written, marked as such
            """,
        version: allvetVersion,
        subcommands: [Solve.self, Check.self, Verify.self, Report.self, Generate.self, Export.self, Sweep.self]
    )

    static func main() {
        // `allvet check ... | head` closes the pipe early; without this the next line written would end
        // allvet with SIGPIPE (exit 141) instead of its own exit code. Writes to a closed pipe now just fail.
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}

/// Exit codes scripts can rely on (documented in `allvet --help`).
enum Exit {
    static let failure = ExitCode(1)
    static let infeasible = ExitCode(2)
    static let timeLimit = ExitCode(3)
    static let verifyFailed = ExitCode(4)
    /// `verify`: every rule holds, but summary.json's figures differ from the stays.
    static let figuresDiffer = ExitCode(5)
    /// A usage error found once the inputs are read (a `changes` goal without `--previous`).
    static let usage = ExitCode(64)
    static let inputError = ExitCode(65)
    static let interrupted = ExitCode(130)
}
