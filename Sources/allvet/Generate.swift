import AllVET
import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic synthetic round (for tests, benchmarks and demos).",
        discussion: """
            The round follows the distributions of docs/generator.md (participants mostly from \
            ES, FI, DE, PT and PL; hosts in fifteen EU countries, one to three offers each; \
            popular hosts congested). The same --participants, --hosts and --seed give the same \
            bytes on every machine. The round is named synthetic-n<N>-m<M>-s<SEED>. Hosts are \
            located at their cities' real coordinates, sending organisations are listed with a \
            city of their country, and about one participant in seven travels green, so that a \
            funding file can cost every stay; --funding FILE also writes one (the illustrative \
            Erasmus+ rates of docs/contract/rounds.md).

            Form of the output: --format json writes one JSON instance file, --format csv a \
            folder with participants.csv, hosts.csv and offers.csv, --format xlsx one workbook \
            with those three sheets. Without --format, a PATH ending in .json gives a JSON file, \
            one ending in .xlsx a workbook, and any other PATH a CSV folder.

            An existing file or folder at PATH is never replaced unless --force is given; the \
            output is written whole or not at all (to a hidden temporary name, then renamed). \
            The CSV form has no field for the round's name: read back, a folder's round is \
            named after the folder.

            Example: allvet generate --participants 5000 --hosts 1200 --seed 1 --out big.json
            """
    )

    @Option(help: "How many participants (learners and staff).")
    var participants: Int = 200

    @Option(help: "How many hosts; each has one to three offers. (default: participants ÷ 4, rounded up)")
    var hosts: Int?

    @Option(help: "Seed of the random draws; any whole number from 0 to 2^64 − 1.")
    var seed: UInt64 = 1

    @Option(
        help:
            "How many placements agreed in advance (locks): candidate stays that fit together, so the round stays feasible."
    )
    var locks: Int = 0

    @Option(help: "How many forbidden pairs (bans) of a participant and an offer or host.")
    var bans: Int = 0

    @Option(
        help: ArgumentHelp(
            "Share of participants in groups travelling together (0 to 1): classes of two to four apprentices of one "
                + "sending organisation and sector.", valueName: "share"))
    var groups: Double = 0.1

    @Option(
        help: ArgumentHelp(
            "Also write a funding file (allvet-funding/1, the illustrative Erasmus+ rates) to this path, for solve "
                + "--funding.", valueName: "file"))
    var funding: String?

    @Option(help: "Where to write: a .json file, an .xlsx workbook or a folder for CSV files (see --format).")
    var out: String

    @Option(help: "json, csv or xlsx (default: json or xlsx when --out ends in .json or .xlsx, else csv).")
    var format: InstanceFormat?

    @Flag(help: "Replace an existing file or folder at --out.")
    var force = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty; give the path to write.") }
        guard participants >= 0 else { throw ValidationError("--participants must be 0 or more.") }
        if let hosts, hosts < 0 { throw ValidationError("--hosts must be 0 or more.") }
        guard locks >= 0, bans >= 0 else { throw ValidationError("--locks and --bans must be 0 or more.") }
        guard (0...1).contains(groups) else {
            throw ValidationError("--groups is a share of the participants: give a number from 0 to 1, e.g. 0.1.")
        }
        guard !out.isEmpty else { throw ValidationError("--out must name a file or folder.") }
    }

    func run() throws {
        let hostCount = hosts ?? (participants + 3) / 4
        let instance = InstanceFiles.generated(
            participants: participants, hosts: hostCount, seed: seed, locks: locks, bans: bans, located: true,
            groups: groups)
        let form = format ?? InstanceFormat.implied(by: out)
        do {
            switch form {
            case .json: try OutputFiles.writeFile(InstanceFiles.json(instance), to: out, force: force)
            case .csv: try OutputFiles.writeFolder(try InstanceFiles.csv(instance), to: out, force: force)
            case .xlsx: try OutputFiles.writeFile(try InstanceFiles.xlsx(instance), to: out, force: force)
            }
            if let funding {
                try OutputFiles.writeFile(Array(InstanceFiles.exampleFundingRates.utf8), to: funding, force: force)
            }
        } catch {
            Terminal.error("allvet: \(error)")
            throw Exit.failure
        }
        if form == .csv, let note = InstanceFormat.csvNameNote(name: instance.name, folder: out) {
            Terminal.error(note)
        }
        if form == .xlsx, let note = InstanceFormat.xlsxNameNote(name: instance.name, file: out) {
            Terminal.error(note)
        }
        Terminal.out(
            "\(instance.name): \(instance.participants.count) participants, \(instance.hosts.count) hosts, "
                + "\(instance.hosts.reduce(0) { $0 + $1.offers.count }) offers, \(instance.groups.count) groups; written to \(out) (\(form.rawValue))"
                + (funding.map { "; funding rates to \($0)" } ?? ""))
    }
}

/// The three forms of an instance (formats.md).
enum InstanceFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, xlsx

    /// JSON for a path ending in `.json`, XLSX for `.xlsx` (any letter case), CSV otherwise.
    static func implied(by path: String) -> InstanceFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".json") ? .json : lower.hasSuffix(".xlsx") ? .xlsx : .csv
    }

    /// The workbook form has no field for the round's name either: it is
    /// named after the file. A note when that changes the name.
    static func xlsxNameNote(name: String, file: String) -> String? {
        let base = InstanceXLSXReader.roundName(file)
        guard base != name else { return nil }
        return
            "allvet: note: a workbook has no name field; read back, this round is named \"\(base)\" (after the file), not \"\(name)\"."
    }

    /// The CSV form has no field for the round's name: the reader names a
    /// folder's round after the folder. A note when that changes the name.
    static func csvNameNote(name: String, folder: String) -> String? {
        let base = folder.split(separator: "/").last.map(String.init) ?? folder
        guard base != name else { return nil }
        return
            "allvet: note: the CSV form has no name field; read back, this round is named \"\(base)\" (after the folder), not \"\(name)\". Name the folder \(name) to keep the name."
    }
}
