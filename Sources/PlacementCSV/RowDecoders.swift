import PlacementModel

/// Decoding of one row of each file into a domain value.
enum RowDecoders {
    static func participant(_ r: CellReader, attributeColumns: [String], _ sink: inout DiagnosticSink) -> Participant {
        let placeholder = Day(ordinal: 0)
        var attributes: [(name: String, value: AttributeValue)] = []
        for name in attributeColumns {
            if let v = r.attribute(name) { attributes.append((name, v)) }
        }
        return Participant(
            id: r.id("id", what: "participant id", required: true, &sink) ?? "",
            kind: r.kind("kind", &sink),
            country: r.country("country", &sink) ?? "",
            sendingOrg: r.text("sending_org", &sink),
            sector: r.text("sector", required: true, &sink) ?? "",
            languages: r.languages("languages", &sink),
            availableFrom: r.date("available_from", required: true, &sink) ?? placeholder,
            availableTo: r.date("available_to", required: true, &sink) ?? placeholder,
            weeks: r.integer("weeks", required: true, &sink) ?? 1,
            birthDate: r.date("birth_date", &sink),
            needs: r.list("needs", &sink) ?? [],
            attributes: attributes,
            preferences: r.list("preferences", &sink) ?? [])
    }

    static func host(_ r: CellReader, _ sink: inout DiagnosticSink) -> Host {
        Host(
            id: r.id("id", what: "host id", required: true, &sink) ?? "",
            name: r.text("name", &sink),
            country: r.country("country", &sink) ?? "",
            city: r.text("city", &sink),
            accessibility: r.list("accessibility", &sink) ?? [],
            capacity: r.integer("capacity", &sink))
    }

    /// The offer and the id of its host (nil when the cell is empty).
    static func offer(_ r: CellReader, _ sink: inout DiagnosticSink) -> (hostID: String?, offer: Offer) {
        let placeholder = Day(ordinal: 0)
        let hostID = r.id("host_id", what: "host id", required: true, &sink)
        let offer = Offer(
            id: r.id("id", what: "offer id", required: true, &sink) ?? "",
            sectors: r.list("sectors", required: true, &sink) ?? [],
            languages: r.languages("languages", &sink),
            from: r.date("from", required: true, &sink) ?? placeholder,
            to: r.date("to", required: true, &sink) ?? placeholder,
            capacity: r.integer("capacity", required: true, &sink) ?? 0,
            total: r.integer("total", &sink),
            minWeeks: r.integer("min_weeks", &sink),
            maxWeeks: r.integer("max_weeks", &sink),
            minAge: r.integer("min_age", &sink),
            kinds: r.kinds("kinds", &sink),
            accessibility: r.list("accessibility", &sink) ?? [])
        return (hostID, offer)
    }
}
