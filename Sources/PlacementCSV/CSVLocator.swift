import PlacementModel

/// Maps decoded values back to their CSV rows: `line N, column "field"`.
struct CSVLocator: InstanceLocator {
    let participants: CSVTable
    let hosts: CSVTable
    let offers: CSVTable
    /// offerRows[h][o] = the row of offers.csv holding offer `o` of host `h`.
    let offerRows: [[CSVRecord]]
    /// `locks.csv` and `bans.csv` with the row of each decoded lock and ban.
    var locks: (table: CSVTable, rows: [CSVRecord])? = nil
    var bans: (table: CSVTable, rows: [CSVRecord])? = nil
    var sendingOrgs: CSVTable? = nil
    var groups: CSVTable? = nil

    private func place(_ table: CSVTable, _ row: CSVRecord?, _ field: String?) -> (file: String, location: String) {
        guard let row else { return (table.file, "") }
        var column = field
        if let f = field, f.hasPrefix("attributes.") { column = String(f.dropFirst("attributes.".count)) }
        return (table.file, table.location(row, column))
    }

    func participant(_ index: Int, field: String?) -> (file: String, location: String) {
        place(participants, participants.rows.indices.contains(index) ? participants.rows[index] : nil, field)
    }

    func host(_ index: Int, field: String?) -> (file: String, location: String) {
        place(hosts, hosts.rows.indices.contains(index) ? hosts.rows[index] : nil, field)
    }

    func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String) {
        let row =
            offerRows.indices.contains(host) && offerRows[host].indices.contains(offer) ? offerRows[host][offer] : nil
        // An offer's host fields (`host_id`) live in offers.csv too.
        return place(offers, row, field)
    }

    func sendingOrg(_ index: Int, field: String?) -> (file: String, location: String) {
        guard let t = sendingOrgs else { return ("", "") }
        return place(t, t.rows.indices.contains(index) ? t.rows[index] : nil, field == "location" ? "lat" : field)
    }

    func group(_ index: Int, field: String?) -> (file: String, location: String) {
        guard let t = groups else { return ("", "") }
        return place(t, t.rows.indices.contains(index) ? t.rows[index] : nil, field)
    }

    func lock(_ index: Int, field: String?) -> (file: String, location: String) {
        agreement(locks, index, field)
    }

    func ban(_ index: Int, field: String?) -> (file: String, location: String) {
        agreement(bans, index, field)
    }

    /// A lock's or ban's field names its column: `participant` is `participant_id`, and so on.
    private func agreement(_ t: (table: CSVTable, rows: [CSVRecord])?, _ index: Int, _ field: String?) -> (
        file: String, location: String
    ) {
        guard let t else { return ("", "") }
        let column = field.map { $0 == "start" ? $0 : $0 + "_id" }
        return place(t.table, t.rows.indices.contains(index) ? t.rows[index] : nil, column)
    }
}
