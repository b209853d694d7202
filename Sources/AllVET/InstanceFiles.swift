import PlacementCSV
import PlacementXLSX
import RoundGenerator

/// Instances as files: generated rounds and the two forms of formats.md,
/// for `allvet generate` and `allvet export --to json|csv|xlsx`.
public enum InstanceFiles {
    /// A realistic synthetic round (docs/generator.md); the same arguments
    /// give the same instance on every machine.
    /// `locks` and `bans` add that many agreements (``/RoundGenerator/AgreementGenerator``).
    /// With `located`, hosts and sending organisations have locations and
    /// some participants travel green (``/RoundGenerator/FundingGenerator``).
    /// `groups` is the share of participants put in groups travelling
    /// together (``/RoundGenerator/GroupGenerator``); locks and bans are
    /// drawn after, so that they fit the groups.
    public static func generated(
        participants: Int, hosts: Int, seed: UInt64, locks: Int = 0, bans: Int = 0, located: Bool = false,
        groups: Double = 0
    ) -> Instance {
        var round = RoundGenerator(participants: participants, hosts: hosts, seed: seed).generate()
        if located { round = FundingGenerator(seed: seed).adding(to: round) }
        if groups > 0 { round = GroupGenerator(share: groups, seed: seed).adding(to: round) }
        return AgreementGenerator(locks: locks, bans: bans, seed: seed).adding(to: round)
    }

    /// The illustrative Erasmus+ rates of rounds.md's example, as a funding file's text.
    public static var exampleFundingRates: String { FundingGenerator.exampleRates }

    /// The canonical JSON form (``/PlacementModel/InstanceJSONWriter``).
    public static func json(_ instance: Instance) -> [UInt8] {
        Array(InstanceJSONWriter.write(instance).utf8)
    }

    /// The CSV folder form (``/PlacementCSV/InstanceCSVWriter``): file names and bytes.
    /// Throws a `CSVWriteError` naming what the CSV form cannot hold.
    public static func csv(_ instance: Instance) throws -> [(name: String, bytes: [UInt8])] {
        try InstanceCSVWriter.encode(instance)
    }

    /// The workbook form (``/PlacementXLSX/InstanceXLSXWriter``): one `.xlsx` file's bytes.
    public static func xlsx(_ instance: Instance) throws -> [UInt8] {
        try InstanceXLSXWriter.bytes(instance)
    }
}
