import Foundation
import PlacementCSV
import PlacementModel
import RoundGenerator
import Testing

@testable import PlacementXLSX

/// allvet's own writer and reader agree: a round written as a workbook
/// reads back identical, including the values a spreadsheet would turn
/// into something else (formulas, numbers, booleans, control characters).
@Suite struct WorkbookRoundTripTests {
    func roundTrip(_ instance: Instance) throws -> Instance {
        let bytes = try InstanceXLSXWriter.bytes(instance)
        return try InstanceXLSXReader.read(bytes: bytes, file: "round.xlsx", name: instance.name).0
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aGeneratedRoundReadsBackIdentical(_ seed: UInt64) throws {
        let instance = RoundGenerator(participants: 120, hosts: 30, seed: seed).generate()
        let back = try roundTrip(instance)
        #expect(back == instance)
    }

    /// Locks and bans travel as the sheets `locks` and `bans` (rounds.md, section 1).
    @Test func locksAndBansReadBackIdentical() throws {
        let round = RoundGenerator(participants: 120, hosts: 30, seed: 4).generate()
        let instance = AgreementGenerator(locks: 6, bans: 6, seed: 4).adding(to: round)
        #expect(instance.locks.count == 6 && instance.bans.count == 6)
        let back = try roundTrip(instance)
        #expect(back == instance)
        #expect(back.locks.first?.origin?.location.hasPrefix("sheet \"locks\", row 2") == true)
    }

    /// Locations, sending organisations and green travel (rounds.md,
    /// section 4) travel as columns `lat`, `lon`, `travel` and the sheet
    /// `sending_orgs`; a check made with the funding file names the sheet and row.
    @Test func placesReadBackIdentical() throws {
        let round = RoundGenerator(participants: 120, hosts: 30, seed: 5).generate()
        var instance = FundingGenerator(seed: 5).adding(to: round)
        #expect(!instance.sendingOrgs.isEmpty && instance.participants.contains { $0.travel == .green })
        #expect(instance.hosts.allSatisfy { $0.location != nil })
        let back = try roundTrip(instance)
        #expect(back == instance && back.sendingOrgs == instance.sendingOrgs)
        instance.hosts[1].location = nil
        var again = try roundTrip(instance)
        again.funding = Funding(
            bands: [], travelDays: [:],
            countryGroup: Dictionary(again.hosts.map { ($0.country, "1") }, uniquingKeysWith: { a, _ in a }),
            daily: ["1": [.apprentice: ExactDecimal(1), .staff: ExactDecimal(1)]], reducedAfterDay: 14,
            reducedFactor: ExactDecimal(1))
        let errors = FundingCheck.errors(again, fundingFile: "f.json")
        #expect(errors.count == 1)
        #expect(errors.first?.description.contains("sheet \"hosts\", row 3") == true, "\(errors)")
    }

    @Test func valuesASpreadsheetWouldChangeComeBackAsTheyWere() throws {
        var (instance, _) = try exampleRound()
        instance.participants[0].id = "=1+1"
        instance.participants[1].id = "'quoted"
        instance.participants[2].sendingOrg = ""
        instance.hosts[0].name = "Tab\tand _x0041_ and \u{1} & <b>"
        instance.participants[0].attributes = [
            ("looks_true", .string("true")), ("looks_number", .string("1")), ("empty", .string("")),
            ("score", .number(2.5)), ("flag", .bool(false)),
        ]
        let back = try roundTrip(instance)
        #expect(back.participants == instance.participants)
        #expect(back.hosts == instance.hosts)
    }

    @Test func datesAreDateCellsAndNumbersAreNumberCells() throws {
        let (instance, _) = try exampleRound()
        let bytes = try InstanceXLSXWriter.bytes(instance)
        var archive = try #require(XLSXArchive(bytes: bytes))
        let parts = try WorkbookParts(&archive)
        #expect(parts.sheets.map(\.name) == ["participants", "hosts", "offers"])
        let xml = try #require(try archive.part(parts.sheets[0].path))
        let text = String(decoding: xml, as: UTF8.self)
        // ES-001 is available from 2026-03-02: serial 46083, in the date style; weeks 4 is a number.
        #expect(text.contains("<c r=\"G2\" s=\"1\"><v>46083</v></c>"), "\(text.prefix(3000))")
        #expect(text.contains("<c r=\"I2\"><v>4</v></c>"))
        #expect(text.contains("<c r=\"M2\" t=\"b\"><v>1</v></c>"), "fewer_opportunities is a boolean cell")
    }
}
