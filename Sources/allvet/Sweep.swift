import AllVET
import ArgumentParser
import Foundation

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve many variants of a policy and compare them: the price of a policy.",
        discussion: """
            SWEEP.json (allvet-sweep/1) names a round, a base policy and scenarios: named \
            changes, and a grid whose values (or combinations, for several keys) each make one \
            scenario. Paths in it are relative to its folder. Keys: require_abroad, only_listed, \
            objective, quotas, limits (replaced whole), limits.time_s, limits.mip_gap, \
            quotas.NAME.FIELD (a bound, soft, who, within; null removes it), objective.GOAL.FIELD.

            Writes OUT/scenarios/NAME/ (a results folder per scenario, with its policy.json and \
            report.html), OUT/comparison.csv (one row a scenario: status, placed, rates per group, \
            mean and worst rank, each quota's value and slack, the loss in placements and in mean \
            rank against the first scenario, solve time), OUT/comparison.html (trade-off curves) \
            and OUT/sweep.json (what --merge needs).

            Each scenario is solved by `allvet solve` in a process of its own (--jobs at once), so \
            its results are verified before they are written, as a single solve's are, and a \
            scenario whose process dies is reported in its row while the others finish. Run the \
            same command again to resume: scenarios whose folder holds a complete result for the \
            same round and policy are skipped. A failing scenario (a bad value, a key that names no \
            quota, a solve that failed or broke a rule) is reported in its row and the others go on.

            Many machines: --shard K/N runs the scenarios whose 0-based index i has i mod N = K \
            (one task of a Slurm array or a Kubernetes indexed Job each); then \
            `allvet sweep --merge DIR... --out DIR` builds the comparison of all shards. See \
            docs/sweeps.md.

            Exit codes: 0 every scenario has a result (infeasible ones included); 1 some scenario \
            failed or, with --merge, some scenario has no folder; 65 the sweep file, round or base \
            policy is invalid; 130 interrupted (run again to resume).
            """
    )

    @Argument(help: ArgumentHelp("The sweep file (allvet-sweep/1). Not with --merge.", valueName: "sweep.json"))
    var sweepFile: String?

    @Option(
        help: ArgumentHelp(
            "The sweep folder to write (with --merge: where the merged comparison goes).", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "Scenarios solved at once, each in a process of its own (default: the machine's cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Run only shard K of N (0 ≤ K < N): the scenarios whose 0-based index i has i mod N = K.", valueName: "K/N")
    )
    var shard: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Join the sweep folders of the shards into one comparison in --out.", valueName: "dir"))
    var merge: [String] = []

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp(
            "Seconds for each scenario's solve (default: each policy's limits.time_s, else none).", valueName: "seconds"
        ))
    var timeLimit: Double?

    @OptionGroup var input: EncodingOption

    @Option(help: "Relative MIP gap for each scenario (default: each policy's limits.mip_gap, else 0).")
    var gap: Double?

    @Flag(
        help:
            "Write the scenarios' report.html with participant pseudonyms, and break comparison.csv and comparison.html down by country, kind, sector and the attributes the policies use only (see docs/reports.md)."
    )
    var pseudonymise = false

    @Option(
        name: .customLong("csv-dialect"),
        help: ArgumentHelp(
            "How comparison.csv and each scenario's CSV files are written: rfc4180 or excel-eu (semicolons, "
                + "decimal commas, a byte-order mark).", valueName: "dialect"))
    var csvDialect: CSVOutputDialect = .rfc4180

    @Option(
        help: ArgumentHelp(
            "The language of comparison.html and the scenarios' report.html: en, es, pt, fi, pl or de.",
            valueName: "lang"))
    var lang: ReportLanguage = .en

    @Flag(help: "Print nothing but errors (no progress lines).")
    var quiet = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty; give the path to write.") }
        if merge.isEmpty && sweepFile == nil {
            throw ValidationError("Give a sweep file, or --merge DIR... to join shards.")
        }
        if !merge.isEmpty && sweepFile != nil {
            throw ValidationError("Give either a sweep file or --merge DIR..., not both.")
        }
        if !merge.isEmpty && (shard != nil || jobs != nil) {
            throw ValidationError("--merge solves nothing: --shard and --jobs do not apply.")
        }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be 1 or more.") }
        if let s = shard, Shard(s) == nil {
            throw ValidationError("--shard must be K/N with whole numbers 0 ≤ K < N, e.g. 0/4.")
        }
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds.") }
        if let g = gap, !(g >= 0 && g <= 1) { throw ValidationError("--gap must be a number from 0 to 1.") }
    }

    func run() throws {
        if !merge.isEmpty { return try runMerge() }
        let plan: SweepPlan
        do throws(InputError) {
            plan = try SweepPlan.load(SweepSpec.read(path: sweepFile!), encoding: input.encoding)
        } catch {
            reportInputError(error)
            throw Exit.inputError
        }
        if !quiet { for w in plan.warnings { Terminal.error(w.description) } }
        try checkOutFolder()
        var runner = SweepRunner(
            plan: plan, out: out, executable: Self.executable,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard.flatMap(Shard.init))
        runner.timeLimit = timeLimit
        runner.mipGap = gap
        runner.pseudonymise = pseudonymise
        runner.csvDialect = csvDialect
        runner.reportLanguage = lang == .en ? nil : lang.rawValue
        installInterruptHandlers()
        runner.shouldStop = { stopRequested.load(ordering: .relaxed) }
        let quiet = self.quiet
        runner.progress = { line in if !quiet { Terminal.error(line) } }
        let runs: [ScenarioRun]
        do { runs = try runner.run() } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
        let comparison = SweepComparison(
            manifest: plan.manifest, folders: [out], indices: runner.indices, pseudonymised: pseudonymise)
        try writeComparison(comparison, manifest: plan.manifest)
        let failed = runs.filter { if case .failed = $0.outcome { true } else { false } }
        let skipped = runs.filter { $0.outcome == .skipped }.count
        let interrupted = stopRequested.load(ordering: .relaxed)
        if !quiet {
            var line = "\(runner.indices.count) scenario\(runner.indices.count == 1 ? "" : "s")"
            if let s = runner.shard { line += " (shard \(s) of \(plan.spec.scenarios.count))" }
            line += ": \(runs.count - skipped - failed.count) solved, \(skipped) already done, \(failed.count) failed"
            if interrupted {
                line += ", \(runner.indices.count - runs.count) not started (interrupted; run again to resume)"
            }
            Terminal.out(line)
            Terminal.out(
                "comparison in \((out as NSString).appendingPathComponent("comparison.csv")) and comparison.html")
        }
        if interrupted { throw Exit.interrupted }
        if !failed.isEmpty {
            Terminal.error(
                "allvet: \(failed.count) scenario\(failed.count == 1 ? "" : "s") failed (see the error column): "
                    + failed.prefix(5).map(\.name).joined(separator: ", ") + (failed.count > 5 ? ", …" : ""))
            throw Exit.failure
        }
    }

    func runMerge() throws {
        var manifests: [SweepManifest] = []
        do throws(InputError) {
            for d in merge { manifests.append(try SweepManifest.read(folder: d)) }
        } catch {
            reportInputError(error)
            throw Exit.inputError
        }
        if let i = manifests.firstIndex(where: { $0.sweepHash != manifests[0].sweepHash }) {
            Terminal.error(
                "allvet: \(merge[i]) is from another sweep than \(merge[0]) (their sweep.json differ: another round, base policy or scenario list); nothing was merged."
            )
            throw Exit.inputError
        }
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            Terminal.error("allvet: \(out): cannot create the folder: \(error.localizedDescription)")
            throw Exit.failure
        }
        let comparison = SweepComparison(manifest: manifests[0], folders: merge, pseudonymised: pseudonymise)
        try writeComparison(comparison, manifest: manifests[0])
        let missing = comparison.missing
        if !quiet {
            Terminal.out(
                "\(comparison.rows.count - missing.count) of \(comparison.rows.count) scenarios merged; comparison in \((out as NSString).appendingPathComponent("comparison.csv")) and comparison.html"
            )
        }
        if !missing.isEmpty {
            Terminal.error(
                "allvet: \(missing.count) scenario\(missing.count == 1 ? " has" : "s have") no folder in the shards given (marked missing): "
                    + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : ""))
            throw Exit.failure
        }
    }

    /// The sweep folder: new, empty, or one that allvet sweep wrote (it holds sweep.json).
    func checkOutFolder() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDir) else { return }
        let items = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !isDir.boolValue || (!items.isEmpty && !items.contains("sweep.json")) {
            Terminal.error(
                "allvet: \(out): exists and is not a sweep folder (no sweep.json); it is left untouched. Choose another --out or remove it yourself."
            )
            throw Exit.failure
        }
    }

    func writeComparison(_ c: SweepComparison, manifest: SweepManifest) throws {
        do {
            for (name, text) in [
                ("comparison.csv", c.csv(csvDialect)), ("comparison.html", c.html(language: lang)),
                ("sweep.json", manifest.json.rendered()),
            ] {
                try OutputFiles.writeFile(
                    Array(text.utf8), to: (out as NSString).appendingPathComponent(name), force: true)
            }
        } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
    }

    /// This program's own executable: each scenario is solved by `allvet solve` in a child process.
    static var executable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    func reportInputError(_ error: InputError) {
        for d in error.diagnostics { Terminal.error(d.description) }
        let n = error.errors.count
        Terminal.error(
            "allvet: \(n) error\(n == 1 ? "" : "s") in the input; nothing was solved. Fix the places named above and run again."
        )
    }
}
