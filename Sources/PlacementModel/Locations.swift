import Foundation

/// A point on the earth in decimal degrees (rounds.md, section 4).
public struct Location: Sendable, Equatable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// The great-circle distance in whole km, rounded down, on a sphere of
    /// radius 6371 km by the haversine formula of rounds.md, section 4:
    /// `2·6371·asin(√h)`, `h = sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2)`. The one
    /// place distances are computed: costs, `check --funding` and `verify`.
    public func kilometres(to other: Location) -> Int {
        let r = Double.pi / 180
        let phi1 = lat * r, phi2 = other.lat * r
        let dPhi = (other.lat - lat) * r, dLambda = (other.lon - lon) * r
        let s1 = sin(dPhi / 2), s2 = sin(dLambda / 2)
        let h = min(1, s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2)
        return Int((2 * 6371 * asin(h.squareRoot())).rounded(.down))
    }
}

/// How a participant travels (rounds.md, section 4): green travel has its
/// own band amounts and more funded travel days.
public enum TravelMode: String, Sendable, CaseIterable {
    case standard
    case green
}

/// A sending organisation, where its participants travel from (rounds.md,
/// section 4).
public struct SendingOrg: Sendable, Equatable {
    public var id: String
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var city: String?
    public var location: Location?
    public init(id: String, country: String, city: String? = nil, location: Location? = nil) {
        self.id = id
        self.country = country
        self.city = city
        self.location = location
    }
}

extension Location {
    /// A location when latitude is within ±90 and longitude within ±180;
    /// else nil, after telling `report` what is wrong (the one check, for
    /// JSON, CSV and workbooks).
    public static func checked(lat: Double, lon: Double, report: (String) -> Void) -> Location? {
        guard (-90...90).contains(lat) else {
            report("latitude \(lat) is outside -90…90 (decimal degrees, north positive)")
            return nil
        }
        guard (-180...180).contains(lon) else {
            report("longitude \(lon) is outside -180…180 (decimal degrees, east positive)")
            return nil
        }
        return Location(lat: lat, lon: lon)
    }
}
