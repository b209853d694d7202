#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PlacementModel
import Testing

/// Each file in Fixtures/bad-json must be rejected with every message that
/// `expected.tsv` lists for it (the text of `file: location: error: message`).
@Suite struct BadJSONTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: [String]
        var testDescription: String { file }
    }

    static func readText(_ path: String) -> String {
        guard let f = fopen(path, "rb") else { return "" }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fixtureNames() -> [String] {
        guard let dir = opendir(TestFiles.badJSON) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".json") { names.append(name) }
        }
        return names.sorted()
    }

    static let cases: [Case] = {
        var table: [String: [String]] = [:]
        for line in readText(TestFiles.badJSON + "/expected.tsv").split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            table[String(parts[0]), default: []].append(String(parts[1]))
        }
        return fixtureNames().map { Case(file: $0, expected: table[$0] ?? []) }
    }()

    static func read(_ name: String) -> InputError? {
        let bytes = Array(readText(TestFiles.badJSON + "/" + name).utf8)
        do {
            if name.hasPrefix("policy-") {
                let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
                _ = try PolicyJSONReader.read(data: bytes, file: name, instance: instance)
            } else {
                _ = try InstanceJSONReader.read(data: bytes, file: name)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func corpusIsLargeAndEveryFileHasExpectations() {
        #expect(Self.cases.count >= 30)
        for c in Self.cases { #expect(!c.expected.isEmpty, "no line in expected.tsv for \(c.file)") }
    }

    @Test(arguments: cases) func rejectedWithTheExpectedMessages(_ c: Case) throws {
        let error = try #require(Self.read(c.file), "\(c.file) was accepted")
        #expect(!error.errors.isEmpty)
        let text = error.description
        for e in c.expected {
            #expect(text.contains(e), "\(c.file): missing \"\(e)\" in:\n\(text)")
        }
        // Every diagnostic names the file.
        #expect(error.diagnostics.allSatisfy { $0.file == c.file })
    }

    @Test func multipleErrorsAreAllReported() throws {
        let instanceErrors = try #require(Self.read("instance-multiple-errors.json")).errors
        #expect(instanceErrors.count >= 5)
        let policyErrors = try #require(Self.read("policy-multiple-errors.json")).errors
        #expect(policyErrors.count >= 5)
    }
}
