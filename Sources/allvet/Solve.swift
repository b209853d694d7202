import AllVET
import ArgumentParser
import Foundation

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a placement round and write a results folder.",
        discussion: """
            Writes OUT/assignments.csv (one row a stay), OUT/unplaced.csv (each unplaced \
            participant with the reason) and OUT/summary.json (status, the value and bound of \
            every goal, quotas, groups, ranks, offer use, model size, timings) and OUT/report.html \
            (the same for a person to read, with charts; see --pseudonymise). The folder is \
            written whole or not at all; an existing folder that allvet did not write is never \
            replaced. Ctrl-C stops the solve and writes the best solution found so far.
            """
    )

    @Argument(help: "The round: a JSON instance file (allvet-instance/1) or a folder of CSV files.")
    var instance: String

    @Option(help: "A policy file (allvet-policy/1). Default: goals [placed, rank], require_abroad, no quotas.")
    var policy: String?

    @Option(help: "The results folder to write.")
    var out: String

    @Option(name: .customLong("time-limit"), help: "Seconds for the whole solve, all goals together (default: the policy's limits.time_s, else none).")
    var timeLimit: Double?

    @Option(help: "Relative MIP gap at which a goal counts as solved (default: the policy's limits.mip_gap, else 0).")
    var gap: Double?

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Replace participant ids in report.html by stable pseudonyms (for reports that leave the organisation; the CSV and JSON files keep the real ids).")
    var pseudonymise = false

    func validate() throws {
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds.") }
        if let g = gap, !(g >= 0 && g <= 1) { throw ValidationError("--gap must be a number from 0 to 1.") }
    }

    func run() throws {
        let input = try loadInputs(instance: instance, policy: policy, quiet: quiet)
        var options = EngineOptions.resolved(policy: input.policy, timeLimit: timeLimit, mipGap: gap)
        if verbose { options.log = { line in Terminal.error(line.hasSuffix("\n") ? String(line.dropLast()) : line) } }
        installInterruptHandlers()
        options.shouldStop = { stopRequested.load(ordering: .relaxed) }
        let result: RoundResult
        do {
            result = try Engine().solve(input.instance, policy: input.policy, options: options)
        } catch {
            Terminal.error("allvet: the solver failed: \(error)")
            throw Exit.failure
        }
        var timings = Timings()
        timings.read = input.seconds
        timings.build = result.buildSeconds
        timings.solve = result.levels.map(\.seconds)
        let writeClock = Date()
        let files = ResultFiles(result: result, inputHash: input.hash)
        timings.write = Date().timeIntervalSince(writeClock)  // composing the files; the disk write follows
        do {
            try ResultsFolder.write([("assignments.csv", files.assignments), ("unplaced.csv", files.unplaced),
                                     ("summary.json", files.summary(timings: timings).rendered()),
                                     ("report.html", RoundReport(files: files, pseudonymise: pseudonymise).html)], to: out)
        } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
        if !quiet { print(Self.overview(files, out: out)) }
        switch result.status {
        case .optimal, .feasible: if result.interrupted { throw Exit.interrupted }
        case .infeasible: throw Exit.infeasible
        case .timeLimit: throw result.interrupted ? Exit.interrupted : Exit.timeLimit
        }
    }

    static func overview(_ files: ResultFiles, out: String) -> String {
        let r = files.result
        var lines = ["\(r.instance.name): \(r.status.rawValue)\(r.interrupted ? " (interrupted: best solution so far)" : ""); placed \(r.chosen.count) of \(r.instance.participants.count)"]
        let figures = files.figures
        for (i, l) in r.levels.enumerated() {
            let v = (r.status == .optimal || r.status == .feasible) ? JSONOutput.format(figures.levelValues[i]) : "-"
            lines.append("  \(l.goal.name): \(v) (\(l.status.rawValue))")
        }
        lines.append("results in \(out)")
        return lines.joined(separator: "\n")
    }
}
