import Foundation

/// The one path from a round to a results folder, for `allvet solve` and
/// for every scenario of a sweep (which runs `allvet solve` as a child
/// process): solve, compose the files, check them with the independent
/// verifier (``/PlacementVerify/ResultsVerifier``), and write the folder whole or not at all
/// (``/PlacementResults/ResultsFolder``).
///
/// Verification never stops publication: results that break a rule are
/// written with `VERIFICATION-FAILED.txt` beside them, so that what went
/// wrong can be seen, and ``Published/verification`` says so.
public struct Publisher: Sendable {
    public var engine: Engine
    public var options: EngineOptions
    /// Check the files before they are written (`--no-verify` turns it off).
    public var verify = true
    /// Replace participant ids in report.html by stable pseudonyms.
    public var pseudonymise = false
    /// Also write the policy solved under, as `policy.json` (sweep scenarios).
    public var includePolicy = false
    /// How `assignments.csv` and `unplaced.csv` are written (`--csv-dialect`).
    public var csvDialect = CSVOutputDialect.rfc4180
    /// Also write `results.xlsx`: the same tables as one workbook (`--xlsx`).
    public var xlsx = false
    /// Find what each hard rule costs, by re-solving the first level without
    /// it (`--no-rule-prices` turns it off).
    public var rulePrices = true
    /// The language of report.html (`--lang`); the other files stay English.
    public var language: ReportLanguage = .en

    public init(engine: Engine = Engine(), options: EngineOptions) {
        self.engine = engine
        self.options = options
    }

    /// What was published.
    public struct Published: Sendable {
        public var result: RoundResult
        public var files: ResultFiles
        /// nil when verification was turned off.
        public var verification: VerificationReport?
        /// The names of the files written, in order.
        public var written: [String]
    }

    /// Why nothing was published.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// A misuse of the engine (``/PlacementEngine/EngineError``).
        case engine(EngineError)
        /// The solver failed (not infeasibility, not a time limit: those are results).
        case solver(String)
        /// The folder could not be written; an earlier one is left as it was.
        case output(OutputError)

        public var description: String {
            switch self {
            case .engine(let e): e.description
            case .solver(let m): "the solver failed: \(m)"
            case .output(let e): e.description
            }
        }
    }

    /// Solves `input` and writes its results folder to `out`.
    public func publish(_ input: LoadedInput, to out: String) throws(Failure) -> Published {
        let result: RoundResult
        do {
            result = try engine.solve(input.instance, policy: input.policy, options: options)
        } catch let e as EngineError {
            throw .engine(e)
        } catch {
            throw .solver(String(describing: error))
        }
        var timings = Timings()
        timings.read = input.seconds
        timings.build = result.buildSeconds
        timings.solve = result.levels.map(\.seconds)
        var files = ResultFiles(result: result, inputHash: input.hash)
        if let instancePath = input.instancePath {
            files.inputs = (instancePath, input.policyPath, input.previousPath, input.fundingPath)
        }
        if rulePrices {
            let spent = result.buildSeconds + result.levels.reduce(0) { $0 + $1.seconds }
            files.prices = engine.rulePrices(result, options: options, elapsed: spent)
        }
        let compose = Stopwatch()
        timings.write = compose.elapsed  // composing the files; the disk write follows
        let summary = files.summary(timings: timings).rendered()
        let assignments = csvDialect.render(files.assignments), unplaced = csvDialect.render(files.unplaced)
        var written = [
            ("assignments.csv", assignments), ("unplaced.csv", unplaced), ("summary.json", summary),
            ("report.html", RoundReport(files: files, pseudonymise: pseudonymise, language: language).html),
        ]
        if includePolicy { written.append(("policy.json", PolicyJSONWriter.write(input.policy))) }
        if let changes = files.changes { written.append(("changes.csv", csvDialect.render(changes.csv))) }
        if let money = files.money { written.append(("companions.csv", csvDialect.render(money.companionsCSV))) }
        var binary: [(name: String, bytes: [UInt8])] = []
        if xlsx {
            var tables = [("assignments", files.assignments), ("unplaced", files.unplaced)]
            if let changes = files.changes { tables.append(("changes", changes.csv)) }
            if let money = files.money { tables.append(("companions", money.companionsCSV)) }
            guard let workbook = try? ResultsXLSX.bytes(tables) else {
                throw .output(OutputError(path: out, message: "cannot compose results.xlsx (a bug; please report it)"))
            }
            binary.append(("results.xlsx", workbook))
        }
        var verification: VerificationReport? = nil
        if verify {
            var verifier = ResultsVerifier(instance: input.instance, policy: input.policy)
            verifier.expectedInputHash = input.hash
            let report = verifier.verify(
                ResultsText(assignments: assignments, unplaced: unplaced, summary: summary))
            if !report.holds { written.append(("VERIFICATION-FAILED.txt", report.text + "\n")) }
            verification = report
        }
        do {
            try ResultsFolder.write(written, binary: binary, to: out)
        } catch {
            throw .output(error)
        }
        return Published(
            result: result, files: files, verification: verification, written: written.map(\.0) + binary.map(\.name))
    }
}
