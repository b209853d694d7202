import AllVET
import ArgumentParser

/// Reads the instance and policy, prints warnings, and turns input errors
/// into exit code 65 with every diagnostic on standard error.
func loadInputs(instance: String, policy: String?, encoding: CSVEncoding = .automatic, quiet: Bool = false) throws
    -> LoadedInput
{
    do {
        let input = try InputLoader.load(instance: instance, policy: policy, encoding: encoding)
        if !quiet { printGrouped(input.warnings) }
        return input
    } catch {
        for d in error.diagnostics { Terminal.error(d.description) }
        let n = error.errors.count
        Terminal.error(
            "allvet: \(n) error\(n == 1 ? "" : "s") in the input; nothing was solved. Fix the places named above and run again."
        )
        throw Exit.inputError
    }
}

/// Applies `--previous` (rounds.md, section 3): reads the earlier stays
/// (exit 65 on a bad file) and puts `changes` first when the policy lacks
/// it, saying so. A policy with `changes` and no `--previous` is a usage
/// error (exit 64): there is nothing to keep.
func replan(_ input: LoadedInput, previous: String?, quiet: Bool) throws -> LoadedInput {
    guard let previous else {
        if input.policy.hasChanges {
            Terminal.error(
                "allvet: the policy has the goal changes, which needs the earlier results: add --previous RESULTS_DIR "
                    + "(or take the goal out of the policy).")
            throw Exit.usage
        }
        return input
    }
    do {
        let (out, added) = try InputLoader.replanning(input, previous: previous)
        if added && !quiet {
            Terminal.error(
                "allvet: re-planning from \(previous): the goal changes (keep stay) is put first, before "
                    + input.policy.objective.map(\.name).joined(separator: ", ") + ".")
        }
        return out
    } catch {
        for d in error.diagnostics { Terminal.error(d.description) }
        Terminal.error("allvet: the earlier results named by --previous cannot be read; nothing was solved.")
        throw Exit.inputError
    }
}

extension CSVEncoding: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}

/// `--encoding`, for the commands that read a round.
struct EncodingOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The encoding of a CSV folder's files: auto (UTF-8, UTF-16 with a byte-order mark, else Windows-1252), "
                + "utf-8, utf-16 or windows-1252.", valueName: "encoding"))
    var encoding: CSVEncoding = .automatic
}

extension CSVOutputDialect: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}

/// Warnings grouped by kind (``DiagnosticCap/kind(_:)``: the message
/// without its quoted texts and numbers), kinds in the order first seen,
/// each group of more than one under a line that counts it, so that 40
/// warnings of three kinds read as three things to fix.
func printGrouped(_ warnings: [Diagnostic]) {
    var order: [String] = []
    var groups: [String: [Diagnostic]] = [:]
    for w in warnings {
        let k = DiagnosticCap.kind(w)
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(w)
    }
    for k in order {
        let group = groups[k]!
        if group.count > 1, order.count > 1 {
            Terminal.error("allvet: \(group.count) warnings of one kind in \(group[0].file):")
        }
        for w in group { Terminal.error(w.description) }
    }
}

extension ReportLanguage: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}

/// Applies `--funding` (rounds.md, section 4): reads the unit costs and
/// checks that the round has every location they need (exit 65 naming the
/// places). A budget or a `cost` goal without a funding file is a usage
/// error (exit 64): there is nothing to count.
func fund(_ input: LoadedInput, funding: String?, quiet: Bool) throws -> LoadedInput {
    guard let funding else {
        if input.policy.needsFunding {
            let what = input.policy.budget != nil ? "a budget" : "the goal cost"
            Terminal.error(
                "allvet: the policy has \(what), which needs the programme's unit costs: add --funding FILE "
                    + "(an allvet-funding/1 file; docs/funding.md).")
            throw Exit.usage
        }
        return input
    }
    do {
        let out = try InputLoader.funding(input, path: funding)
        if !quiet { printGrouped(Array(out.warnings.dropFirst(input.warnings.count))) }
        return out
    } catch {
        for d in error.diagnostics { Terminal.error(d.description) }
        let n = error.errors.count
        Terminal.error(
            "allvet: \(n) error\(n == 1 ? "" : "s") in the round or the funding file; nothing was solved. Fix the "
                + "places named above and run again.")
        throw Exit.inputError
    }
}

/// `--funding`, for the commands that read a round.
struct FundingOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The programme's unit costs (an allvet-funding/1 file): every stay gets a cost, the policy may set a "
                + "budget and the goal cost, and the results show the money.", valueName: "file"))
    var funding: String?
}
