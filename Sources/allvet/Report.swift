import AllVET
import ArgumentParser
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render report.html (or a sweep's comparison.html) again from results, without solving.",
        discussion: """
            For a results folder of `allvet solve`, the stays of assignments.csv and the levels, \
            status and rule prices of summary.json are read with the round they were solved from, \
            and report.html is rendered again: pseudonymised, say, for a partner, from the same \
            solve. The round and policy are the files summary.json names (`inputs`; a scenario's own \
            policy.json first); --round and --policy give them when they moved. They must be the \
            same round and policy: the input hash is compared.

            For a sweep folder (one with sweep.json), comparison.html is rendered again from the \
            scenario folders.

            The output is a new file beside the results unless --out says otherwise: \
            report-pseudonymised.html for --pseudonymise, report.es.html for --lang es, \
            report-pseudonymised.es.html for both; comparison….html for a sweep. The results \
            themselves are never changed.

            Examples:
              allvet report results/spring --pseudonymise
              allvet report results/spring --pseudonymise --lang pt
              allvet report results/spring --round moved/round.json --out /tmp/report.html
            """
    )

    @Argument(help: "A results folder of `allvet solve`, or a sweep folder.")
    var results: String

    @Option(help: "The round the results were solved from (default: the one summary.json names).")
    var round: String?

    @Option(help: "The policy they were solved from (default: the one summary.json names; none: the default).")
    var policy: String?

    @OptionGroup var input: EncodingOption

    @Flag(help: "Replace participant ids by pseudonyms and chart only the attributes the policy uses.")
    var pseudonymise = false

    @Option(help: ArgumentHelp("The report's language: en, es, pt, fi, pl or de.", valueName: "lang"))
    var lang: ReportLanguage = .en

    @Option(help: "The file to write (default: beside the results, see above).")
    var out: String?

    func run() throws {
        let isSweep = FileManager.default.fileExists(
            atPath: URL(fileURLWithPath: results).appendingPathComponent("sweep.json").path)
        let name =
            (isSweep ? "comparison" : "report") + (pseudonymise ? "-pseudonymised" : "")
            + (lang == .en ? "" : "." + lang.rawValue) + ".html"
        let target = out ?? URL(fileURLWithPath: results).appendingPathComponent(name).path
        if !isSweep && out == nil && !pseudonymise && lang == .en {
            Terminal.error(
                "allvet: the results already hold report.html; give --pseudonymise, --lang or --out to write another report"
            )
            throw ExitCode.validationFailure
        }
        let html: String
        if isSweep {
            let manifest: SweepManifest
            do throws(InputError) { manifest = try SweepManifest.read(folder: results) } catch {
                for d in error.diagnostics { Terminal.error(d.description) }
                throw Exit.inputError
            }
            html = SweepComparison(manifest: manifest, folders: [results], pseudonymised: pseudonymise).html(
                language: lang)
        } else {
            let named: (instance: String?, policy: String?)
            do { named = try ResultsReload.inputs(folder: results) } catch {
                Terminal.error("allvet: \(error)")
                throw Exit.inputError
            }
            guard let roundPath = round ?? named.instance else {
                Terminal.error("allvet: \(results): summary.json names no round; give it with --round")
                throw Exit.inputError
            }
            var loaded = try loadInputs(
                instance: roundPath, policy: policy ?? named.policy, encoding: input.encoding, quiet: true)
            // A re-planned round is reloaded with the earlier results it was re-planned from.
            loaded = try replan(loaded, previous: ResultsReload.previousInput(folder: results), quiet: true)
            // And a funded one with its funding file, so that the money is shown again.
            loaded = try fund(loaded, funding: ResultsReload.fundingInput(folder: results), quiet: true)
            let files: ResultFiles
            do { files = try ResultsReload.files(folder: results, input: loaded) } catch {
                Terminal.error("allvet: \(error)")
                throw Exit.inputError
            }
            html = RoundReport(files: files, pseudonymise: pseudonymise, language: lang).html
        }
        do { try OutputFiles.writeFile(Array(html.utf8), to: target, force: true) } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
        Terminal.out("report in \(target)")
    }
}
