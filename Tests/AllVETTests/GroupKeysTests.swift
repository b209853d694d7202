import AllVET
import Foundation
import Testing

/// A `nombre` column (it becomes an attribute) once gave a chart per name
/// in the pseudonymised report and a column per name in comparison.csv
/// (issue 16). An attribute whose values are mostly one person's own is
/// no group; one that sorts people into groups still is.
@Suite struct GroupKeysTests {
    /// Names no report may contain: long enough not to occur by chance in the markup.
    static let names = [
        "Carla Díaz Fuentes", "Ana Beltrán", "Bo Nyström", "Cyprian Wójcik", "Dinis Carvalho", "Edda Kühn",
        "Flora Ibáñez", "Gustav Lindqvist", "Halina Zielińska", "Ida Mäkelä",
    ]

    static func namedExample() throws -> String {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("instances/example.json"), encoding: .utf8)
        var instance = try InstanceJSONReader.read(data: Array(text.utf8), file: "example.json").0
        let names = Self.names
        for i in instance.participants.indices {
            instance.participants[i].attributes.append((name: "nombre", value: .string(names[i])))
            instance.participants[i].attributes.append((name: "school", value: .string(i < 5 ? "IES-A" : "IES-B")))
        }
        let path = try CLI.tempDir().appendingPathComponent("named.json").path
        try InstanceJSONWriter.write(instance).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func personalAttributesAreNoGroups() throws {
        let round = try Self.namedExample()
        let instance = try InstanceJSONReader.read(path: round).0
        #expect(instance.groupKeys == ["country", "kind", "sector", "fewer_opportunities", "gender", "school"])

        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run(["solve", round, "--out", out, "--pseudonymise"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        for name in Self.names { #expect(!report.contains(name), "\(name)") }
        #expect(!report.contains("nombre"))
        // Pseudonymised, only what the policy uses is broken down: the default policy uses no attribute.
        #expect(!report.contains("school") && !report.contains("gender"))
        let summary = try String(
            contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(!summary.contains("Carla") && summary.contains("\"school\""))
        let verify = try CLI.run(["verify", round, out])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// Few distinct values always group (gender in a round of three).
    @Test func fewDistinctValuesAlwaysGroup() throws {
        var instance = try InstanceJSONReader.read(path: CLI.root.appendingPathComponent("instances/example.json").path)
            .0
        instance.participants = Array(instance.participants.prefix(3))
        #expect(instance.groupKeys.contains("gender"))
    }

    /// With `--pseudonymise`, report.html and a sweep's comparison files break
    /// results down by country, kind, sector and the attributes the policy
    /// uses only (issue 16): `school` is charted in the plain report, and in
    /// the pseudonymised one only once a quota selects by it.
    @Test func pseudonymisedResultsShowOnlyTheAttributesThePolicyUses() throws {
        let round = try Self.namedExample()
        let dir = URL(fileURLWithPath: round).deletingLastPathComponent()
        let policy = dir.appendingPathComponent("policy.json")
        try """
        { "format": "allvet-policy/1", "objective": [{ "goal": "placed" }],
          "quotas": [{ "name": "fo", "who": { "fewer_opportunities": true }, "min_count": 1 }] }
        """.write(to: policy, atomically: true, encoding: .utf8)
        func report(_ extra: [String]) throws -> String {
            let out = try CLI.tempDir().appendingPathComponent("r").path
            let run = try CLI.run(["solve", round, "--policy", policy.path, "--out", out] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try String(
                contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.html"), encoding: .utf8)
        }
        let plain = try report([]), pseudonymised = try report(["--pseudonymise"])
        #expect(plain.contains("school") && plain.contains("gender"))
        #expect(pseudonymised.contains("fewer_opportunities"))
        #expect(!pseudonymised.contains("school") && !pseudonymised.contains("gender"))

        try """
        { "format": "allvet-sweep/1", "instance": "named.json", "policy": "policy.json",
          "scenarios": [{ "name": "as-is" }, { "name": "more", "set": { "quotas.fo.min_count": 2 } }] }
        """.write(to: dir.appendingPathComponent("sweep.json"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("sweep").path
        let sweep = try CLI.run([
            "sweep", dir.appendingPathComponent("sweep.json").path, "--out", out, "--pseudonymise",
        ])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        for file in ["comparison.csv", "comparison.html"] {
            let text = try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file), encoding: .utf8)
            if file.hasSuffix(".csv") { #expect(text.contains("rate:fewer_opportunities=true"), "\(file)") }
            #expect(!text.contains("school") && !text.contains("gender"), "\(file)")
            for name in Self.names { #expect(!text.contains(name), "\(file): \(name)") }
        }
    }
}
