/// The column names of the three files (formats.md, "Instance, CSV"), in the
/// order the writer puts them.
package enum CSVColumns {
    package static let participants = [
        "id", "kind", "country", "sending_org", "sector", "languages", "available_from",
        "available_to", "weeks", "birth_date", "needs", "preferences", "travel", "group",
    ]
    package static let participantsRequired = ["id", "country", "sector", "available_from", "available_to", "weeks"]

    package static let hosts = ["id", "name", "country", "city", "accessibility", "capacity", "lat", "lon"]
    package static let hostsRequired = ["id", "country"]

    package static let offers = [
        "id", "host_id", "sectors", "languages", "from", "to", "capacity", "total", "min_weeks",
        "max_weeks", "min_age", "kinds", "accessibility",
    ]
    package static let offersRequired = ["id", "host_id", "sectors", "from", "to", "capacity"]

    /// `locks.csv` and `bans.csv` (rounds.md, section 1): optional files;
    /// exactly one of `host_id` and `offer_id` filled per row.
    package static let locks = ["participant_id", "host_id", "offer_id", "start"]
    package static let bans = ["participant_id", "host_id", "offer_id"]
    package static let agreementsRequired = ["participant_id"]

    /// `sending_orgs.csv` (rounds.md, section 4): optional.
    package static let sendingOrgs = ["id", "country", "city", "lat", "lon"]
    package static let sendingOrgsRequired = ["id", "country"]

    /// `groups.csv` (rounds.md, section 2): optional.
    package static let groups = ["id", "together", "companions"]
    package static let groupsRequired = ["id"]
}
