// Fuzz target: ResultsVerifier.verify on any results, against
// instances/example.json and instances/example-policy.json. The input is cut
// at NUL bytes into assignments.csv, unplaced.csv and summary.json (a file
// after a missing NUL is missing, as when a results folder lacks it). Any
// report, holding or not, is a right answer; only a crash is a bug.
import FuzzSupport
import PlacementModel
import PlacementVerify

let verifier = ResultsVerifier(instance: Fuzz.exampleInstance, policy: Fuzz.examplePolicy)

@_cdecl("LLVMFuzzerTestOneInput")
public func verifyFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let files = Fuzz.files(Fuzz.bytes(data, size), count: 3).map { $0.map { String(decoding: $0, as: UTF8.self) } }
    let report = verifier.verify(ResultsText(assignments: files[0], unplaced: files[1], summary: files[2]))
    _ = report.text
    return 0
}

@_cdecl("VerifyFuzz_main")
public func verifyFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, verifyFuzz, setUp: { _ = verifier })
}
