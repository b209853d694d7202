import AllVET
import ArgumentParser
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a round between JSON and CSV, or write its model for another solver.",
        discussion: """
            What --to writes:
              json  the round as one JSON instance file, in canonical form;
              csv   the round as a CSV folder (participants.csv, hosts.csv, offers.csv);
              xlsx  the round as one workbook (sheets participants, hosts, offers; real dates and numbers);
              lp    the direct time-indexed model of one goal (--level) in CPLEX-LP form;
              mps   the same model in free MPS form.

            json, csv and xlsx are lossless: converting back gives an identical round. The CSV and \
            xlsx forms have no field for the round's name; a folder's or workbook's round is named \
            after it, so name it after the round to keep the name (allvet notes when they differ).

            The model of level K has goal K's objective (level 1 includes the soft-quota \
            penalties). For K > 1, allvet first finds the optima of levels 1 … K−1 as `allvet \
            solve` does (the pair decomposition, or the direct model with --method direct) and adds \
            rows that hold them at those values, so any solver given the file reaches the \
            level-K optimum that `allvet solve` reports. A \
            comment header names the instance, policy, level, goal and the values held. MPS has \
            no objective sense that every reader takes, so a maximised goal (placed) is written \
            as the minimisation of its negation: the MPS file's optimum is minus the goal's \
            value. LP keeps the sense; prefer it for glpsol.

            The inputs are never overwritten. An existing output is replaced only with --force; \
            the output is written whole or not at all.

            Examples:
              allvet export instances/example.json --to csv --out alliance-example
              allvet export instances/example.json --policy instances/example-policy.json --to lp --level 2 --out level2.lp
            """
    )

    @Argument(help: "The round: a JSON instance file, a folder of CSV files or a workbook (.xlsx).")
    var instance: String

    @Option(
        help:
            "A policy file (allvet-policy/1), for --to lp|mps. Default: goals [placed, rank], require_abroad, no quotas."
    )
    var policy: String?

    @OptionGroup var input: EncodingOption

    @Option(help: "What to write: json, csv, xlsx, lp or mps.")
    var to: ExportFormat

    @Option(help: "The file (json, xlsx, lp, mps) or folder (csv) to write.")
    var out: String

    @Option(help: "For lp|mps: which goal of the policy's objective, from 1.")
    var level: Int = 1

    @Option(
        help: ArgumentHelp(
            "For lp|mps of a re-planned round: the earlier results (as solve --previous), so that the models carry "
                + "the changes goal.", valueName: "results-dir"))
    var previous: String?

    @OptionGroup var money: FundingOption

    @Option(
        name: .customLong("time-limit"),
        help:
            "For lp|mps with --level > 1: seconds to solve the earlier levels (default: the policy's limits.time_s, else none)."
    )
    var timeLimit: Double?

    @Flag(help: "Replace an existing file or folder at --out.")
    var force = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty; give the path to write.") }
        guard level >= 1 else { throw ValidationError("--level counts the policy's goals from 1.") }
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds.") }
        if !to.isModel {
            if policy != nil {
                throw ValidationError(
                    "--policy is used by --to lp and --to mps only; converting a round does not need it.")
            }
            if level != 1 { throw ValidationError("--level is used by --to lp and --to mps only.") }
            if timeLimit != nil { throw ValidationError("--time-limit is used by --to lp and --to mps only.") }
        }
        if let input = OutputFiles.clashes(output: out, inputs: [instance] + (policy.map { [$0] } ?? [])) {
            throw ValidationError("--out \(out) would overwrite the input \(input); choose another --out.")
        }
    }

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: out) {
            Terminal.error(
                "allvet: \(out): already exists and is left untouched; choose another --out, or add --force to replace it"
            )
            throw Exit.failure
        }
        var input = try loadInputs(instance: instance, policy: policy, encoding: input.encoding)
        if to == .lp || to == .mps {
            input = try replan(input, previous: previous, quiet: false)
            // The models carry the budget row and the cost goal; without the costs they cannot.
            input = try fund(input, funding: money.funding, quiet: false)
        }
        switch to {
        case .json: try write { try OutputFiles.writeFile(InstanceFiles.json(input.instance), to: out, force: force) }
        case .csv:
            try write { try OutputFiles.writeFolder(try InstanceFiles.csv(input.instance), to: out, force: force) }
            if let note = InstanceFormat.csvNameNote(name: input.instance.name, folder: out) { Terminal.error(note) }
        case .xlsx:
            try write { try OutputFiles.writeFile(try InstanceFiles.xlsx(input.instance), to: out, force: force) }
            if let note = InstanceFormat.xlsxNameNote(name: input.instance.name, file: out) { Terminal.error(note) }
        case .lp, .mps: try exportModel(input, format: to == .lp ? .lp : .mps)
        }
    }

    private func exportModel(_ input: LoadedInput, format: ModelFileFormat) throws {
        let goals = input.policy.objective
        guard level <= goals.count else {
            throw ValidationError(
                "--level \(level): the policy has \(goals.count) goal\(goals.count == 1 ? "" : "s") (\(goals.map(\.name).joined(separator: ", ")))."
            )
        }
        let options = EngineOptions.resolved(policy: input.policy, timeLimit: timeLimit, mipGap: nil)
        let levelModel: LevelModel
        do {
            levelModel = try Engine().levelModel(
                input.instance, policy: input.policy, level: level - 1, options: options)
        } catch {
            Terminal.error("allvet: the solver failed on an earlier level: \(error)")
            throw Exit.failure
        }
        guard let model = levelModel.model else {
            let failed = levelModel.earlier.levels.firstIndex { $0.status != .optimal } ?? 0
            let l = levelModel.earlier.levels[failed]
            if l.status == .infeasible {
                Terminal.error(
                    "allvet: level \(failed + 1) (\(l.goal.name)) is infeasible: the hard rules cannot all be met, so there is no model of level \(level) to write."
                )
                throw Exit.infeasible
            }
            Terminal.error(
                "allvet: level \(failed + 1) (\(l.goal.name)) was not proven optimal (\(l.status.rawValue)), so its value cannot be held; nothing was written. Give more --time-limit."
            )
            throw levelModel.earlier.interrupted ? Exit.interrupted : Exit.timeLimit
        }
        let goal = goals[level - 1]
        let i = input.instance
        var header = [
            "allvet \(allvetVersion) export --to \(format.rawValue)",
            "instance: \(instance) (\"\(i.name)\": \(i.participants.count) participants, \(i.hosts.count) hosts, \(i.hosts.reduce(0) { $0 + $1.offers.count }) offers)",
            "policy: \(policy ?? "none: the default [placed, rank], require_abroad, no quotas")",
            "level \(level) of \(goals.count): goal \(goal.name) (\(goal.isMaximised ? "maximise" : "minimise"))\(level == 1 ? ", with the soft-quota penalties if any" : "")",
        ]
        for (k, l) in levelModel.earlier.levels.enumerated() {
            header.append(
                "held: level \(k + 1) (\(l.goal.name)) at its optimum \(NumberText.shortest(l.value ?? .nan)) (row hold_\(k))"
            )
        }
        if format == .mps && goal.isMaximised {
            header.append("this MPS file minimises the negated objective: its optimum is minus the level's value")
        }
        try write {
            try OutputFiles.writeFile(Array(model.fileText(format, header: header).utf8), to: out, force: force)
        }
        Terminal.out(
            "level \(level) (\(goal.name)): \(model.rowCount) rows, \(model.columnCount) columns, \(model.nonZeroCount) non-zeros; written to \(out)"
        )
    }

    /// Runs a write, turning failures into exit code 1 with the message.
    private func write(_ body: () throws -> Void) throws {
        do { try body() } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, xlsx, lp, mps
    var isModel: Bool { self == .lp || self == .mps }
}
