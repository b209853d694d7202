/// Reads an instance in the JSON form of formats.md (`allvet-instance/1`).
///
/// Every problem is reported in one run, each with its JSON path
/// (`$.participants[3].weeks`): syntax errors (with line and column; these
/// stop the reading), duplicate keys, a missing or wrong `format`, unknown
/// fields (with the nearest known name), missing required fields, wrong
/// types, dates that are not `YYYY-MM-DD` or do not exist, unknown levels
/// and kinds, fractional whole numbers, and then the semantic checks of
/// ``checkInstance(_:locator:)``.
///
/// Choices on fine points:
/// - `null` for an optional field means "not given"; for a required field it
///   is reported as missing. An attribute's value must be a string, a
///   number or a boolean (formats.md): `null` is an error, since leaving the
///   attribute out says "no value" and a `null` is more likely a lost value.
/// - The top-level `name` is optional (default `""`).
/// - Language levels are read in any letter case (`b1`), as in CSV;
///   language codes are lower-cased with a warning (`EN` → `en`).
/// - Whole numbers may be written `4` or `4.0`; `2.5` is an error.
/// - Participant `languages` and host `offers` are required (formats.md does
///   not list them as optional); they may be empty.
public enum InstanceJSONReader {
    /// The value `format` must have.
    public static let format = "allvet-instance/1"

    /// Reads an instance from UTF-8 JSON bytes. `file` names the source in
    /// diagnostics. Returns the instance and its warnings; throws every
    /// error (with the warnings found so far) when there is any.
    public static func read(data: [UInt8], file: String) throws(InputError) -> (Instance, warnings: [Diagnostic]) {
        var ctx = JSONReadContext(file: file)
        guard let root = ctx.parse(data) else { throw InputError(ctx.diagnostics) }
        var decoder = InstanceDecoding(ctx: ctx)
        var instance = decoder.instance(root)
        ctx = decoder.ctx
        locateEntries(&instance, locator: decoder.locator(file: file))
        // Entries that failed to decode are left out; the locator maps the
        // rest back to their file positions, so the checks still run.
        ctx.append(checkInstance(instance, locator: decoder.locator(file: file)))
        if ctx.hasErrors { throw InputError(ctx.diagnostics) }
        return (instance, ctx.diagnostics)
    }

    /// Reads an instance from a JSON file; a missing or unreadable file is an
    /// ``InputError`` naming it.
    public static func read(path: String) throws(InputError) -> (Instance, warnings: [Diagnostic]) {
        let bytes = try readFileBytes(path)
        return try read(data: bytes, file: path)
    }
}

/// Names places in a JSON instance by path, mapping positions in the
/// decoded ``Instance`` back to array positions in the file (entries that
/// failed to decode are left out of the instance).
struct JSONInstanceLocator: InstanceLocator {
    let file: String
    let participantIndex: [Int]
    let hostIndex: [Int]
    let offerIndex: [[Int]]
    var lockIndex: [Int] = []
    var banIndex: [Int] = []
    var sendingOrgIndex: [Int] = []
    var groupIndex: [Int] = []

    private func path(_ base: String, _ field: String?) -> (file: String, location: String) {
        (file, field.map { base + JSONPath.member($0) } ?? base)
    }

    func participant(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.participants[\(participantIndex[index])]", field)
    }

    func host(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.hosts[\(hostIndex[index])]", field)
    }

    func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String) {
        path("$.hosts[\(hostIndex[host])].offers[\(offerIndex[host][offer])]", field)
    }

    func lock(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.locks[\(lockIndex[index])]", field)
    }

    func ban(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.bans[\(banIndex[index])]", field)
    }

    func sendingOrg(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.sending_orgs[\(sendingOrgIndex[index])]", field)
    }

    func group(_ index: Int, field: String?) -> (file: String, location: String) {
        path("$.groups[\(groupIndex[index])]", field)
    }
}

/// The decoding of one instance document.
private struct InstanceDecoding {
    var ctx: JSONReadContext
    var participantIndex: [Int] = []
    var hostIndex: [Int] = []
    var offerIndex: [[Int]] = []
    var lockIndex: [Int] = []
    var banIndex: [Int] = []
    var sendingOrgIndex: [Int] = []
    var groupIndex: [Int] = []

    static let topFields = ["format", "name", "participants", "hosts", "locks", "bans", "sending_orgs", "groups"]
    static let groupFields = ["id", "together", "companions"]
    static let lockFields = ["participant", "offer", "host", "start"]
    static let banFields = ["participant", "offer", "host"]
    static let participantFields = [
        "id", "kind", "country", "sending_org", "sector", "languages", "available_from", "available_to", "weeks",
        "birth_date", "needs", "attributes", "preferences", "travel", "group",
    ]
    static let hostFields = ["id", "name", "country", "city", "accessibility", "capacity", "offers", "location"]
    static let sendingOrgFields = ["id", "country", "city", "location"]
    static let offerFields = [
        "id", "sectors", "languages", "from", "to", "capacity", "total", "min_weeks", "max_weeks", "min_age", "kinds",
        "accessibility",
    ]

    func locator(file: String) -> JSONInstanceLocator {
        JSONInstanceLocator(
            file: file, participantIndex: participantIndex, hostIndex: hostIndex, offerIndex: offerIndex,
            lockIndex: lockIndex, banIndex: banIndex, sendingOrgIndex: sendingOrgIndex,
            groupIndex: groupIndex)
    }

    mutating func instance(_ root: JSONValue) -> Instance {
        var instance = Instance(name: "", participants: [], hosts: [])
        guard let o = ctx.object(root, "$", allowed: Self.topFields) else {
            return instance
        }
        ctx.checkFormat(
            o, expected: InstanceJSONReader.format, otherPrefix: "allvet-policy",
            otherHint: "this looks like a policy file, not an instance")
        if let v = o["name"], let s = ctx.string(v, o.path("name")) { instance.name = s }
        if let v = ctx.required(o, "participants"), let items = ctx.array(v, o.path("participants")) {
            instance.participants.reserveCapacity(items.count)
            for (k, (item, path)) in items.enumerated() {
                if let p = participant(item, path) {
                    instance.participants.append(p)
                    participantIndex.append(k)
                }
            }
        }
        if let v = ctx.required(o, "hosts"), let items = ctx.array(v, o.path("hosts")) {
            for (k, (item, path)) in items.enumerated() {
                if let (h, offers) = host(item, path) {
                    instance.hosts.append(h)
                    hostIndex.append(k)
                    offerIndex.append(offers)
                }
            }
        }
        if let v = o["locks"], let items = ctx.array(v, o.path("locks")) {
            for (k, (item, path)) in items.enumerated() {
                guard let a = agreement(item, path, allowed: Self.lockFields, what: "lock") else { continue }
                var start: Day?? = .some(nil)
                if let s = a.object["start"] { start = ctx.day(s, a.object.path("start")).map { .some($0) } }
                guard let start else { continue }
                instance.locks.append(Lock(participant: a.participant, target: a.target, start: start))
                lockIndex.append(k)
            }
        }
        if let v = o["bans"], let items = ctx.array(v, o.path("bans")) {
            for (k, (item, path)) in items.enumerated() {
                guard let a = agreement(item, path, allowed: Self.banFields, what: "ban") else { continue }
                instance.bans.append(Ban(participant: a.participant, target: a.target))
                banIndex.append(k)
            }
        }
        if let v = o["sending_orgs"], let items = ctx.array(v, o.path("sending_orgs")) {
            for (k, (item, path)) in items.enumerated() {
                guard let s = sendingOrg(item, path) else { continue }
                instance.sendingOrgs.append(s)
                sendingOrgIndex.append(k)
            }
        }
        if let v = o["groups"], let items = ctx.array(v, o.path("groups")) {
            for (k, (item, path)) in items.enumerated() {
                guard let g = group(item, path) else { continue }
                instance.groups.append(g)
                groupIndex.append(k)
            }
        }
        return instance
    }

    /// A lock's or ban's participant and its one target, `offer` or `host`.
    private mutating func agreement(_ v: JSONValue, _ path: String, allowed: [String], what: String) -> (
        object: JSONObject, participant: String, target: AgreementTarget
    )? {
        guard let o = ctx.object(v, path, allowed: allowed) else { return nil }
        let participant = ctx.required(o, "participant").flatMap {
            ctx.id($0, o.path("participant"), what: "participant id")
        }
        let offer = o["offer"].flatMap { ctx.id($0, o.path("offer"), what: "offer id") }
        let host = o["host"].flatMap { ctx.id($0, o.path("host"), what: "host id") }
        var target: AgreementTarget?
        switch (o["offer"], o["host"]) {
        case (nil, nil): ctx.error(path, "a \(what) names exactly one of \"offer\" and \"host\"; it has neither")
        case (_?, _?): ctx.error(path, "a \(what) names exactly one of \"offer\" and \"host\"; it has both")
        case (_?, nil): target = offer.map { .offer($0) }
        case (nil, _?): target = host.map { .host($0) }
        }
        guard let participant, let target else { return nil }
        return (o, participant, target)
    }

    private mutating func participant(_ v: JSONValue, _ path: String) -> Participant? {
        guard let o = ctx.object(v, path, allowed: Self.participantFields) else { return nil }
        let id = ctx.required(o, "id").flatMap { ctx.id($0, o.path("id"), what: "participant id") }
        var kind: ParticipantKind? = .apprentice
        if let v = o["kind"] { kind = ctx.kind(v, o.path("kind")) }
        let country = ctx.required(o, "country").flatMap { ctx.country($0, o.path("country")) }
        var sendingOrg: String?? = .some(nil)
        if let v = o["sending_org"] { sendingOrg = ctx.string(v, o.path("sending_org")).map { .some($0) } }
        let sector = ctx.required(o, "sector").flatMap { ctx.string($0, o.path("sector")) }
        let languages = ctx.required(o, "languages").flatMap { ctx.levelMap($0, o.path("languages")) }
        let from = ctx.required(o, "available_from").flatMap { ctx.day($0, o.path("available_from")) }
        let to = ctx.required(o, "available_to").flatMap { ctx.day($0, o.path("available_to")) }
        let weeks = ctx.required(o, "weeks").flatMap { ctx.wholeNumber($0, o.path("weeks")) }
        var birth: Day?? = .some(nil)
        if let v = o["birth_date"] { birth = ctx.day(v, o.path("birth_date")).map { .some($0) } }
        var needs: [String]? = []
        if let v = o["needs"] { needs = ctx.stringArray(v, o.path("needs")) }
        var attributes: [(name: String, value: AttributeValue)]? = []
        if let v = o["attributes"] { attributes = self.attributes(v, o.path("attributes")) }
        var preferences: [String]? = []
        if let v = o["preferences"] { preferences = self.preferences(v, o.path("preferences")) }
        var travel: TravelMode? = .standard
        if let v = o["travel"] { travel = ctx.travelMode(v, o.path("travel")) }
        var group: String?? = .some(nil)
        if let v = o["group"] { group = ctx.id(v, o.path("group"), what: "group id").map { .some($0) } }
        guard let travel, let group, let id, let kind, let country, let sendingOrg, let sector, let languages, let from,
            let to,
            let weeks,
            let birth, let needs, let attributes, let preferences
        else { return nil }
        return Participant(
            id: id, kind: kind, country: country, sendingOrg: sendingOrg, sector: sector, languages: languages,
            availableFrom: from, availableTo: to, weeks: weeks, birthDate: birth, needs: needs, attributes: attributes,
            preferences: preferences, travel: travel, group: group)
    }

    /// Preference entries are ids: spaces around each are removed with a warning.
    private mutating func preferences(_ v: JSONValue, _ path: String) -> [String]? {
        guard let items = ctx.array(v, path) else { return nil }
        var out: [String] = []
        var ok = true
        for (item, p) in items {
            if let s = ctx.id(item, p, what: "preference") { out.append(s) } else { ok = false }
        }
        return ok ? out : nil
    }

    private mutating func attributes(_ v: JSONValue, _ path: String) -> [(name: String, value: AttributeValue)]? {
        guard case .object(let members) = v.content else {
            ctx.error(path, "expected an object of attribute name → value, found \(v.kindDescription)")
            return nil
        }
        var out: [(name: String, value: AttributeValue)] = []
        var ok = true
        for m in members {
            if case .null = m.value.content {
                ctx.error(
                    path + JSONPath.member(m.key),
                    "an attribute value must be a string, a number or a boolean, found null; leave \"\(m.key)\" out "
                        + "for a participant who has no such value")
                ok = false
                continue
            }
            if let a = ctx.attributeValue(m.value, path + JSONPath.member(m.key)) {
                out.append((m.key, a))
            } else {
                ok = false
            }
        }
        return ok ? out : nil
    }

    /// A host and the file positions of the offers that decoded.
    private mutating func host(_ v: JSONValue, _ path: String) -> (Host, [Int])? {
        guard let o = ctx.object(v, path, allowed: Self.hostFields) else { return nil }
        let id = ctx.required(o, "id").flatMap { ctx.id($0, o.path("id"), what: "host id") }
        var name: String?? = .some(nil)
        if let v = o["name"] { name = ctx.string(v, o.path("name")).map { .some($0) } }
        let country = ctx.required(o, "country").flatMap { ctx.country($0, o.path("country")) }
        var city: String?? = .some(nil)
        if let v = o["city"] { city = ctx.string(v, o.path("city")).map { .some($0) } }
        var accessibility: [String]? = []
        if let v = o["accessibility"] { accessibility = ctx.stringArray(v, o.path("accessibility")) }
        var capacity: Int?? = .some(nil)
        if let v = o["capacity"] { capacity = ctx.wholeNumber(v, o.path("capacity")).map { .some($0) } }
        var location: Location?? = .some(nil)
        if let v = o["location"] { location = ctx.location(v, o.path("location")).map { .some($0) } }
        var offers: [Offer] = []
        var positions: [Int] = []
        var offersOK = false
        if let v = ctx.required(o, "offers"), let items = ctx.array(v, o.path("offers")) {
            offersOK = true
            for (k, (item, p)) in items.enumerated() {
                if let offer = offer(item, p) {
                    offers.append(offer)
                    positions.append(k)
                }
            }
        }
        guard let id, let name, let country, let city, let accessibility, let capacity, let location, offersOK else {
            return nil
        }
        return (
            Host(
                id: id, name: name, country: country, city: city, accessibility: accessibility, capacity: capacity,
                offers: offers, location: location),
            positions
        )
    }

    private mutating func group(_ v: JSONValue, _ path: String) -> TravelGroup? {
        guard let o = ctx.object(v, path, allowed: Self.groupFields) else { return nil }
        let id = ctx.required(o, "id").flatMap { ctx.id($0, o.path("id"), what: "group id") }
        var together: Together? = .city
        if let v = o["together"] { together = ctx.together(v, o.path("together")) }
        var companions: Int? = 0
        if let v = o["companions"] { companions = ctx.wholeNumber(v, o.path("companions")) }
        if let c = companions, c < 0 {
            ctx.error(o.path("companions"), "companions must be 0 or more, found \(c)")
            companions = nil
        }
        guard let id, let together, let companions else { return nil }
        return TravelGroup(id: id, together: together, companions: companions)
    }

    private mutating func sendingOrg(_ v: JSONValue, _ path: String) -> SendingOrg? {
        guard let o = ctx.object(v, path, allowed: Self.sendingOrgFields) else { return nil }
        let id = ctx.required(o, "id").flatMap { ctx.id($0, o.path("id"), what: "sending organisation id") }
        let country = ctx.required(o, "country").flatMap { ctx.country($0, o.path("country")) }
        var city: String?? = .some(nil)
        if let v = o["city"] { city = ctx.string(v, o.path("city")).map { .some($0) } }
        var location: Location?? = .some(nil)
        if let v = o["location"] { location = ctx.location(v, o.path("location")).map { .some($0) } }
        guard let id, let country, let city, let location else { return nil }
        return SendingOrg(id: id, country: country, city: city, location: location)
    }

    private mutating func offer(_ v: JSONValue, _ path: String) -> Offer? {
        guard let o = ctx.object(v, path, allowed: Self.offerFields) else { return nil }
        let id = ctx.required(o, "id").flatMap { ctx.id($0, o.path("id"), what: "offer id") }
        let sectors = ctx.required(o, "sectors").flatMap { ctx.stringArray($0, o.path("sectors")) }
        var languages: [String: LanguageLevel]? = [:]
        if let v = o["languages"] { languages = ctx.levelMap(v, o.path("languages")) }
        let from = ctx.required(o, "from").flatMap { ctx.day($0, o.path("from")) }
        let to = ctx.required(o, "to").flatMap { ctx.day($0, o.path("to")) }
        let capacity = ctx.required(o, "capacity").flatMap { ctx.wholeNumber($0, o.path("capacity")) }
        func optionalWhole(_ key: String, _ ctx: inout JSONReadContext) -> Int?? {
            guard let v = o[key] else { return .some(nil) }
            return ctx.wholeNumber(v, o.path(key)).map { .some($0) }
        }
        let total = optionalWhole("total", &ctx)
        let minWeeks = optionalWhole("min_weeks", &ctx)
        let maxWeeks = optionalWhole("max_weeks", &ctx)
        let minAge = optionalWhole("min_age", &ctx)
        var kinds: [ParticipantKind]?? = .some(nil)
        if let v = o["kinds"], let items = ctx.array(v, o.path("kinds")) {
            var list: [ParticipantKind] = []
            for (item, p) in items {
                if let k = ctx.kind(item, p) { list.append(k) }
            }
            kinds = list.count == items.count ? .some(list) : nil
        } else if o["kinds"] != nil {
            kinds = nil
        }
        var accessibility: [String]? = []
        if let v = o["accessibility"] { accessibility = ctx.stringArray(v, o.path("accessibility")) }
        guard let id, let sectors, let languages, let from, let to, let capacity, let total, let minWeeks, let maxWeeks,
            let minAge, let kinds, let accessibility
        else { return nil }
        return Offer(
            id: id, sectors: sectors, languages: languages, from: from, to: to, capacity: capacity, total: total,
            minWeeks: minWeeks, maxWeeks: maxWeeks, minAge: minAge, kinds: kinds, accessibility: accessibility)
    }
}
