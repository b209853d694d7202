import Foundation
import PlacementCSV
import PlacementModel
import Testing

/// `locks.csv` and `bans.csv` (rounds.md, section 1): read into the round,
/// written back alike, and every mistake named with its file, line and column.
@Suite struct AgreementsCSVTests {
    static let participants =
        participantsHeader + "\nES-001,ES,tourism,2026-03-02,2026-06-28,4\nES-002,ES,tourism,2026-03-02,2026-06-28,4\n"

    static func folder(locks: String? = nil, bans: String? = nil) throws -> String {
        var files = ["participants.csv": participants, "hosts.csv": minimalHosts, "offers.csv": minimalOffers]
        if let locks { files["locks.csv"] = locks }
        if let bans { files["bans.csv"] = bans }
        return try makeFolder(files)
    }

    static func errors(_ folder: String) -> String {
        do {
            _ = try InstanceCSVReader.read(folder: folder)
            return ""
        } catch { return error.description }
    }

    @Test func locksAndBansAreReadAndWrittenBackAlike() throws {
        let f = try Self.folder(
            locks: "participant_id,host_id,offer_id,start\nES-001,,DE-H0001/o1,2026-03-02\nES-002,DE-H0001,,\n",
            bans: "participant_id,host_id,offer_id\nES-002,,DE-H0001/o1\n")
        let (round, _) = try InstanceCSVReader.read(folder: f)
        #expect(
            round.locks == [
                Lock(participant: "ES-001", target: .offer("DE-H0001/o1"), start: day("2026-03-02")),
                Lock(participant: "ES-002", target: .host("DE-H0001")),
            ])
        #expect(round.bans == [Ban(participant: "ES-002", target: .offer("DE-H0001/o1"))])
        #expect(round.locks[0].origin?.location == "line 2")
        let out = freshFolder()
        try InstanceCSVWriter.write(round, to: out)
        let (again, _) = try InstanceCSVReader.read(folder: out)
        #expect(again.locks == round.locks && again.bans == round.bans)
        let json = try InstanceJSONReader.read(data: Array(InstanceJSONWriter.write(round).utf8), file: "r.json").0
        #expect(json == round)
    }

    @Test func withoutTheFilesTheRoundHasNoAgreements() throws {
        let (round, _) = try InstanceCSVReader.read(folder: try Self.folder())
        #expect(round.locks.isEmpty && round.bans.isEmpty)
    }

    @Test func aRowNamingBothOrNeitherTargetIsAnError() throws {
        let text = Self.errors(
            try Self.folder(
                locks: "participant_id,host_id,offer_id,start\nES-001,DE-H0001,DE-H0001/o1,\n",
                bans: "participant_id,host_id,offer_id\nES-001,,\n"))
        #expect(
            text.contains(
                "locks.csv: line 2, column \"offer_id\": error: A lock names exactly one of host_id and offer_id"))
        #expect(text.contains("bans.csv: line 2, column \"host_id\": error: A ban needs a host_id or an offer_id"))
    }

    @Test func eachMistakeIsNamedWithItsLineAndColumn() throws {
        let text = Self.errors(
            try Self.folder(
                locks:
                    "participant_id,host_id,offer_id,start\nES-009,,DE-H0001/o1,\n"
                    + "ES-002,,DE-H0001/o1,2026-03-03\nES-002,DE-H0001,,\n",
                bans: "participant_id,host_id,offer_id\nES-001,NOPE,\n"))
        #expect(
            text.contains("locks.csv: line 2, column \"participant_id\": error: the lock names participant \"ES-009\""))
        #expect(
            text.contains("locks.csv: line 3, column \"start\": error: the lock's start 2026-03-03 is not a Monday"))
        #expect(text.contains("locks.csv: line 4, column \"participant_id\": error: ES-002 has a second lock"))
        #expect(text.contains("bans.csv: line 2, column \"host_id\": error: the ban of ES-001 names host \"NOPE\""))
    }

    @Test func anUnknownColumnIsAnError() throws {
        let text = Self.errors(try Self.folder(bans: "participant_id,offer_id,why\nES-001,DE-H0001/o1,x\n"))
        #expect(text.contains("bans.csv") && text.contains("why"))
    }
}
