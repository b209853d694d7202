import AllVET
import ArgumentParser

/// Reads the instance and policy, prints warnings, and turns input errors
/// into exit code 65 with every diagnostic on standard error.
func loadInputs(instance: String, policy: String?, quiet: Bool = false) throws -> LoadedInput {
    do {
        let input = try InputLoader.load(instance: instance, policy: policy)
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
