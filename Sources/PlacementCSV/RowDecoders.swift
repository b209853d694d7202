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
            preferences: r.list("preferences", &sink) ?? [],
            travel: r.travel("travel", &sink),
            group: r.id("group", what: "group id", &sink))
    }

    static func group(_ r: CellReader, _ sink: inout DiagnosticSink) -> TravelGroup {
        let companions = r.integer("companions", &sink) ?? 0
        if companions < 0 { r.error("companions", "Expected 0 or more companions, found \(companions).", &sink) }
        return TravelGroup(
            id: r.id("id", what: "group id", required: true, &sink) ?? "",
            together: r.together("together", &sink), companions: max(0, companions))
    }

    static func sendingOrg(_ r: CellReader, _ sink: inout DiagnosticSink) -> SendingOrg {
        SendingOrg(
            id: r.id("id", what: "sending organisation id", required: true, &sink) ?? "",
            country: r.country("country", &sink) ?? "",
            city: r.text("city", &sink),
            location: r.location(&sink))
    }

    static func host(_ r: CellReader, _ sink: inout DiagnosticSink) -> Host {
        Host(
            id: r.id("id", what: "host id", required: true, &sink) ?? "",
            name: r.text("name", &sink),
            country: r.country("country", &sink) ?? "",
            city: r.text("city", &sink),
            accessibility: r.list("accessibility", &sink) ?? [],
            capacity: r.integer("capacity", &sink),
            location: r.location(&sink))
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

    /// The target of a lock or ban row: exactly one of `host_id` and `offer_id`.
    static func target(_ r: CellReader, what: String, _ sink: inout DiagnosticSink) -> AgreementTarget? {
        let host = r.id("host_id", what: "host id", &sink), offer = r.id("offer_id", what: "offer id", &sink)
        switch (host, offer) {
        case (let h?, nil): return .host(h)
        case (nil, let o?): return .offer(o)
        case (_?, _?):
            r.error(
                "offer_id", "A \(what) names exactly one of host_id and offer_id; leave the other cell empty.", &sink)
        case (nil, nil):
            r.error("host_id", "A \(what) needs a host_id or an offer_id; both cells are empty.", &sink)
        }
        return nil
    }

    static func lock(_ r: CellReader, _ sink: inout DiagnosticSink) -> Lock? {
        let participant = r.id("participant_id", what: "participant id", required: true, &sink)
        let target = target(r, what: "lock", &sink)
        let start = r.date("start", &sink)
        guard let participant, let target else { return nil }
        return Lock(participant: participant, target: target, start: start)
    }

    static func ban(_ r: CellReader, _ sink: inout DiagnosticSink) -> Ban? {
        let participant = r.id("participant_id", what: "participant id", required: true, &sink)
        let target = target(r, what: "ban", &sink)
        guard let participant, let target else { return nil }
        return Ban(participant: participant, target: target)
    }
}
