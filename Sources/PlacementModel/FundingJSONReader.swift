/// Reads the unit costs of a programme call (`allvet-funding/1`, rounds.md,
/// section 4), checking the inclusion `who` against the instance it will
/// be used with, as a policy's.
///
/// Errors (all reported in one run, with JSON paths): a missing or wrong
/// `format`; unknown fields; wrong types; a band with `min_km > max_km`, or
/// bands that overlap; a negative amount; a country in two groups; a group
/// of `country_groups` without daily rates for both kinds, or daily rates
/// for a group that has no countries; `reduced_factor` outside [0, 1].
/// Sections `organisational` and `inclusion` are optional (nothing paid).
public enum FundingJSONReader {
    /// The value `format` must have.
    public static let format = "allvet-funding/1"

    public static func read(data: [UInt8], file: String, instance: Instance) throws(InputError) -> (
        Funding, warnings: [Diagnostic]
    ) {
        var ctx = JSONReadContext(file: file)
        guard let root = ctx.parse(data) else { throw InputError(ctx.diagnostics) }
        var decoding = PolicyDecoding(ctx: ctx, instance: instance)
        let funding = decoding.funding(root)
        ctx = decoding.ctx
        guard let funding, !ctx.hasErrors else { throw InputError(ctx.diagnostics) }
        return (funding, ctx.diagnostics)
    }

    public static func read(path: String, instance: Instance) throws(InputError) -> (Funding, warnings: [Diagnostic]) {
        let bytes = try readFileBytes(path)
        return try read(data: bytes, file: path, instance: instance)
    }
}

extension PolicyDecoding {
    mutating func funding(_ root: JSONValue) -> Funding? {
        let top = ["format", "name", "currency", "travel", "individual", "organisational", "inclusion"]
        guard let o = ctx.object(root, "$", allowed: top) else { return nil }
        ctx.checkFormat(
            o, expected: FundingJSONReader.format, otherPrefix: "allvet-",
            otherHint: "this is not a funding file (allvet-funding/1)")
        var name: String?
        if let v = o["name"] { name = ctx.string(v, o.path("name")) }
        var currency = "EUR"
        if let v = o["currency"], let s = ctx.nonEmptyString(v, o.path("currency")) { currency = s }
        let travel = ctx.required(o, "travel").flatMap { self.travel($0, o.path("travel")) }
        let individual = ctx.required(o, "individual").flatMap { self.individual($0, o.path("individual")) }
        var organisational = ExactDecimal(0)
        if let v = o["organisational"], let s = ctx.object(v, o.path("organisational"), allowed: ["per_participant"]),
            let a = ctx.required(s, "per_participant").flatMap({ amount($0, s.path("per_participant")) })
        {
            organisational = a
        }
        var inclusionWho: Selector?
        var inclusion = ExactDecimal(0)
        if let v = o["inclusion"], let s = ctx.object(v, o.path("inclusion"), allowed: ["who", "per_participant"]) {
            inclusionWho = ctx.required(s, "who").flatMap { selector($0, s.path("who")) }
            if let a = ctx.required(s, "per_participant").flatMap({ amount($0, s.path("per_participant")) }) {
                inclusion = a
            }
        }
        guard let travel, let individual else { return nil }
        return Funding(
            name: name, currency: currency, bands: travel.bands, travelDays: travel.days,
            countryGroup: individual.groups, daily: individual.daily, reducedAfterDay: individual.reducedAfter,
            reducedFactor: individual.factor, organisational: organisational, inclusionWho: inclusionWho,
            inclusion: inclusion)
    }

    /// A money amount: an exact decimal ≥ 0.
    private mutating func amount(_ v: JSONValue, _ path: String) -> ExactDecimal? {
        guard let d = ctx.exactDecimal(v, path) else { return nil }
        guard d.numerator >= 0 else {
            ctx.error(path, "an amount must not be negative, found \(d)")
            return nil
        }
        return d
    }

    private mutating func count(_ v: JSONValue, _ path: String) -> Int? {
        guard let n = ctx.wholeNumber(v, path) else { return nil }
        guard n >= 0 else {
            ctx.error(path, "expected a whole number ≥ 0, found \(n)")
            return nil
        }
        return n
    }

    private mutating func travel(_ v: JSONValue, _ path: String) -> (
        bands: [Funding.TravelBand], days: [TravelMode: Int]
    )? {
        guard let o = ctx.object(v, path, allowed: ["bands", "travel_days"]) else { return nil }
        var bands: [(Funding.TravelBand, String)] = []
        var ok = true
        if let v = ctx.required(o, "bands"), let items = ctx.array(v, o.path("bands")) {
            for (item, p) in items {
                guard let b = ctx.object(item, p, allowed: ["min_km", "max_km", "standard", "green"]) else {
                    ok = false
                    continue
                }
                let lo = ctx.required(b, "min_km").flatMap { count($0, b.path("min_km")) }
                let hi = ctx.required(b, "max_km").flatMap { count($0, b.path("max_km")) }
                let standard = ctx.required(b, "standard").flatMap { amount($0, b.path("standard")) }
                let green = ctx.required(b, "green").flatMap { amount($0, b.path("green")) }
                guard let lo, let hi, let standard, let green else { ok = false; continue }
                guard lo <= hi else {
                    ctx.error(p, "min_km \(lo) is above max_km \(hi)")
                    ok = false
                    continue
                }
                bands.append((Funding.TravelBand(minKm: lo, maxKm: hi, standard: standard, green: green), p))
            }
        } else {
            ok = false
        }
        bands.sort { $0.0.minKm < $1.0.minKm }
        for (a, b) in zip(bands, bands.dropFirst()) where b.0.minKm <= a.0.maxKm {
            ctx.error(
                b.1,
                "the band \(b.0.minKm)–\(b.0.maxKm) km overlaps the band \(a.0.minKm)–\(a.0.maxKm) km "
                    + "(\(a.1)); a distance must fall in one band only")
            ok = false
        }
        var days: [TravelMode: Int] = [:]
        if let v = ctx.required(o, "travel_days"),
            let d = ctx.object(v, o.path("travel_days"), allowed: TravelMode.allCases.map(\.rawValue))
        {
            for mode in TravelMode.allCases {
                if let n = ctx.required(d, mode.rawValue).flatMap({ count($0, d.path(mode.rawValue)) }) {
                    days[mode] = n
                } else {
                    ok = false
                }
            }
        } else {
            ok = false
        }
        return ok ? (bands.map(\.0), days) : nil
    }

    private mutating func individual(_ v: JSONValue, _ path: String) -> (
        groups: [String: String], daily: [String: [ParticipantKind: ExactDecimal]], reducedAfter: Int,
        factor: ExactDecimal
    )? {
        let fields = ["country_groups", "daily", "reduced_after_day", "reduced_factor"]
        guard let o = ctx.object(v, path, allowed: fields) else { return nil }
        var ok = true
        var groups: [String: String] = [:]
        var groupNames: [String] = []
        if let v = ctx.required(o, "country_groups") {
            if case .object(let members) = v.content {
                for m in members {
                    groupNames.append(m.key)
                    let p = o.path("country_groups") + JSONPath.member(m.key)
                    guard let items = ctx.array(m.value, p) else { ok = false; continue }
                    for (item, ip) in items {
                        guard let c = ctx.country(item, ip) else { ok = false; continue }
                        if let other = groups[c] {
                            ctx.error(ip, "\(c) is already in group \"\(other)\"; a country has one daily rate")
                            ok = false
                        }
                        groups[c] = m.key
                    }
                }
            } else {
                ctx.error(o.path("country_groups"), "expected an object of group → country codes")
                ok = false
            }
        } else {
            ok = false
        }
        var daily: [String: [ParticipantKind: ExactDecimal]] = [:]
        if let v = ctx.required(o, "daily") {
            if case .object(let members) = v.content {
                for m in members {
                    let p = o.path("daily") + JSONPath.member(m.key)
                    if !groupNames.contains(m.key) {
                        ctx.error(p, "no group \"\(m.key)\" in country_groups")
                        ok = false
                    }
                    guard let r = ctx.object(m.value, p, allowed: ParticipantKind.allCases.map(\.rawValue)) else {
                        ok = false
                        continue
                    }
                    for kind in ParticipantKind.allCases {
                        if let a = ctx.required(r, kind.rawValue).flatMap({ amount($0, r.path(kind.rawValue)) }) {
                            daily[m.key, default: [:]][kind] = a
                        } else {
                            ok = false
                        }
                    }
                }
                for g in groupNames where !members.contains(where: { $0.key == g }) {
                    ctx.error(o.path("daily"), "no daily rates for group \"\(g)\" of country_groups")
                    ok = false
                }
            } else {
                ctx.error(o.path("daily"), "expected an object of group → daily rates")
                ok = false
            }
        } else {
            ok = false
        }
        let after = ctx.required(o, "reduced_after_day").flatMap { count($0, o.path("reduced_after_day")) }
        var factor = ctx.required(o, "reduced_factor").flatMap { amount($0, o.path("reduced_factor")) }
        if let f = factor, f.numerator > f.denominator {
            ctx.error(o.path("reduced_factor"), "expected a factor from 0 to 1, found \(f)")
            factor = nil
        }
        guard ok, let after, let factor else { return nil }
        return (groups, daily, after, factor)
    }
}
