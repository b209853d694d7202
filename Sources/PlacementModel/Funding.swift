/// Whole euro cents: every money figure of allvet (rounds.md, ruling 18).
public typealias Cents = Int

/// The unit costs of a programme call (`allvet-funding/1`, rounds.md,
/// section 4). Amounts are exact decimals in the file's currency.
public struct Funding: Sendable, Equatable {
    /// A distance band of the travel grant: `min_km ≤ distance ≤ max_km`.
    public struct TravelBand: Sendable, Equatable {
        public var minKm: Int
        public var maxKm: Int
        public var standard: ExactDecimal
        public var green: ExactDecimal
        public init(minKm: Int, maxKm: Int, standard: ExactDecimal, green: ExactDecimal) {
            self.minKm = minKm
            self.maxKm = maxKm
            self.standard = standard
            self.green = green
        }
        public func amount(_ mode: TravelMode) -> ExactDecimal { mode == .green ? green : standard }
    }

    public var name: String?
    public var currency: String
    /// In increasing order, not overlapping (the reader checks).
    public var bands: [TravelBand]
    public var travelDays: [TravelMode: Int]
    /// Country code → the name of its group of daily rates.
    public var countryGroup: [String: String]
    /// Group name → daily rate per participant kind.
    public var daily: [String: [ParticipantKind: ExactDecimal]]
    public var reducedAfterDay: Int
    public var reducedFactor: ExactDecimal
    public var organisational: ExactDecimal
    /// Who gets inclusion support (the rules of `who` in model.md); nil: nobody.
    public var inclusionWho: Selector?
    public var inclusion: ExactDecimal

    public init(
        name: String? = nil, currency: String = "EUR", bands: [TravelBand], travelDays: [TravelMode: Int],
        countryGroup: [String: String], daily: [String: [ParticipantKind: ExactDecimal]], reducedAfterDay: Int,
        reducedFactor: ExactDecimal, organisational: ExactDecimal = ExactDecimal(0), inclusionWho: Selector? = nil,
        inclusion: ExactDecimal = ExactDecimal(0)
    ) {
        self.name = name
        self.currency = currency
        self.bands = bands
        self.travelDays = travelDays
        self.countryGroup = countryGroup
        self.daily = daily
        self.reducedAfterDay = reducedAfterDay
        self.reducedFactor = reducedFactor
        self.organisational = organisational
        self.inclusionWho = inclusionWho
        self.inclusion = inclusion
    }
}

/// The cost of one stay, line by line, in cents (rounds.md, section 4).
public struct StayCost: Sendable, Equatable {
    public var distanceKm: Int
    public var travel: Cents
    public var individual: Cents
    public var organisational: Cents
    public var inclusion: Cents
    public var total: Cents { travel + individual + organisational + inclusion }
    public init(distanceKm: Int, travel: Cents, individual: Cents, organisational: Cents, inclusion: Cents) {
        self.distanceKm = distanceKm
        self.travel = travel
        self.individual = individual
        self.organisational = organisational
        self.inclusion = inclusion
    }
}

/// Why a stay has no cost: the funding file does not cover it.
public enum CostProblem: Error, Sendable, Equatable {
    /// The distance falls in a gap between bands or above every band.
    case noBand(distanceKm: Int)
    /// The host's country is in no group of daily rates.
    case noCountryGroup(country: String)
}

extension Funding {
    /// The band of a distance: nil below the first band (travel 0) and
    /// `.failure` in a gap or above every band.
    public func band(forKilometres km: Int) -> Result<TravelBand?, CostProblem> {
        guard let first = bands.first, km >= first.minKm else { return .success(nil) }
        if let b = bands.first(where: { $0.minKm <= km && km <= $0.maxKm }) { return .success(b) }
        return .failure(.noBand(distanceKm: km))
    }

    /// The one place a stay's cost is computed (rounds.md, section 4 and
    /// ruling 18): each line exact, rounded half up to the cent once.
    /// `kind` and `travel` are the traveller's (a companion travels as
    /// `staff`, standard); `included` whether inclusion support applies.
    public func cost(
        from origin: Location, to host: Location, hostCountry: String, weeks: Int, kind: ParticipantKind,
        travel mode: TravelMode, included: Bool, organisational withOrganisational: Bool = true
    ) -> Result<StayCost, CostProblem> {
        let km = origin.kilometres(to: host)
        let band: TravelBand?
        switch self.band(forKilometres: km) {
        case .success(let b): band = b
        case .failure(let problem): return .failure(problem)
        }
        guard let group = countryGroup[hostCountry], let rate = daily[group]?[kind] else {
            return .failure(.noCountryGroup(country: hostCountry))
        }
        let days = 7 * weeks + (travelDays[mode] ?? 0)
        let full = min(days, reducedAfterDay), reduced = max(0, days - reducedAfterDay)
        // individual = rate·full + rate·factor·reduced, exactly, in cents:
        // 100·(a/b)·full + 100·(a/b)·(c/e)·reduced = 100·a·(full·e + c·reduced) / (b·e).
        let a = Int128(rate.numerator), b = Int128(rate.denominator)
        let c = Int128(reducedFactor.numerator), e = Int128(reducedFactor.denominator)
        let individual = Self.halfUp(100 * a * (Int128(full) * e + c * Int128(reduced)), b * e)
        return .success(
            StayCost(
                distanceKm: km, travel: band.map { Self.cents($0.amount(mode)) } ?? 0, individual: individual,
                organisational: withOrganisational ? Self.cents(organisational) : 0,
                inclusion: included ? Self.cents(inclusion) : 0))
    }

    /// An amount in cents, rounded half up.
    public static func cents(_ amount: ExactDecimal) -> Cents {
        halfUp(100 * Int128(amount.numerator), Int128(amount.denominator))
    }

    /// `n / d` rounded half up (d > 0, n ≥ 0: amounts are never negative).
    static func halfUp(_ n: Int128, _ d: Int128) -> Cents { Int((2 * n + d) / (2 * d)) }
}

extension Cents {
    /// `1,234.50`: euros with two decimals and a comma every three digits,
    /// for messages and reports.
    public var euroText: String {
        let sign = self < 0 ? "-" : ""
        let v = abs(self)
        var whole = String(v / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        let cents = v % 100
        return sign + groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// `1234.50`: euros with two decimals, as `summary.json` and the CSV
    /// files print them (rounds.md, ruling 18).
    public var euroLiteral: String {
        let v = abs(self)
        return (self < 0 ? "-" : "") + String(v / 100) + "." + (v % 100 < 10 ? "0" : "") + String(v % 100)
    }
}

extension Policy {
    /// The budget in whole cents, rounded down: the stays' total in cents
    /// is within `max` exactly when it is within this.
    public var budgetCents: Cents? {
        budget.map { b in Int((Int128(b.numerator) * 100) / Int128(b.denominator)) }
    }
}

extension Funding {
    /// A text that two equal funding files give alike (keys sorted), for
    /// the round's input hash.
    public var canonicalText: String {
        func amount(_ d: ExactDecimal) -> String { "\(d.numerator)/\(d.denominator)" }
        var lines = ["funding \(currency) \(name ?? "")"]
        for b in bands { lines.append("band \(b.minKm) \(b.maxKm) \(amount(b.standard)) \(amount(b.green))") }
        for m in TravelMode.allCases { lines.append("travel_days \(m.rawValue) \(travelDays[m] ?? 0)") }
        for c in countryGroup.keys.sorted() { lines.append("country \(c) \(countryGroup[c]!)") }
        for g in daily.keys.sorted() {
            for k in ParticipantKind.allCases { lines.append("daily \(g) \(k.rawValue) \(amount(daily[g]![k]!))") }
        }
        lines.append("reduced \(reducedAfterDay) \(amount(reducedFactor))")
        lines.append("organisational \(amount(organisational))")
        let who = inclusionWho.map { $0.conditions.map { "\($0.key)=\($0.value)" }.joined(separator: ",") } ?? "-"
        lines.append("inclusion \(who) \(amount(inclusion))")
        return lines.joined(separator: "\n")
    }
}

extension StayCost {
    /// The columns a funding file adds to `assignments.csv`, after `rank`
    /// (rounds.md, section 4), and one stay's cells: km, then euros with
    /// two decimals. The one place for both, for the writer and the verifier.
    public static let csvColumns = ["distance_km", "travel", "individual", "organisational", "inclusion", "cost"]

    public var csvCells: [String] {
        [String(distanceKm)] + [travel, individual, organisational, inclusion, total].map(\.euroLiteral)
    }
}
