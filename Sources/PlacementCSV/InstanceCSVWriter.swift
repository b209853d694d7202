import Foundation
import PlacementModel

/// A value that the CSV form cannot hold exactly, so writing it would not
/// read back the same.
public struct CSVWriteError: Error, Sendable, CustomStringConvertible {
    /// One sentence per problem.
    public var problems: [String]
    public var description: String { "Cannot write the instance as CSV:\n" + problems.joined(separator: "\n") }
}

/// Writes an instance as the CSV folder of formats.md so that
/// ``InstanceCSVReader`` reads back an identical ``/PlacementModel/Instance``.
///
/// The bytes are deterministic: a UTF-8 byte-order mark (so spreadsheets
/// open accented names right), CRLF record ends, the columns in the order of
/// formats.md, attribute columns after them in order of first appearance
/// (adjusted so each participant's attributes keep their order),
/// languages sorted by code, offers grouped by host in host order, text
/// cells escaped as ``SpreadsheetText`` says and attribute cells as
/// ``AttributeCell`` says. `kind` is always written; `kinds: []` and
/// `sectors: []` are written as `;`.
///
/// Throws ``CSVWriteError`` for what the form cannot hold: list elements
/// that are empty, hold `;` or start or end with a space; language codes
/// with spaces or `:`; attribute names that are empty, repeat within a
/// participant, or clash with a standard column; attributes whose orders
/// conflict between participants; non-finite numbers; duplicate host ids.
public enum InstanceCSVWriter {
    public static func write(_ instance: Instance, to folder: String) throws {
        let files = try encode(instance)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            let path = InstanceCSVReader.join(folder, name)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw CSVWriteError(problems: ["Cannot write \(path)."])
            }
        }
    }

    /// The files' names and bytes (three, and `locks.csv`, `bans.csv` when
    /// the round has any), without touching the disk.
    public static func encode(_ instance: Instance) throws -> [(name: String, bytes: [UInt8])] {
        try tables(instance).map { table in
            var f = CSVFileText()
            for row in table.rows { f.row(row) }
            return (table.name, f.bytes)
        }
    }

    /// The three files' names and cells (the header first), escaped as in
    /// the files: the one place a round becomes tables, for CSV and for the
    /// workbook form (PlacementXLSX).
    package static func tables(_ instance: Instance) throws -> [(name: String, rows: [[String]])] {
        var problems: [String] = []
        let attributeNames = attributeColumns(instance, &problems)
        var cells = CellWriter()

        // The columns of rounds.md section 4 only when the round uses them, so that
        // other rounds' files stay as they were.
        let anyGreen = instance.participants.contains { $0.travel != .standard }
        let anyLocation = instance.hosts.contains { $0.location != nil }
        let anyGroup = instance.participants.contains { $0.group != nil }
        var p = CSVRows()
        p.row(
            CSVColumns.participants.filter { ($0 != "travel" || anyGreen) && ($0 != "group" || anyGroup) }
                + attributeNames)
        for x in instance.participants {
            let context = "participant \"\(x.id)\""
            var row = [
                cells.text(x.id), x.kind.rawValue, cells.text(x.country), x.sendingOrg.map(cells.text) ?? "",
                cells.text(x.sector), cells.languages(x.languages, context), x.availableFrom.iso, x.availableTo.iso,
                String(x.weeks), x.birthDate?.iso ?? "", cells.list(x.needs, explicitEmpty: false, context),
                cells.list(x.preferences, explicitEmpty: false, context),
            ]
            if anyGreen { row.append(x.travel.rawValue) }
            if anyGroup { row.append(x.group.map(cells.text) ?? "") }
            for name in attributeNames {
                guard let v = x.attribute(name) else { row.append(""); continue }
                guard let cell = AttributeCell.encode(v) else {
                    cells.problems.append("\(context): attribute \"\(name)\" is not a finite number.")
                    row.append("")
                    continue
                }
                row.append(cell)
            }
            p.row(row)
        }

        var h = CSVRows()
        h.row(CSVColumns.hosts.filter { anyLocation || ($0 != "lat" && $0 != "lon") })
        var o = CSVRows()
        o.row(CSVColumns.offers)
        var seenHosts: Set<String> = []
        for host in instance.hosts {
            let context = "host \"\(host.id)\""
            if !seenHosts.insert(host.id).inserted {
                problems.append("\(context) appears twice; offers.csv links offers to hosts by id, so ids must differ.")
            }
            h.row(
                [
                    cells.text(host.id), host.name.map(cells.text) ?? "", cells.text(host.country),
                    host.city.map(cells.text) ?? "",
                    cells.list(host.accessibility, explicitEmpty: false, context), host.capacity.map(String.init) ?? "",
                ] + (anyLocation ? Self.locationCells(host.location) : []))
            for offer in host.offers {
                let oc = "offer \"\(offer.id)\""
                o.row([
                    cells.text(offer.id), cells.text(host.id), cells.list(offer.sectors, explicitEmpty: true, oc),
                    cells.languages(offer.languages, oc), offer.from.iso, offer.to.iso, String(offer.capacity),
                    offer.total.map(String.init) ?? "", offer.minWeeks.map(String.init) ?? "",
                    offer.maxWeeks.map(String.init) ?? "", offer.minAge.map(String.init) ?? "",
                    offer.kinds.map { cells.list($0.map(\.rawValue), explicitEmpty: true, oc) } ?? "",
                    cells.list(offer.accessibility, explicitEmpty: false, oc),
                ])
            }
        }
        var tables = [
            (name: InstanceCSVReader.participantsFile, rows: p.rows), (InstanceCSVReader.hostsFile, h.rows),
            (InstanceCSVReader.offersFile, o.rows),
        ]
        func target(_ t: AgreementTarget) -> [String] {
            switch t {
            case .host(let id): [cells.text(id), ""]
            case .offer(let id): ["", cells.text(id)]
            }
        }
        if !instance.locks.isEmpty {
            var l = CSVRows()
            l.row(CSVColumns.locks)
            for x in instance.locks { l.row([cells.text(x.participant)] + target(x.target) + [x.start?.iso ?? ""]) }
            tables.append((InstanceCSVReader.locksFile, l.rows))
        }
        if !instance.bans.isEmpty {
            var b = CSVRows()
            b.row(CSVColumns.bans)
            for x in instance.bans { b.row([cells.text(x.participant)] + target(x.target)) }
            tables.append((InstanceCSVReader.bansFile, b.rows))
        }
        if !instance.sendingOrgs.isEmpty {
            var s = CSVRows()
            s.row(CSVColumns.sendingOrgs)
            for x in instance.sendingOrgs {
                s.row(
                    [cells.text(x.id), cells.text(x.country), x.city.map(cells.text) ?? ""]
                        + Self.locationCells(x.location))
            }
            tables.append((InstanceCSVReader.sendingOrgsFile, s.rows))
        }
        if !instance.groups.isEmpty {
            var g = CSVRows()
            g.row(CSVColumns.groups)
            for x in instance.groups { g.row([cells.text(x.id), x.together.rawValue, String(x.companions)]) }
            tables.append((InstanceCSVReader.groupsFile, g.rows))
        }
        problems += cells.problems
        if !problems.isEmpty { throw CSVWriteError(problems: problems) }
        return tables
    }

    static func locationCells(_ l: Location?) -> [String] {
        guard let l else { return ["", ""] }
        return [NumberText.shortest(l.lat), NumberText.shortest(l.lon)]
    }

    /// Attribute names ordered by first appearance, then reordered (stably)
    /// so that every participant's attributes appear in its own order.
    static func attributeColumns(_ instance: Instance, _ problems: inout [String]) -> [String] {
        var order: [String] = []
        var position: [String: Int] = [:]
        var after: [String: Set<String>] = [:]  // name → names that must come before it
        let standard = Set(CSVColumns.participants)
        for p in instance.participants {
            var seen: Set<String> = []
            for (i, a) in p.attributes.enumerated() {
                if position[a.name] == nil {
                    position[a.name] = order.count
                    order.append(a.name)
                    if a.name.isEmpty || a.name.trimmingSpaces != a.name || standard.contains(a.name)
                        || a.name.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
                    {
                        problems.append(
                            "Attribute name \"\(a.name)\" cannot be a column of participants.csv (empty, padded with spaces, on several lines or a standard column)."
                        )
                    }
                }
                if !seen.insert(a.name).inserted {
                    problems.append(
                        "participant \"\(p.id)\" has attribute \"\(a.name)\" twice; a row has one cell per column.")
                }
                if i > 0 { after[a.name, default: []].insert(p.attributes[i - 1].name) }
            }
        }
        // Kahn's algorithm, always taking the earliest-appearing ready name.
        var result: [String] = []
        var placed: Set<String> = []
        while result.count < order.count {
            guard let next = order.first(where: { !placed.contains($0) && after[$0, default: []].isSubset(of: placed) })
            else {
                problems.append(
                    "Participants give their attributes in conflicting orders; one column order cannot keep them all.")
                return order
            }
            result.append(next)
            placed.insert(next)
        }
        return result
    }
}

/// The rows of one table, header first.
struct CSVRows {
    var rows: [[String]] = []
    mutating func row(_ cells: [String]) { rows.append(cells) }
}

/// One file of the instance CSV folder: a byte-order mark, then records
/// ended by CRLF (``CSVWriter``).
struct CSVFileText {
    private var text = CSVWriter.byteOrderMark

    mutating func row(_ cells: [String]) { text += CSVWriter.record(cells, ending: .crlf) }

    var bytes: [UInt8] { Array(text.utf8) }
}

/// Formats text-bearing cells and collects what cannot be written exactly.
struct CellWriter {
    var problems: [String] = []

    func text(_ value: String) -> String { CSVWriter.text(value) }

    mutating func list(_ items: [String], explicitEmpty: Bool, _ context: String) -> String {
        if items.isEmpty { return explicitEmpty ? ";" : "" }
        for item in items where item.isEmpty || item.contains(";") || item.trimmingSpaces != item {
            problems.append("\(context): list element \"\(item)\" is empty, holds ';' or starts or ends with a space.")
        }
        return CSVWriter.text(items.joined(separator: ";"))
    }

    mutating func languages(_ languages: [String: LanguageLevel], _ context: String) -> String {
        if languages.isEmpty { return "" }
        let pairs = languages.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (lang, _) in pairs where lang.isEmpty || lang.contains(":") || lang.contains(where: \.isWhitespace) {
            problems.append("\(context): language code \"\(lang)\" is empty or holds ':' or a space.")
        }
        return CSVWriter.text(pairs.map { "\($0.key):\($0.value.rawValue)" }.joined(separator: " "))
    }
}
