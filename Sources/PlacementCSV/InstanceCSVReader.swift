import Foundation
import PlacementModel

/// Reads an instance from the CSV folder form of formats.md ("Instance,
/// CSV"): `participants.csv`, `hosts.csv` and `offers.csv`, and the
/// optional `locks.csv` and `bans.csv` of rounds.md.
///
/// Every problem is reported in one run, each naming the file, the physical
/// line (the header is line 1; a quoted cell with line breaks spans several)
/// and the column, and saying what was expected. Rules beyond formats.md:
///
/// - Optional columns may be left out of the header; required ones are
///   participants `id, country, sector, available_from, available_to, weeks`;
///   hosts `id, country`; offers `id, host_id, sectors, from, to, capacity`.
/// - Lists are `;`-separated, elements trimmed, empty elements dropped; a
///   cell holding only `;` is an explicitly empty list (`kinds: []`,
///   `sectors: []`), while an empty cell is "not given".
/// - Text cells lose one leading `'` (``SpreadsheetText``); attribute cells
///   are typed as ``AttributeCell`` says.
/// - Offers belong to the host named by `host_id`, in the order of
///   `offers.csv`; a `host_id` that names no row of `hosts.csv` is an error.
public enum InstanceCSVReader {
    public static let participantsFile = "participants.csv"
    public static let hostsFile = "hosts.csv"
    public static let offersFile = "offers.csv"
    /// Optional files of agreed placements and forbidden pairs (rounds.md, section 1).
    public static let locksFile = "locks.csv"
    public static let bansFile = "bans.csv"
    /// Optional file of sending organisations and their locations (rounds.md, section 4).
    public static let sendingOrgsFile = "sending_orgs.csv"
    /// Optional file of groups travelling together (rounds.md, section 2).
    public static let groupsFile = "groups.csv"

    /// Reads the instance in `folder`; its name is the folder's last path
    /// component. Returns the warnings of ``/PlacementModel/checkInstance(_:locator:)``;
    /// throws every error (with the warnings) as ``/PlacementModel/InputError``.
    /// `encoding` forces the files' encoding (`--encoding`); by default it
    /// is found from the bytes (``CSVEncoding``).
    public static func read(folder: String, encoding: CSVEncoding = .automatic) throws(InputError) -> (
        Instance, warnings: [Diagnostic]
    ) {
        var sink = DiagnosticSink()
        func load(_ name: String, required: [String], known: [String]?, optional: Bool = false) -> CSVTable? {
            let path = join(folder, name)
            guard FileManager.default.fileExists(atPath: path) else {
                if !optional { sink.error(path, "", "The file is missing; expected \(name) in the folder \(folder).") }
                return nil
            }
            let bytes: [UInt8]
            do { bytes = try readFileBytes(path, kind: "a CSV file") } catch {
                for d in error.diagnostics { sink.error(d.file, d.location, d.message) }
                return nil
            }
            return CSVTable.read(
                file: path, bytes: bytes, required: required, known: known, encoding: encoding, sink: &sink)
        }
        let participantsTable = load(participantsFile, required: CSVColumns.participantsRequired, known: nil)
        let hostsTable = load(hostsFile, required: CSVColumns.hostsRequired, known: CSVColumns.hosts)
        let offersTable = load(offersFile, required: CSVColumns.offersRequired, known: CSVColumns.offers)
        let locksTable = load(
            locksFile, required: CSVColumns.agreementsRequired, known: CSVColumns.locks, optional: true)
        let bansTable = load(bansFile, required: CSVColumns.agreementsRequired, known: CSVColumns.bans, optional: true)
        let orgsTable = load(
            sendingOrgsFile, required: CSVColumns.sendingOrgsRequired, known: CSVColumns.sendingOrgs, optional: true)
        let groupsTable = load(
            groupsFile, required: CSVColumns.groupsRequired, known: CSVColumns.groups, optional: true)
        return try decode(
            participants: participantsTable, hosts: hostsTable, offers: offersTable, locks: locksTable,
            bans: bansTable, sendingOrgs: orgsTable, groups: groupsTable, name: lastComponent(folder), sink: &sink)
    }

    /// Decodes the three tables of a round (from a CSV folder or a
    /// workbook's sheets) into an instance named `name`: the one place the
    /// tabular forms become an ``/PlacementModel/Instance``. A nil table was
    /// missing or unreadable, already reported in `sink`.
    package static func decode(
        participants participantsTable: CSVTable?, hosts hostsTable: CSVTable?, offers offersTable: CSVTable?,
        locks locksTable: CSVTable? = nil, bans bansTable: CSVTable? = nil, sendingOrgs orgsTable: CSVTable? = nil,
        groups groupsTable: CSVTable? = nil, name: String, hostsName: String = hostsFile,
        sink: inout DiagnosticSink
    ) throws(InputError) -> (Instance, warnings: [Diagnostic]) {
        var participants: [Participant] = []
        if let t = participantsTable {
            let standard = Set(CSVColumns.participants)
            let attributeColumns = t.header.enumerated()
                .filter { !standard.contains($0.element) && !$0.element.isEmpty && t.columns[$0.element] == $0.offset }
                .map(\.element)
            participants = t.rows.map {
                RowDecoders.participant(CellReader(table: t, row: $0), attributeColumns: attributeColumns, &sink)
            }
        }
        var hosts: [PlacementModel.Host] = []
        if let t = hostsTable { hosts = t.rows.map { RowDecoders.host(CellReader(table: t, row: $0), &sink) } }
        var offerRows: [[CSVRecord]] = Array(repeating: [], count: hosts.count)
        if let t = offersTable {
            var hostIndex: [String: Int] = [:]
            for (h, host) in hosts.enumerated() where hostIndex[host.id] == nil { hostIndex[host.id] = h }
            for row in t.rows {
                let (hostID, offer) = RowDecoders.offer(CellReader(table: t, row: row), &sink)
                guard let hostID else { continue }
                guard let h = hostIndex[hostID] else {
                    if hostsTable != nil {
                        sink.error(
                            t.file, t.location(row, "host_id"),
                            "Host \"\(hostID)\" is not in \(hostsName); expected the id of a row of \(hostsName).")
                    }
                    continue
                }
                hosts[h].offers.append(offer)
                offerRows[h].append(row)
            }
        }

        var locks: [Lock] = [], lockRows: [CSVRecord] = []
        for row in locksTable?.rows ?? [] {
            if let lock = RowDecoders.lock(CellReader(table: locksTable!, row: row), &sink) {
                locks.append(lock)
                lockRows.append(row)
            }
        }
        var bans: [Ban] = [], banRows: [CSVRecord] = []
        for row in bansTable?.rows ?? [] {
            if let ban = RowDecoders.ban(CellReader(table: bansTable!, row: row), &sink) {
                bans.append(ban)
                banRows.append(row)
            }
        }

        let orgs = orgsTable.map { t in t.rows.map { RowDecoders.sendingOrg(CellReader(table: t, row: $0), &sink) } }

        let groups = groupsTable.map { t in t.rows.map { RowDecoders.group(CellReader(table: t, row: $0), &sink) } }

        if sink.hasErrors { throw InputError(sink.diagnostics) }
        var instance = Instance(
            name: name, participants: participants, hosts: hosts, locks: locks, bans: bans, sendingOrgs: orgs ?? [],
            groups: groups ?? [])
        if let p = participantsTable, let h = hostsTable, let o = offersTable {
            var locator = CSVLocator(participants: p, hosts: h, offers: o, offerRows: offerRows)
            locator.locks = locksTable.map { ($0, lockRows) }
            locator.bans = bansTable.map { ($0, banRows) }
            locator.sendingOrgs = orgsTable
            locator.groups = groupsTable
            locateEntries(&instance, locator: locator)
            sink.diagnostics += checkInstance(instance, locator: locator)
        }
        if sink.hasErrors { throw InputError(sink.diagnostics) }
        return (instance, sink.diagnostics.filter { $0.severity == .warning })
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func lastComponent(_ folder: String) -> String {
        var f = Substring(folder)
        while f.count > 1, f.hasSuffix("/") { f = f.dropLast() }
        return f.split(separator: "/").last.map(String.init) ?? String(f)
    }
}
