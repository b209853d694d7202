import AllVET
import ArgumentParser

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a results folder against its round and policy, independently of the solver.",
        discussion: """
            Re-reads RESULTS (assignments.csv, unplaced.csv, summary.json) and checks, from the \
            rules of the allvet model and sharing no code with the solver: every stay is a \
            candidate under all ten filters; starts are Mondays and ends the Sunday the weeks \
            give; ranks are right; nobody is placed twice and everybody is either placed or \
            listed as unplaced, once; every offer and host capacity in every week, every total, \
            and every hard quota in every scope holds; no_candidate reasons are true and name \
            the right filter; and the figures of summary.json (placed, participants, the value \
            of every goal, ranks, quota values and slacks, offer use, groups, unplaced counts) \
            equal those recomputed from the stays; each goal's bound and gap agree with its value; \
            and the results were written for this round and policy (summary.json's input_hash).

            Prints "verified: N stays, every rule holds" (exit 0), or every violation with the \
            file, the row or participant and the rule (exit 4). When every rule holds but \
            summary.json differs from the stays (a hand-edited assignments.csv, or figures \
            written by other code), it lists the figures that differ (exit 5). Results of another \
            tool are judged on their stays: assignments.csv alone is enough; without \
            unplaced.csv the others count as unplaced, and only the keys a summary.json holds are \
            compared. Use the same policy as the solve. Locks and bans are rules like the others; \
            for a re-planned round (--previous) the changes goal is recomputed from the earlier \
            results. With a funding file (--funding, default: summary.json's inputs.funding) every \
            cost column of assignments.csv, the cost goal, summary.json's funding and the budget \
            are recomputed from the stays.
            """
    )

    @Argument(help: "The round: a JSON instance file, a folder of CSV files or a workbook (.xlsx).")
    var instance: String

    @Argument(help: "The results folder written by `allvet solve`.")
    var results: String

    @Option(help: "The policy the results were solved under (default: the default policy).")
    var policy: String?

    @OptionGroup var input: EncodingOption

    @Option(
        help: ArgumentHelp(
            "For a re-planned round: the earlier results it was re-planned from (as solve --previous). Default: the "
                + "folder summary.json names under inputs.previous, when it is still there.",
            valueName: "results-dir"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "The funding file the results were solved with (as solve --funding). Default: the file summary.json "
                + "names under inputs.funding, when it is still there.", valueName: "file"))
    var funding: String?

    func run() throws {
        var input = try loadInputs(instance: instance, policy: policy, encoding: input.encoding, quiet: true)
        var previous = self.previous
        if previous == nil, let named = ResultsReload.previousInput(folder: results) {
            previous = named
            Terminal.error(
                "allvet: re-planned results: the changes are judged against \(named) (summary.json inputs.previous)")
        }
        input = try replan(input, previous: previous, quiet: true)
        var funding = self.funding
        if funding == nil, let named = ResultsReload.fundingInput(folder: results) {
            funding = named
            Terminal.error("allvet: costs are recomputed with \(named) (summary.json inputs.funding)")
        }
        input = try fund(input, funding: funding, quiet: true)
        var verifier = ResultsVerifier(instance: input.instance, policy: input.policy)
        verifier.expectedInputHash = input.hash
        let report = verifier.verify(ResultsText.read(folder: results))
        Terminal.out(report.text)
        if !report.rulesHold { throw Exit.verifyFailed }
        if !report.holds { throw Exit.figuresDiffer }
    }
}
