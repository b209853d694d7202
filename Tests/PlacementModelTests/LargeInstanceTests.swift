#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PlacementModel
import Testing

/// Reads a large instance named by `ALLVET_LARGE_INSTANCE` (skipped when unset),
/// to measure the reader on files of tens of megabytes.
@Suite struct LargeInstanceTests {
    static let path: String? = getenv("ALLVET_LARGE_INSTANCE").map { String(cString: $0) }

    @Test(.enabled(if: path != nil, "set ALLVET_LARGE_INSTANCE to a large instance file"))
    func readsALargeInstance() throws {
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure {
            let (instance, _) = try InstanceJSONReader.read(path: Self.path!)
            count = instance.participants.count
        }
        print("read \(count) participants in \(elapsed)")
        #expect(count > 0)
    }
}
