/// Says where each part of an instance came from, so that checks made on the
/// decoded values can name the file and the place (a JSON path, or a CSV
/// line and column).
public protocol InstanceLocator {
    /// The place of participant `index`, or of one of its fields (`field` is
    /// the spec's snake_case name, e.g. `"weeks"`; nil for the participant itself).
    func participant(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of host `index` or one of its fields.
    func host(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of offer `offer` of host `host` (both 0-based, in the
    /// order of `Instance.hosts[host].offers`) or one of its fields.
    func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String)
    /// The place of lock `index` (in the order of ``Instance/locks``) or one of its fields.
    func lock(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of ban `index` or one of its fields.
    func ban(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of sending organisation `index` or one of its fields.
    func sendingOrg(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of group entry `index` (in the order of ``Instance/groups``) or one of its fields.
    func group(_ index: Int, field: String?) -> (file: String, location: String)
}

extension InstanceLocator {
    /// For a locator written before locks existed: the lock's position.
    public func lock(_ index: Int, field: String?) -> (file: String, location: String) {
        ("", "locks[\(index)]" + (field.map { "." + $0 } ?? ""))
    }

    /// For a locator written before bans existed: the ban's position.
    public func ban(_ index: Int, field: String?) -> (file: String, location: String) {
        ("", "bans[\(index)]" + (field.map { "." + $0 } ?? ""))
    }

    /// For a locator written before groups existed.
    public func group(_ index: Int, field: String?) -> (file: String, location: String) {
        ("", "groups[\(index)]" + (field.map { "." + $0 } ?? ""))
    }

    /// For a locator written before sending organisations existed.
    public func sendingOrg(_ index: Int, field: String?) -> (file: String, location: String) {
        ("", "sending_orgs[\(index)]" + (field.map { "." + $0 } ?? ""))
    }
}

/// Checks on a decoded instance that do not depend on its file format:
/// duplicate ids, impossible numbers, reversed windows, preferences naming
/// nothing (a warning), closed offers (a warning), and so on.
///
/// Errors: empty or duplicate ids (participant, host; offer ids are unique
/// across the instance), empty country or sector, `weeks` < 1 or above
/// ``maxWeeks``, reversed
/// windows, negative capacities or totals, `min_weeks`/`max_weeks` < 1 or
/// `min_weeks` > `max_weeks`, `min_age` < 0 or above ``maxAge``, an attribute named like a
/// participant field or a placement-side scope key (`id`, `kind`, `country`,
/// `sending_org`, `sector`, `weeks`, `host`, `host_country`, `offer`: a
/// `who` or `within` key would be ambiguous), a repeated attribute name.
///
/// Warnings: a preference naming no host or offer (model.md, ruling 9),
/// capacity 0 or total 0 (closes the offer), host capacity 0, an offer with
/// `sectors: []` or `kinds: []` (matches nobody, ruling 8), a participant or
/// offer window in which no Monday-to-Sunday stay fits.
///
/// Returns every error and warning; the caller throws ``InputError`` when
/// any is an error.
public func checkInstance(_ instance: Instance, locator: some InstanceLocator) -> [Diagnostic] {
    var checks = InstanceChecker()
    checks.run(instance, locator)
    return checks.diagnostics + checks.cap.closing
}

/// The most weeks a stay may last: the dates allvet reads (0000-01-01 to
/// 9999-12-31, 3,652,425 days) hold no longer stay, and `7 × weeks` must not
/// overflow in the date arithmetic of the checks, candidates and verifier.
let maxWeeks = 521_775

/// The largest `min_age`: an age in years. A larger one (the readers take
/// whole numbers to 10^18) overflowed the date arithmetic of "the day the
/// participant comes of age" (found by the CSV fuzz target).
let maxAge = 150

/// Names that an attribute must not have (see ``checkInstance(_:locator:)``).
let reservedAttributeNames: Set<String> = Set(
    ParticipantField.allCases.map(\.rawValue) + ["host", "host_country", "offer"])

struct InstanceChecker {
    var diagnostics: [Diagnostic] = []
    var cap = DiagnosticCap()

    mutating func error(_ at: (file: String, location: String), _ message: String) {
        add(Diagnostic(.error, file: at.file, location: at.location, message: message))
    }

    mutating func warning(_ at: (file: String, location: String), _ message: String) {
        add(Diagnostic(.warning, file: at.file, location: at.location, message: message))
    }

    /// Keeps `d` unless its kind is over the cap (``DiagnosticCap``).
    private mutating func add(_ d: Diagnostic) {
        if cap.admit(d) { diagnostics.append(d) }
    }

    /// " (first given at …)" for a duplicate, naming the file only when it differs.
    private func first(_ a: (file: String, location: String), _ b: (file: String, location: String)) -> String {
        a.file == b.file ? " (first given at \(a.location))" : " (first given in \(a.file) at \(a.location))"
    }

    /// Whether some Monday `s` has `from ≤ s` and `s + 7·weeks − 1 ≤ to`.
    /// A window longer than this many days is most likely a typo in a year
    /// (2926 for 2026): every week of it is a possible start, so it blows the
    /// round up many times over.
    static let longWindowDays = 3 * 366

    private mutating func warnIfLong(from: Day, to: Day, at: (file: String, location: String), what: String) {
        let days = to.ordinal - from.ordinal
        guard days > Self.longWindowDays else { return }
        warning(
            at,
            "\(what) from \(from) to \(to) spans \(days / 365) years; is a year mistyped? Every week in it is a "
                + "possible start, which makes the round about \(days / 365) times larger to solve")
    }

    /// Ids are names people type: a control character in one is never
    /// intended and would be printed raw by every tool that shows it.
    private mutating func checkPrintable(_ id: String, at: (file: String, location: String), what: String) {
        guard let c = ControlCharacters.first(in: id) else { return }
        error(
            at,
            "the \(what) id \"\(ControlCharacters.escaped(id, keepLineBreaks: false))\" holds the control character "
                + "\(ControlCharacters.name(c)); remove it (ids must be printable text)")
    }

    private func stayFits(from: Day, to: Day, weeks: Int) -> Bool {
        from.mondayOnOrAfter.ordinal + 7 * weeks - 1 <= to.ordinal
    }

    mutating func run(_ instance: Instance, _ loc: some InstanceLocator) {
        var knownTargets = Set<String>()
        var hostIDs: [String: Int] = [:]
        var offerIDs: [String: (Int, Int)] = [:]
        for (h, host) in instance.hosts.enumerated() {
            checkHost(host, h, loc, &hostIDs)
            knownTargets.insert(host.id)
            for (k, offer) in host.offers.enumerated() {
                checkOffer(offer, h, k, loc, &offerIDs)
                knownTargets.insert(offer.id)
            }
        }
        var participantIDs: [String: Int] = [:]
        participantIDs.reserveCapacity(instance.participants.count)
        for (i, p) in instance.participants.enumerated() {
            checkParticipant(p, i, loc, &participantIDs, knownTargets)
        }
        checkVocabulary(instance, loc)
        checkAgreements(instance, loc, hosts: hostIDs, offers: offerIDs, participants: participantIDs)
        checkSendingOrgs(instance, loc)
        checkGroups(instance, loc)
    }

    private mutating func checkParticipant(
        _ p: Participant, _ i: Int, _ loc: some InstanceLocator, _ ids: inout [String: Int],
        _ targets: Set<String>
    ) {
        if p.id.isEmpty {
            error(loc.participant(i, field: "id"), "a participant id must not be empty")
        } else if let j = ids[p.id] {
            error(
                loc.participant(i, field: "id"),
                "duplicate participant id \"\(p.id)\"; participant ids must be unique"
                    + first(loc.participant(j, field: "id"), loc.participant(i, field: "id")))
        } else {
            ids[p.id] = i
        }
        checkPrintable(p.id, at: loc.participant(i, field: "id"), what: "participant")
        if p.country.isEmpty {
            error(
                loc.participant(i, field: "country"),
                "the sending country must not be empty; give an ISO 3166-1 alpha-2 code such as \"ES\"")
        }
        if p.sector.isEmpty { error(loc.participant(i, field: "sector"), "the sector must not be empty") }
        if p.weeks < 1 {
            error(loc.participant(i, field: "weeks"), "weeks must be at least 1, found \(p.weeks)")
        } else if p.weeks > maxWeeks {
            error(
                loc.participant(i, field: "weeks"),
                "weeks must be at most \(maxWeeks) (longer than the 10,000 years of dates allvet reads), found \(p.weeks)"
            )
        }
        if p.availableFrom > p.availableTo {
            error(
                loc.participant(i, field: "available_from"),
                "the availability window is reversed: available_from \(p.availableFrom) is after available_to \(p.availableTo)"
            )
        } else if p.availableTo.ordinal - p.availableFrom.ordinal > Self.longWindowDays {
            warnIfLong(
                from: p.availableFrom, to: p.availableTo, at: loc.participant(i, field: "available_to"),
                what: "the availability window")
        } else if (1...maxWeeks).contains(p.weeks)
            && !stayFits(from: p.availableFrom, to: p.availableTo, weeks: p.weeks)
        {
            warning(
                loc.participant(i, field: "weeks"),
                "no stay of \(p.weeks) week\(p.weeks == 1 ? "" : "s") from Monday to Sunday fits between \(p.availableFrom) and \(p.availableTo); the participant cannot be placed"
            )
        }
        var seen = Set<String>()
        for a in p.attributes {
            if reservedAttributeNames.contains(a.name) {
                error(
                    loc.participant(i, field: "attributes"),
                    "attribute \"\(a.name)\" has the name of a participant field or scope key, which would make quota keys ambiguous; rename it"
                )
            }
            if !seen.insert(a.name).inserted {
                error(loc.participant(i, field: "attributes"), "attribute \"\(a.name)\" is given twice")
            }
        }
        for (k, pref) in p.preferences.enumerated() where !targets.contains(pref) {
            warning(
                loc.participant(i, field: "preferences"),
                "preference \(k + 1), \"\(pref)\", names no host or offer; it keeps its place in the ranking (model.md, ruling 9)"
            )
        }
    }

    private mutating func checkHost(_ host: Host, _ h: Int, _ loc: some InstanceLocator, _ ids: inout [String: Int]) {
        if host.id.isEmpty {
            error(loc.host(h, field: "id"), "a host id must not be empty")
        } else if let j = ids[host.id] {
            error(
                loc.host(h, field: "id"),
                "duplicate host id \"\(host.id)\"; host ids must be unique"
                    + first(loc.host(j, field: "id"), loc.host(h, field: "id")))
        } else {
            ids[host.id] = h
        }
        checkPrintable(host.id, at: loc.host(h, field: "id"), what: "host")
        if host.country.isEmpty {
            error(
                loc.host(h, field: "country"),
                "the host country must not be empty; give an ISO 3166-1 alpha-2 code such as \"DE\"")
        }
        if let c = host.capacity {
            if c < 0 {
                error(loc.host(h, field: "capacity"), "capacity must be 0 or more, found \(c)")
            } else if c == 0 {
                warning(loc.host(h, field: "capacity"), "capacity 0 closes the host: none of its offers can be used")
            }
        }
    }

    private mutating func checkOffer(
        _ o: Offer, _ h: Int, _ k: Int, _ loc: some InstanceLocator, _ ids: inout [String: (Int, Int)]
    ) {
        func at(_ field: String?) -> (file: String, location: String) { loc.offer(host: h, offer: k, field: field) }
        if o.id.isEmpty {
            error(at("id"), "an offer id must not be empty")
        } else if let (jh, jk) = ids[o.id] {
            error(
                at("id"),
                "duplicate offer id \"\(o.id)\"; offer ids must be unique across the instance"
                    + first(loc.offer(host: jh, offer: jk, field: "id"), at("id")))
        } else {
            ids[o.id] = (h, k)
        }
        checkPrintable(o.id, at: at("id"), what: "offer")
        if o.capacity < 0 {
            error(at("capacity"), "capacity must be 0 or more, found \(o.capacity)")
        } else if o.capacity == 0 {
            warning(at("capacity"), "capacity 0 closes the offer: nobody can be placed there")
        }
        if let t = o.total {
            if t < 0 {
                error(at("total"), "total must be 0 or more, found \(t)")
            } else if t == 0 {
                warning(at("total"), "total 0 closes the offer: nobody can be placed there")
            }
        }
        if let m = o.minWeeks, m < 1 { error(at("min_weeks"), "min_weeks must be at least 1, found \(m)") }
        if let m = o.maxWeeks, m < 1 { error(at("max_weeks"), "max_weeks must be at least 1, found \(m)") }
        if let a = o.minWeeks, let b = o.maxWeeks, a > b {
            error(at("min_weeks"), "min_weeks \(a) is more than max_weeks \(b); no stay length fits")
        }
        if let a = o.minAge, a < 0 { error(at("min_age"), "min_age must be 0 or more, found \(a)") }
        if let a = o.minAge, a > maxAge {
            error(at("min_age"), "min_age must be at most \(maxAge) (an age in years), found \(a)")
        }
        if o.from > o.to {
            error(at("from"), "the offer window is reversed: from \(o.from) is after to \(o.to)")
        } else if o.to.ordinal - o.from.ordinal > Self.longWindowDays {
            warnIfLong(from: o.from, to: o.to, at: at("to"), what: "the offer window")
        } else if !stayFits(from: o.from, to: o.to, weeks: 1) {
            warning(
                at("from"),
                "no Monday-to-Sunday week fits between \(o.from) and \(o.to); nobody can be placed at this offer")
        }
        if o.sectors.isEmpty { warning(at("sectors"), "sectors [] matches nobody (model.md, ruling 8)") }
        if let ks = o.kinds, ks.isEmpty { warning(at("kinds"), "kinds [] accepts nobody (model.md, ruling 8)") }
    }
}
