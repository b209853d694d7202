import AllVET
import ArgumentParser

/// Reads the instance and policy, prints warnings, and turns input errors
/// into exit code 65 with every diagnostic on standard error.
func loadInputs(instance: String, policy: String?, encoding: CSVEncoding = .automatic, quiet: Bool = false) throws
    -> LoadedInput
{
    do {
        let input = try InputLoader.load(instance: instance, policy: policy, encoding: encoding)
        if !quiet { for w in input.warnings { Terminal.error(w.description) } }
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
