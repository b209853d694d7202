// Fuzz target: PolicyJSONReader.read(data:file:instance:) on any bytes,
// against instances/example.json (its attributes give the `who` and
// `within` keys something to match). Every thrown InputError is a right
// answer. A policy that reads must then
// - survive PolicyJSONWriter and read back equal (the writer's promise);
// - give a direct model that a solver accepts (Fuzz.requireModel): the
//   quota scopes and rows are where the policy's numbers meet the
//   instance's counts;
// - let the verifier check the example's results against it (the exact
//   integer quota tests); any report is a right answer.
import FuzzSupport
import PlacementModel
import PlacementVerify

@_cdecl("LLVMFuzzerTestOneInput")
public func policyJSONFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let instance = Fuzz.exampleInstance
    guard let (policy, _) = try? PolicyJSONReader.read(data: input, file: "fuzz-policy.json", instance: instance) else { return 0 }
    let text = PolicyJSONWriter.write(policy)
    do {
        let (again, _) = try PolicyJSONReader.read(data: Array(text.utf8), file: "round-trip.json", instance: instance)
        Fuzz.require(again == policy, "the policy written as JSON reads back different:\n\(text)")
    } catch {
        Fuzz.require(false, "the policy written as JSON does not read back: \(error)\n\(text)")
    }
    Fuzz.requireModel(instance, policy, text)
    _ = ResultsVerifier(instance: instance, policy: policy).verify(Fuzz.exampleResults).text
    return 0
}

@_cdecl("PolicyJSONFuzz_main")
public func policyJSONFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, policyJSONFuzz, setUp: { _ = Fuzz.exampleResults })
}
