import AllVET
import ArgumentParser
import Foundation

extension EngineOptions.Method: ExpressibleByArgument {}

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

            With --previous (re-planning after a host withdraws, say), each stay of the earlier \
            results is kept where the rules allow, and OUT/changes.csv says who changed and why \
            (docs/contract/rounds.md, section 3).

            Before the folder is published, the files are checked by the same independent \
            verifier as `allvet verify` (every stay a candidate, every capacity, total and hard \
            quota, every figure recomputed). On a violation the folder is still written, with \
            VERIFICATION-FAILED.txt listing what broke, and the exit code is 4. --no-verify \
            skips the check (for benchmarks).

            When the round is infeasible, an elastic re-solve names the hard rules that conflict \
            and by how much; they are printed and written to summary.json (`conflicts`), exit 2.

            On a terminal, a progress line on standard error shows the level, incumbent, bound, \
            gap and elapsed time (not with --quiet, nor when standard error is not a terminal).
            """
    )

    @Argument(help: "The round: a JSON instance file (allvet-instance/1), a folder of CSV files or a workbook (.xlsx).")
    var instance: String

    @Option(help: "A policy file (allvet-policy/1). Default: goals [placed, rank], require_abroad, no quotas.")
    var policy: String?

    @OptionGroup var input: EncodingOption

    @Option(help: "The results folder to write.")
    var out: String

    @Option(
        help: ArgumentHelp(
            "Re-plan: the results folder of an earlier solve of this round (or its assignments.csv). Each earlier "
                + "stay is kept where the rules allow: the policy's changes goal, else changes (keep stay) is put "
                + "first. Writes changes.csv, what changed for whom and why.", valueName: "results-dir"))
    var previous: String?

    @OptionGroup var money: FundingOption

    @Option(
        name: .customLong("time-limit"),
        help: "Seconds for the whole solve, all goals together (default: the policy's limits.time_s, else none).")
    var timeLimit: Double?

    @Option(help: "Relative MIP gap at which a goal counts as solved (default: the policy's limits.mip_gap, else 0).")
    var gap: Double?

    @Option(
        help:
            "The formulation: automatic (the pair decomposition, for every goal), direct (the time-indexed reference model) or decomposed (the same as automatic)."
    )
    var method: EngineOptions.Method = .automatic

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(
        name: .customLong("no-verify"),
        help: "Skip the independent verification of the results written (for benchmarks).")
    var noVerify = false

    @Flag(
        help:
            "Replace participant ids in report.html by stable pseudonyms and chart only the attributes the policy uses (for reports that leave the organisation; the CSV and JSON files keep the real ids)."
    )
    var pseudonymise = false

    @Option(
        name: .customLong("csv-dialect"),
        help: ArgumentHelp(
            "How assignments.csv and unplaced.csv are written: rfc4180 (commas, decimal points, UTF-8) or excel-eu "
                + "(semicolons, decimal commas and a byte-order mark, so that a double-click opens them right in "
                + "Excel or LibreOffice where the decimal mark is a comma).", valueName: "dialect"))
    var csvDialect: CSVOutputDialect = .rfc4180

    @Flag(
        help: ArgumentHelp(
            "Also write results.xlsx: the assignments and unplaced tables as one workbook with real dates and "
                + "numbers. On by default when the round is a workbook (.xlsx)."))
    var xlsx = false

    @Option(
        help: ArgumentHelp(
            "The language of report.html: en, es, pt, fi, pl or de (texts, dates, numbers); the CSV and JSON files stay English.",
            valueName: "lang"))
    var lang: ReportLanguage = .en

    @Flag(
        name: .customLong("no-rule-prices"),
        help: ArgumentHelp(
            "Skip finding what each hard quota costs (one re-solve of the first goal per hard quota, within the "
                + "time limit; summary.json quotas[].price and the report's first section)."))
    var noRulePrices = false

    @Flag(
        name: .customLong("keep-policy"),
        help:
            "Also write the policy solved under as policy.json in the results folder (sweeps do, so that each scenario's folder says what it was solved under)."
    )
    var keepPolicy = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty; give the path to write.") }
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds.") }
        if let g = gap, !(g >= 0 && g <= 1) { throw ValidationError("--gap must be a number from 0 to 1.") }
        if let input = OutputFiles.clashes(
            output: out,
            inputs: [instance] + (policy.map { [$0] } ?? []) + (previous.map { [$0] } ?? [])
                + (money.funding.map { [$0] } ?? []))
        {
            throw ValidationError("--out \(out) would replace or write into the input \(input); choose another --out.")
        }
    }

    func run() throws {
        var input = try loadInputs(instance: instance, policy: policy, encoding: input.encoding, quiet: quiet)
        input = try replan(input, previous: previous, quiet: quiet)
        input = try fund(input, funding: money.funding, quiet: quiet)
        var options = EngineOptions.resolved(policy: input.policy, timeLimit: timeLimit, mipGap: gap)
        options.method = method
        if verbose { options.log = { line in Terminal.error(line.hasSuffix("\n") ? String(line.dropLast()) : line) } }
        installInterruptHandlers()
        options.shouldStop = { stopRequested.load(ordering: .relaxed) }
        let progress = ProgressLine(enabled: !quiet && Terminal.stderrIsTerminal)
        if progress.enabled { options.levelProgress = { progress.show($0) } }
        var publisher = Publisher(options: options)
        publisher.verify = !noVerify
        publisher.pseudonymise = pseudonymise
        publisher.csvDialect = csvDialect
        publisher.includePolicy = keepPolicy
        publisher.rulePrices = !noRulePrices
        publisher.language = lang
        publisher.xlsx = xlsx || instance.lowercased().hasSuffix(".xlsx")
        let published: Publisher.Published
        do {
            published = try publisher.publish(input, to: out)
            progress.finish()
        } catch {
            progress.finish()
            Terminal.error("allvet: \(error)")
            if case .engine = error { throw ExitCode.validationFailure }
            throw Exit.failure
        }
        let files = published.files, result = published.result
        if !quiet { Terminal.out(Self.overview(files, out: out)) }
        if let conflicts = result.conflicts {
            for line in ConflictFinder.lines(conflicts) { Terminal.error("allvet: " + line) }
        }
        if let verification = published.verification, !verification.holds {
            Terminal.error(
                "allvet: VERIFICATION FAILED: the results written to \(out) break the rules below; do not use them.")
            Terminal.error(verification.text)
            throw Exit.verifyFailed
        }
        switch result.status {
        case .optimal, .feasible: if result.interrupted { throw Exit.interrupted }
        case .infeasible: throw Exit.infeasible
        case .timeLimit: throw result.interrupted ? Exit.interrupted : Exit.timeLimit
        }
    }

    static func overview(_ files: ResultFiles, out: String) -> String {
        let r = files.result
        var lines = [
            "\(r.instance.name): \(r.status.rawValue)\(r.interrupted ? " (interrupted: best solution so far)" : ""); placed \(r.chosen.count) of \(r.instance.participants.count)"
        ]
        let figures = files.figures
        for (i, l) in r.levels.enumerated() {
            let v = (r.status == .optimal || r.status == .feasible) ? NumberText.shortest(figures.levelValues[i]) : "-"
            let words =
                (r.status == .optimal || r.status == .feasible)
                ? RoundReport.valueInWords(figures, level: i, policy: r.policy).map { ": " + $0 } ?? "" : ""
            lines.append("  \(l.goal.name): \(v) (\(l.status.rawValue))\(words)")
        }
        lines.append("results in \(out)")
        return lines.joined(separator: "\n")
    }
}
