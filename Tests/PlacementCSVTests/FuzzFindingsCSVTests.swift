import PlacementCSV
import PlacementModel
import Testing

/// CSV inputs the fuzz targets found to crash the reader, each reproduced
/// first (Tests/PlacementModelTests/FuzzFindingsTests.swift has the JSON ones).
@Suite struct FuzzFindingsCSVTests {
    /// `weeks` up to Int.max read as a number and overflowed `7 * weeks` in
    /// the "does a stay fit" check (a trap): now an error naming the cell.
    @Test func weeksBeyondTheCalendarAreAnInputError() throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader + "\nES-001,ES,tourism,2026-03-02,2026-06-28,9223372036854775807\n",
            "hosts.csv": minimalHosts, "offers.csv": minimalOffers,
        ])
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        let messages = error?.errors.map { "\($0.location): \($0.message)" } ?? []
        #expect(
            messages.count == 1 && messages[0].hasPrefix("line 2, column \"weeks\": weeks must be at most 521775"),
            "\(messages)")
    }
}
