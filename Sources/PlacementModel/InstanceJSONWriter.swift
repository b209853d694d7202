/// Writes an instance in the canonical JSON form of formats.md.
///
/// Keys follow formats.md's order; optional fields are left out when absent
/// (`kind` when `apprentice`, empty `needs`, `attributes`, `preferences`,
/// host `accessibility`, offer `languages` and `accessibility`); participant
/// `languages` and host `offers` are always written (they are required).
/// Language maps are sorted by code (code-point order), attributes keep
/// their order. Reading the text back with ``InstanceJSONReader`` gives an
/// equal ``Instance``.
public enum InstanceJSONWriter {
    /// The canonical JSON text, pretty with a 2-space indent, ending in a line break.
    public static func write(_ instance: Instance) -> String {
        var top: [JSONValue.Member] = [
            member("format", .string(InstanceJSONReader.format)),
            member("name", .string(instance.name)),
        ]
        top.append(member("participants", .array(instance.participants.map(participant))))
        top.append(member("hosts", .array(instance.hosts.map(host))))
        if !instance.locks.isEmpty { top.append(member("locks", .array(instance.locks.map(lock)))) }
        if !instance.bans.isEmpty {
            top.append(member("bans", .array(instance.bans.map { agreement($0.participant, $0.target) })))
        }
        if !instance.sendingOrgs.isEmpty {
            top.append(member("sending_orgs", .array(instance.sendingOrgs.map(sendingOrg))))
        }
        if !instance.groups.isEmpty { top.append(member("groups", .array(instance.groups.map(group)))) }
        return JSONValue(.object(top)).prettyText
    }

    static func agreement(_ participant: String, _ target: AgreementTarget) -> JSONValue {
        let key: String
        switch target {
        case .offer: key = "offer"
        case .host: key = "host"
        }
        return JSONValue(.object([member("participant", .string(participant)), member(key, .string(target.id))]))
    }

    static func lock(_ l: Lock) -> JSONValue {
        guard case .object(var m) = agreement(l.participant, l.target).content else { preconditionFailure() }
        if let s = l.start { m.append(member("start", .string(s.iso))) }
        return JSONValue(.object(m))
    }

    static func participant(_ p: Participant) -> JSONValue {
        var m: [JSONValue.Member] = [member("id", .string(p.id))]
        if p.kind != .apprentice { m.append(member("kind", .string(p.kind.rawValue))) }
        m.append(member("country", .string(p.country)))
        if let s = p.sendingOrg { m.append(member("sending_org", .string(s))) }
        m.append(member("sector", .string(p.sector)))
        m.append(member("languages", levels(p.languages)))
        m.append(member("available_from", .string(p.availableFrom.iso)))
        m.append(member("available_to", .string(p.availableTo.iso)))
        m.append(member("weeks", .number(String(p.weeks))))
        if let b = p.birthDate { m.append(member("birth_date", .string(b.iso))) }
        if !p.needs.isEmpty { m.append(member("needs", strings(p.needs))) }
        if !p.attributes.isEmpty {
            m.append(member("attributes", .object(p.attributes.map { member($0.name, attribute($0.value)) })))
        }
        if !p.preferences.isEmpty { m.append(member("preferences", strings(p.preferences))) }
        if p.travel != .standard { m.append(member("travel", .string(p.travel.rawValue))) }
        if let g = p.group { m.append(member("group", .string(g))) }
        return JSONValue(.object(m))
    }

    static func host(_ h: Host) -> JSONValue {
        var m: [JSONValue.Member] = [member("id", .string(h.id))]
        if let n = h.name { m.append(member("name", .string(n))) }
        m.append(member("country", .string(h.country)))
        if let c = h.city { m.append(member("city", .string(c))) }
        if !h.accessibility.isEmpty { m.append(member("accessibility", strings(h.accessibility))) }
        if let c = h.capacity { m.append(member("capacity", .number(String(c)))) }
        m.append(member("offers", .array(h.offers.map(offer))))
        if let l = h.location { m.append(member("location", location(l))) }
        return JSONValue(.object(m))
    }

    static func group(_ g: TravelGroup) -> JSONValue {
        JSONValue(
            .object([
                member("id", .string(g.id)), member("together", .string(g.together.rawValue)),
                member("companions", .number(String(g.companions))),
            ]))
    }

    static func sendingOrg(_ s: SendingOrg) -> JSONValue {
        var m: [JSONValue.Member] = [member("id", .string(s.id)), member("country", .string(s.country))]
        if let c = s.city { m.append(member("city", .string(c))) }
        if let l = s.location { m.append(member("location", location(l))) }
        return JSONValue(.object(m))
    }

    static func location(_ l: Location) -> JSONValue {
        JSONValue(
            .object([
                member("lat", .number(NumberText.shortest(l.lat))), member("lon", .number(NumberText.shortest(l.lon))),
            ]))
    }

    static func offer(_ o: Offer) -> JSONValue {
        var m: [JSONValue.Member] = [member("id", .string(o.id)), member("sectors", strings(o.sectors))]
        if !o.languages.isEmpty { m.append(member("languages", levels(o.languages))) }
        m.append(member("from", .string(o.from.iso)))
        m.append(member("to", .string(o.to.iso)))
        m.append(member("capacity", .number(String(o.capacity))))
        if let t = o.total { m.append(member("total", .number(String(t)))) }
        if let t = o.minWeeks { m.append(member("min_weeks", .number(String(t)))) }
        if let t = o.maxWeeks { m.append(member("max_weeks", .number(String(t)))) }
        if let t = o.minAge { m.append(member("min_age", .number(String(t)))) }
        if let k = o.kinds { m.append(member("kinds", strings(k.map(\.rawValue)))) }
        if !o.accessibility.isEmpty { m.append(member("accessibility", strings(o.accessibility))) }
        return JSONValue(.object(m))
    }

    static func member(_ key: String, _ content: JSONValue.Content) -> JSONValue.Member {
        JSONValue.Member(key: key, value: JSONValue(content))
    }

    static func member(_ key: String, _ value: JSONValue) -> JSONValue.Member {
        JSONValue.Member(key: key, value: value)
    }

    static func strings(_ list: [String]) -> JSONValue.Content { .array(list.map { JSONValue(.string($0)) }) }

    static func levels(_ map: [String: LanguageLevel]) -> JSONValue.Content {
        .object(
            map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map {
                member($0, .string(map[$0]!.rawValue))
            })
    }

    static func attribute(_ v: AttributeValue) -> JSONValue.Content {
        switch v {
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .number(let d): .number(JSONWriting.number(d))
        }
    }
}
