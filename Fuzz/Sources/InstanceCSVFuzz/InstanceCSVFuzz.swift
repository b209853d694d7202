// Fuzz target: InstanceCSVReader.read(folder:) on any bytes. The input is
// cut at NUL bytes into participants.csv, hosts.csv and offers.csv (a file
// after a missing NUL is missing), written to a private scratch folder made
// once per run. Every thrown InputError is a right answer; an instance that
// reads must survive InstanceJSONWriter, and (unless the CSV form cannot
// hold it: CSVWriteError) InstanceCSVWriter, and read back equal; and give
// a valid direct model under the default policy.
#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import PlacementCSV
import PlacementModel

let names = [InstanceCSVReader.participantsFile, InstanceCSVReader.hostsFile, InstanceCSVReader.offersFile]
let input = ScratchFolder("csv-in")
let again = ScratchFolder("csv-again")

@_cdecl("LLVMFuzzerTestOneInput")
public func instanceCSVFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    for (name, bytes) in zip(names, Fuzz.files(Fuzz.bytes(data, size), count: 3)) { input.put(name, bytes) }
    guard let (instance, _) = try? InstanceCSVReader.read(folder: input.path) else { return 0 }
    Fuzz.requireJSONRoundTrip(instance)
    Fuzz.requireModel(instance, .default, InstanceJSONWriter.write(instance))
    guard let files = try? InstanceCSVWriter.encode(instance) else { return 0 }
    for (name, bytes) in files { again.put(name, bytes) }
    do {
        var (back, _) = try InstanceCSVReader.read(folder: again.path)
        back.name = instance.name
        Fuzz.require(back == instance, "the instance written as CSV reads back different")
    } catch {
        Fuzz.require(false, "the instance written as CSV does not read back: \(error)")
    }
    return 0
}

@_cdecl("InstanceCSVFuzz_main")
public func instanceCSVFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, instanceCSVFuzz, setUp: { atexit { input.remove(names: names); again.remove(names: names) } })
}
