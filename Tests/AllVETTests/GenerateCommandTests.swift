import AllVET
import Foundation
import Testing

/// `allvet generate` run as a user would.
@Suite(.serialized) struct GenerateCommandTests {
    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The files of a CSV folder, name → bytes.
    static func folder(_ url: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return try Dictionary(
            uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: url.appendingPathComponent($0))) })
    }

    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() throws {
        let dir = try CLI.tempDir()
        for (name, seed) in [("a.json", "7"), ("b.json", "7"), ("c.json", "8")] {
            let run = try CLI.run([
                "generate", "--participants", "60", "--hosts", "15", "--seed", seed, "--out",
                dir.appendingPathComponent(name).path,
            ])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let a = try Self.bytes(dir.appendingPathComponent("a.json"))
        #expect(a.count > 1000)
        #expect(a == (try Self.bytes(dir.appendingPathComponent("b.json"))))
        #expect(a != (try Self.bytes(dir.appendingPathComponent("c.json"))))
        #expect(String(decoding: a, as: UTF8.self).contains(#""name": "synthetic-n60-m15-s7""#))

        for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            let run = try CLI.run([
                "generate", "--participants", "60", "--hosts", "15", "--seed", seed, "--out",
                dir.appendingPathComponent(name).path,
            ])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let fa = try Self.folder(dir.appendingPathComponent("a"))
        #expect(Set(fa.keys) == ["participants.csv", "hosts.csv", "offers.csv", "sending_orgs.csv", "groups.csv"])
        #expect(fa == (try Self.folder(dir.appendingPathComponent("b"))))
        #expect(fa != (try Self.folder(dir.appendingPathComponent("c"))))
    }

    /// `--groups` puts that share of participants in classes (rounds.md
    /// section 2): members of one group have one sending organisation,
    /// sector and length; `--groups 0` writes none; a share above 1 is a
    /// usage error.
    @Test func groupsAreClassesOfOneOrganisationAndLength() throws {
        let dir = try CLI.tempDir()
        for (name, share) in [("g", "0.2"), ("none", "0")] {
            let run = try CLI.run([
                "generate", "--participants", "200", "--seed", "4", "--groups", share, "--out",
                dir.appendingPathComponent(name + ".json").path,
            ])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let (round, _) = try InstanceJSONReader.read(path: dir.appendingPathComponent("g.json").path)
        let members = round.participants.filter { $0.group != nil }
        #expect((36...44).contains(members.count), "\(members.count) of 200 in groups")
        for gm in round.travelGroups {
            let ps = gm.members.map { round.participants[$0.rawValue] }
            #expect((2...4).contains(ps.count))
            #expect(Set(ps.map(\.sendingOrg)).count == 1 && Set(ps.map(\.sector)).count == 1)
            #expect(Set(ps.map(\.weeks)).count == 1)
        }
        let (plain, _) = try InstanceJSONReader.read(path: dir.appendingPathComponent("none.json").path)
        #expect(plain.groups.isEmpty && plain.participants.allSatisfy { $0.group == nil })
        let bad = try CLI.run(["generate", "--groups", "2", "--out", dir.appendingPathComponent("x.json").path])
        #expect(bad.status == 64 && bad.stderr.contains("--groups is a share of the participants"))
    }

    @Test func formatFollowsTheExtensionUnlessGiven() throws {
        let dir = try CLI.tempDir()
        #expect(
            try CLI.run(["generate", "--participants", "5", "--out", dir.appendingPathComponent("r.json").path]).status
                == 0)
        #expect(
            try CLI.run(["generate", "--participants", "5", "--out", dir.appendingPathComponent("r-csv").path]).status
                == 0)
        #expect(
            try CLI.run([
                "generate", "--participants", "5", "--format", "json", "--out",
                dir.appendingPathComponent("plain").path,
            ]).status == 0)
        var isDir: ObjCBool = false
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.json").path, isDirectory: &isDir)
                && !isDir.boolValue)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r-csv/participants.csv").path))
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("plain").path, isDirectory: &isDir)
                && !isDir.boolValue)
        // Default hosts: participants ÷ 4 rounded up.
        let json = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(json.contains("synthetic-n5-m2-s1"))
    }

    @Test(arguments: ["json", "csv"]) func outputPassesCheck(_ format: String) throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("round").path
        let gen = try CLI.run([
            "generate", "--participants", "120", "--hosts", "30", "--seed", "3", "--format", format, "--out", out,
        ])
        #expect(gen.status == 0, "stderr: \(gen.stderr)")
        let check = try CLI.run(["check", out])
        #expect(check.status == 0, "stderr: \(check.stderr)")
        #expect(check.stdout.contains("participants: 120"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("mine.json")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["generate", "--out", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")

        let folder = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        #expect(try CLI.run(["generate", "--out", folder.path]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        // With --force both are replaced, and no temporary files are left behind.
        #expect(try CLI.run(["generate", "--participants", "10", "--out", file.path, "--force"]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("{"))
        #expect(try CLI.run(["generate", "--participants", "10", "--out", folder.path, "--force"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("offers.csv").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["mine", "mine.json"])
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let dir = try CLI.tempDir()
        #expect(
            try CLI.run(["generate", "--participants", "-3", "--out", dir.appendingPathComponent("x.json").path]).status
                == 64)
        #expect(
            try CLI.run(["generate", "--format", "xml", "--out", dir.appendingPathComponent("x.json").path]).status
                == 64)
        #expect(try CLI.run(["generate"]).status == 64)
        let help = try CLI.run(["generate", "--help"])
        #expect(help.stdout.contains("--force"))
        #expect(help.stdout.contains("ending in .json"))
    }
}
