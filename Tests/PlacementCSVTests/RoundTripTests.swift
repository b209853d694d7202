import Testing
import PlacementModel
import PlacementCSV
import RoundGenerator

@Suite struct RoundTripTests {
    @Test(arguments: [(10, 5), (200, 50), (2_000, 400)])
    func generatedRoundsReadBackIdentical(_ size: (Int, Int)) throws {
        let instance = RoundGenerator(participants: size.0, hosts: size.1, seed: 7).generate()
        let folder = freshFolder(instance.name)
        try InstanceCSVWriter.write(instance, to: folder)
        let (back, _) = try InstanceCSVReader.read(folder: folder)
        #expect(back.name == instance.name)
        #expect(back == instance)
    }
}
