import AllVET
import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a round and its policy, and show what to know before solving.",
        discussion: """
            Reports every error in the input files (exit code 65) or, when they are valid, the \
            counts per country, sector and kind, compatible offers per participant, how many \
            participants each filter leaves without any offer, and the offers nobody can take. \
            With --funding, also each participant's cheapest and dearest candidate stay and what \
            the round would cost with everyone at either end, against the policy's budget.
            """
    )

    @Argument(help: "The round: a JSON instance file, a folder of CSV files or a workbook (.xlsx).")
    var instance: String

    @Option(help: "A policy file (allvet-policy/1); its filters (require_abroad, only_listed) shape the candidates.")
    var policy: String?

    @OptionGroup var input: EncodingOption

    @OptionGroup var money: FundingOption

    func run() throws {
        var input = try loadInputs(instance: instance, policy: policy, encoding: input.encoding)
        input = try fund(input, funding: money.funding, quiet: false)
        Terminal.out(RoundCheck(instance: input.instance, policy: input.policy).text)
    }
}
