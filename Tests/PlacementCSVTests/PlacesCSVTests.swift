import Foundation
import PlacementCSV
import PlacementModel
import Testing

/// Host locations, `sending_orgs.csv` and the `travel` column (rounds.md,
/// section 4): read into the round, written back alike, with decimal commas
/// where the file writes them, and every mistake named by file, line and column.
@Suite struct PlacesCSVTests {
    static let participants =
        "id,country,sending_org,sector,available_from,available_to,weeks,travel\n"
        + "ES-001,ES,VA,tourism,2026-03-02,2026-06-28,4,green\nES-002,ES,VA,tourism,2026-03-02,2026-06-28,4,\n"
    static let hosts = "id,country,city,lat,lon\nDE-H0001,DE,Paderborn,51.7189,8.7575\n"
    static let orgs = "id,country,city,lat,lon\nVA,ES,Valladolid,41.6523,-4.7245\n"

    static func read(_ files: [String: String]) -> Result<Instance, InputError> {
        do {
            let folder = try makeFolder(files)
            return .success(try InstanceCSVReader.read(folder: folder).0)
        } catch let e as InputError { return .failure(e) } catch { preconditionFailure("\(error)") }
    }

    @Test func placesAreReadAndWrittenBackAlike() throws {
        let round = try Self.read([
            "participants.csv": Self.participants, "hosts.csv": Self.hosts, "offers.csv": minimalOffers,
            "sending_orgs.csv": Self.orgs,
        ]).get()
        #expect(round.hosts[0].location == Location(lat: 51.7189, lon: 8.7575))
        #expect(round.sendingOrgs.map(\.id) == ["VA"] && round.sendingOrgs[0].location?.lon == -4.7245)
        #expect(round.participants.map(\.travel) == [.green, .standard])
        let out = freshFolder()
        try InstanceCSVWriter.write(round, to: out)
        var (again, _) = try InstanceCSVReader.read(folder: out)
        again.name = round.name  // each folder's round is named after it
        #expect(again == round && again.sendingOrgs == round.sendingOrgs)
    }

    @Test func decimalCommasAreReadWhereTheFileWritesThem() throws {
        let round = try Self.read([
            "participants.csv": Self.participants.replacingOccurrences(of: ",", with: ";"),
            "hosts.csv": "id;country;city;lat;lon\nDE-H0001;DE;Paderborn;51,7189;8,7575\n",
            "offers.csv": minimalOffers.replacingOccurrences(of: ",", with: ";"),
            "sending_orgs.csv": "id;country;city;lat;lon\nVA;ES;Valladolid;41,6523;-4,7245\n",
        ]).get()
        #expect(round.hosts[0].location == Location(lat: 51.7189, lon: 8.7575))
        #expect(round.sendingOrgs[0].location == Location(lat: 41.6523, lon: -4.7245))
    }

    @Test func mistakesAreNamedByFileLineAndColumn() {
        func errors(hosts: String = Self.hosts, orgs: String = Self.orgs, participants: String = Self.participants)
            -> String
        {
            switch Self.read([
                "participants.csv": participants, "hosts.csv": hosts, "offers.csv": minimalOffers,
                "sending_orgs.csv": orgs,
            ]) {
            case .success: return ""
            case .failure(let e): return e.description
            }
        }
        #expect(errors(hosts: "id,country,lat,lon\nDE-H0001,DE,51.7,\n").contains("line 2, column \"lon\""))
        #expect(errors(hosts: "id,country,lat,lon\nDE-H0001,DE,north,8.7\n").contains("Expected a decimal number"))
        #expect(errors(orgs: "id,country,lat,lon\nVA,ES,41.6,-190\n").contains("longitude -190"))
        #expect(
            errors(participants: Self.participants.replacingOccurrences(of: ",green", with: ",plane")).contains(
                "Expected standard or green"))
        #expect(errors(orgs: "id,country\nVA,ES\nVA,ES\n").contains("duplicate sending organisation id \"VA\""))
    }
}
