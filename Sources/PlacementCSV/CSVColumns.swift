/// The column names of the three files (formats.md, "Instance, CSV"), in the
/// order the writer puts them.
package enum CSVColumns {
    package static let participants = [
        "id", "kind", "country", "sending_org", "sector", "languages", "available_from",
        "available_to", "weeks", "birth_date", "needs", "preferences",
    ]
    package static let participantsRequired = ["id", "country", "sector", "available_from", "available_to", "weeks"]

    package static let hosts = ["id", "name", "country", "city", "accessibility", "capacity"]
    package static let hostsRequired = ["id", "country"]

    package static let offers = [
        "id", "host_id", "sectors", "languages", "from", "to", "capacity", "total", "min_weeks",
        "max_weeks", "min_age", "kinds", "accessibility",
    ]
    package static let offersRequired = ["id", "host_id", "sectors", "from", "to", "capacity"]
}
