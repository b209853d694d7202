import Foundation
import PlacementCSV
import PlacementModel
import Testing

/// The `group` column and `groups.csv` (rounds.md, section 2): read into
/// the round, written back alike, and every mistake named by file, line
/// and column.
@Suite struct GroupsCSVTests {
    static let participants =
        "id,country,sector,available_from,available_to,weeks,group\n"
        + "ES-001,ES,tourism,2026-03-02,2026-06-28,4,2A\nES-002,ES,tourism,2026-03-02,2026-06-28,4,2A\n"
        + "ES-003,ES,tourism,2026-03-02,2026-06-28,4,\n"
    static let hosts = "id,country,city\nDE-H0001,DE,Paderborn\n"
    static let groups = "id,together,companions\n2A,host,1\n"

    static func read(_ files: [String: String]) -> Result<Instance, InputError> {
        do {
            let folder = try makeFolder(files)
            return .success(try InstanceCSVReader.read(folder: folder).0)
        } catch let e as InputError { return .failure(e) } catch { preconditionFailure("\(error)") }
    }

    @Test func groupsAreReadAndWrittenBackAlike() throws {
        let round = try Self.read([
            "participants.csv": Self.participants, "hosts.csv": Self.hosts, "offers.csv": minimalOffers,
            "groups.csv": Self.groups,
        ]).get()
        #expect(round.participants.map(\.group) == ["2A", "2A", nil])
        #expect(round.groups == [TravelGroup(id: "2A", together: .host, companions: 1)])
        #expect(round.travelGroups.map { $0.members.map(\.rawValue) } == [[0, 1]])
        let out = freshFolder()
        try InstanceCSVWriter.write(round, to: out)
        var (again, _) = try InstanceCSVReader.read(folder: out)
        again.name = round.name
        #expect(again == round)
        let written = try String(contentsOfFile: out + "/groups.csv", encoding: .utf8)
        #expect(written.replacingOccurrences(of: "\r\n", with: "\n") == Self.groups, "\(Array(written.utf8.prefix(8)))")
    }

    @Test func aGroupWithoutAnEntryHasTheDefaults() throws {
        let round = try Self.read([
            "participants.csv": Self.participants, "hosts.csv": Self.hosts, "offers.csv": minimalOffers,
        ]).get()
        #expect(round.groups.isEmpty)
        #expect(round.travelGroups.map(\.group) == [TravelGroup(id: "2A", together: .city, companions: 0)])
    }

    @Test func mistakesAreNamedByFileLineAndColumn() {
        func messages(_ participants: String, _ groups: String) -> [String] {
            guard
                case .failure(let e) = Self.read([
                    "participants.csv": participants, "hosts.csv": Self.hosts, "offers.csv": minimalOffers,
                    "groups.csv": groups,
                ])
            else { return [] }
            return e.diagnostics.map { "\(($0.file as NSString).lastPathComponent) \($0.location): \($0.message)" }
        }
        let bad = messages(Self.participants, "id,together,companions\n2A,bus,-1\n")
        #expect(bad.contains("groups.csv line 2, column \"together\": Expected city or host, found \"bus\"."), "\(bad)")
        #expect(bad.contains { $0.hasPrefix("groups.csv line 2, column \"companions\"") }, "\(bad)")
        let unnamed = messages(Self.participants, "id,together,companions\n2A,city,0\n2B,city,0\n")
        #expect(
            unnamed.contains { $0.hasPrefix("groups.csv line 3") && $0.contains("no participant names group \"2B\"") },
            "\(unnamed)")
        let lengths = messages(
            Self.participants.replacingOccurrences(of: "2026-06-28,4,2A\nES-002", with: "2026-06-28,6,2A\nES-002"),
            Self.groups)
        #expect(
            lengths.contains {
                $0.hasPrefix("participants.csv line 3, column \"weeks\"") && $0.contains("ES-001 (6), ES-002 (4)")
            }, "\(lengths)")
    }
}
