import PlacementModel

/// Real coordinates (decimal degrees, city centres to about 0.01°) of the
/// cities the generator places hosts and sending organisations in
/// (docs/generator.md), so that generated travel distances and grant bands
/// are the ones a real round between these cities would have.
enum Places {
    static let coordinates: [String: (lat: Double, lon: Double)] = [
        // Host cities (Geography.cities).
        "Porto": (41.15, -8.61), "Lisboa": (38.72, -9.14), "Braga": (41.55, -8.42), "Coimbra": (40.21, -8.43),
        "Aveiro": (40.64, -8.65), "Paderborn": (51.72, 8.75), "Köln": (50.94, 6.96), "Leipzig": (51.34, 12.37),
        "München": (48.14, 11.58), "Bremen": (53.08, 8.80), "Torino": (45.07, 7.69), "Bologna": (44.49, 11.34),
        "Napoli": (40.85, 14.27), "Verona": (45.44, 10.99), "Valladolid": (41.65, -4.72),
        "Valencia": (39.47, -0.38), "Sevilla": (37.39, -5.98), "Bilbao": (43.26, -2.93), "Málaga": (36.72, -4.42),
        "Göteborg": (57.71, 11.97), "Malmö": (55.60, 13.00), "Uppsala": (59.86, 17.64),
        "Utrecht": (52.09, 5.12), "Eindhoven": (51.44, 5.47), "Groningen": (53.22, 6.57),
        "Kraków": (50.06, 19.94), "Gdańsk": (54.35, 18.65), "Poznań": (52.41, 16.93), "Łódź": (51.76, 19.46),
        "Cork": (51.90, -8.47), "Galway": (53.27, -9.05), "Dublin": (53.35, -6.26),
        "Lyon": (45.76, 4.84), "Nantes": (47.22, -1.55), "Lille": (50.63, 3.06),
        "Valletta": (35.90, 14.51), "Sliema": (35.91, 14.50), "Graz": (47.07, 15.44), "Linz": (48.31, 14.29),
        "Wien": (48.21, 16.37), "Brno": (49.20, 16.61), "Ostrava": (49.82, 18.26), "Plzeň": (49.75, 13.38),
        "Tampere": (61.50, 23.76), "Oulu": (65.01, 25.47), "Turku": (60.45, 22.27),
        "Gent": (51.05, 3.72), "Antwerpen": (51.22, 4.40), "Liège": (50.63, 5.57),
        "Aarhus": (56.16, 10.20), "Odense": (55.40, 10.39),
        // Sending cities of the countries that host nobody.
        "Bucureşti": (44.43, 26.10), "Cluj-Napoca": (46.77, 23.60), "Vilnius": (54.69, 25.28),
        "Kaunas": (54.90, 23.90), "Ljubljana": (46.06, 14.51), "Maribor": (46.55, 15.65),
        "Budapest": (47.50, 19.04), "Debrecen": (47.53, 21.63), "Zagreb": (45.81, 15.98), "Split": (43.51, 16.44),
        "Athina": (37.98, 23.73), "Thessaloniki": (40.64, 22.94), "Bratislava": (48.15, 17.11),
        "Košice": (48.72, 21.26), "Riga": (56.95, 24.11), "Tallinn": (59.44, 24.75), "Tartu": (58.38, 26.72),
    ]

    /// Cities of the sending countries that host nobody.
    static let sendingCities: [String: [String]] = [
        "RO": ["Bucureşti", "Cluj-Napoca"], "LT": ["Vilnius", "Kaunas"], "SI": ["Ljubljana", "Maribor"],
        "HU": ["Budapest", "Debrecen"], "HR": ["Zagreb", "Split"], "GR": ["Athina", "Thessaloniki"],
        "SK": ["Bratislava", "Košice"], "LV": ["Riga"], "EE": ["Tallinn", "Tartu"],
    ]

    /// The cities of a country, hosting ones first.
    static func cities(of country: String) -> [String] {
        Geography.cities[country] ?? sendingCities[country] ?? []
    }

    static func location(_ city: String) -> Location? {
        coordinates[city].map { Location(lat: $0.lat, lon: $0.lon) }
    }
}
