// Fuzz target: InstanceJSONReader.read(data:file:) on any bytes. Every
// thrown InputError is a right answer; an instance that reads must also
// survive InstanceJSONWriter and read back equal (the writer's promise),
// and give a valid direct model under the default policy (what `allvet
// solve` would build from it).
import FuzzSupport
import PlacementModel

@_cdecl("LLVMFuzzerTestOneInput")
public func instanceJSONFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let (instance, _) = try? InstanceJSONReader.read(data: input, file: "fuzz.json") else { return 0 }
    Fuzz.requireJSONRoundTrip(instance)
    Fuzz.requireModel(instance, .default, InstanceJSONWriter.write(instance))
    return 0
}

@_cdecl("InstanceJSONFuzz_main")
public func instanceJSONFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, instanceJSONFuzz)
}
