/// The column names of the three files (formats.md, "Instance, CSV"), in the
/// order the writer puts them.
enum CSVColumns {
    static let participants = [
        "id", "kind", "country", "sending_org", "sector", "languages", "available_from",
        "available_to", "weeks", "birth_date", "needs", "preferences",
    ]
    static let participantsRequired = ["id", "country", "sector", "available_from", "available_to", "weeks"]

    static let hosts = ["id", "name", "country", "city", "accessibility", "capacity"]
    static let hostsRequired = ["id", "country"]

    static let offers = [
        "id", "host_id", "sectors", "languages", "from", "to", "capacity", "total", "min_weeks",
        "max_weeks", "min_age", "kinds", "accessibility",
    ]
    static let offersRequired = ["id", "host_id", "sectors", "from", "to", "capacity"]
}
