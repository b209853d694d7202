/// The countries, languages, sectors and cities the generator draws from
/// (docs/generator.md lists the weights).
enum Geography {
    /// The alliance's five sending countries.
    static let alliance: Set<String> = ["ES", "PT", "FI", "PL", "DE"]

    /// Sending countries and weights: the alliance about 70 %, the rest of the EU about 30 %.
    static let sending: [(String, Double)] = [
        ("ES", 19), ("FI", 14), ("DE", 13), ("PT", 12), ("PL", 11),
        ("IT", 4), ("AT", 3.5), ("FR", 3), ("BE", 2.5), ("NL", 2.5), ("RO", 2.2), ("CZ", 2.2), ("SE", 1.8),
        ("IE", 1.6), ("LT", 1.6), ("SI", 1.4), ("HU", 1.4), ("DK", 1.2), ("HR", 0.8), ("GR", 0.6), ("SK", 0.4),
        ("LV", 0.2), ("EE", 0.2),
    ]

    /// Host countries (fifteen) and weights.
    static let hosting: [(String, Double)] = [
        ("PT", 12), ("DE", 11), ("IT", 10), ("ES", 10), ("SE", 8), ("NL", 8), ("PL", 7), ("IE", 7), ("FR", 6),
        ("MT", 4), ("AT", 4), ("CZ", 4), ("FI", 4), ("BE", 3), ("DK", 2),
    ]

    /// Native language of each country.
    static let native: [String: String] = [
        "ES": "es", "PT": "pt", "FI": "fi", "PL": "pl", "DE": "de", "IT": "it", "AT": "de", "FR": "fr", "BE": "nl",
        "NL": "nl", "RO": "ro", "CZ": "cs", "SE": "sv", "IE": "en", "LT": "lt", "SI": "sl", "HU": "hu", "DK": "da",
        "HR": "hr", "GR": "el", "SK": "sk", "LV": "lv", "EE": "et", "MT": "mt",
    ]

    /// Countries whose learners speak better English (one CEFR step up).
    static let strongEnglish: Set<String> = ["FI", "SE", "NL", "DK", "MT", "AT", "BE", "EE", "SI"]

    /// Second foreign languages and weights (the native one is skipped).
    static let secondForeign: [(String, Double)] = [
        ("de", 30), ("fr", 25), ("es", 20), ("it", 10), ("pt", 5), ("sv", 5), ("nl", 5),
    ]

    /// Sectors and weights: the alliance's four first.
    static let sectors: [(String, Double)] = [
        ("industry40", 13), ("food", 12), ("tourism", 14), ("services", 14), ("health", 10), ("ict", 10),
        ("automotive", 9), ("construction", 6), ("agriculture", 6), ("logistics", 5),
    ]

    /// A word for a host's name, by sector.
    static let hostWord: [String: String] = [
        "industry40": "Fabrik", "food": "Food Lab", "tourism": "Hotel", "services": "Services", "health": "Care Centre",
        "ict": "Digital", "automotive": "Auto", "construction": "Bau", "agriculture": "Farm", "logistics": "Logistics",
    ]

    static let cities: [String: [String]] = [
        "PT": ["Porto", "Lisboa", "Braga", "Coimbra", "Aveiro"],
        "DE": ["Paderborn", "Köln", "Leipzig", "München", "Bremen"],
        "IT": ["Torino", "Bologna", "Napoli", "Verona"],
        "ES": ["Valladolid", "Valencia", "Sevilla", "Bilbao", "Málaga"],
        "SE": ["Göteborg", "Malmö", "Uppsala"], "NL": ["Utrecht", "Eindhoven", "Groningen"],
        "PL": ["Kraków", "Gdańsk", "Poznań", "Łódź"], "IE": ["Cork", "Galway", "Dublin"],
        "FR": ["Lyon", "Nantes", "Lille"],
        "MT": ["Valletta", "Sliema"], "AT": ["Graz", "Linz", "Wien"], "CZ": ["Brno", "Ostrava", "Plzeň"],
        "FI": ["Tampere", "Oulu", "Turku"], "BE": ["Gent", "Antwerpen", "Liège"], "DK": ["Aarhus", "Odense"],
    ]
}
