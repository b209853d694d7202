import AllVET
import Foundation
import Testing

/// Input cases that once passed silently or reached the terminal raw.
@Suite struct HardeningInputTests {
    /// Writes the example round with `edit` applied to its JSON text.
    static func editedExample(_ edit: (String) -> String) throws -> String {
        let dir = try CLI.tempDir()
        let text = try String(contentsOf: CLI.root.appendingPathComponent("instances/example.json"), encoding: .utf8)
        let path = dir.appendingPathComponent("round.json").path
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Ids with ESC, BEL, a line break or RLO were printed raw to the
    /// terminal and written raw to CSV and HTML. They are input errors now.
    @Test(arguments: ["\\u001b[2J", "\\u0007", "\\n", "\\u202e"])
    func controlCharactersInIdsAreErrors(_ escape: String) throws {
        let round = try Self.editedExample { $0.replacingOccurrences(of: "\"DE-001\"", with: "\"DE-\(escape)001\"") }
        let run = try CLI.run(["check", round])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("holds the control character U+"))
        // Nothing raw reaches the terminal.
        #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    /// Other texts (a round's name) are shown escaped on the terminal.
    @Test func controlCharactersInOtherTextsAreEscapedOnTheTerminal() throws {
        let round = try Self.editedExample {
            $0.replacingOccurrences(of: "\"alliance-example\"", with: "\"alliance\\u001b[31m-example\"")
        }
        let out = try CLI.tempDir().appendingPathComponent("r").path
        let run = try CLI.run(["solve", round, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("alliance\\u{1B}[31m-example: optimal"))
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }

    /// A mistyped year (2926) made a round hundreds of times larger without a word.
    @Test func aMistypedYearIsAWarning() throws {
        let round = try Self.editedExample { text in
            var t = text
            if let r = t.range(of: "\"available_to\": \"2026-") {
                t.replaceSubrange(r, with: "\"available_to\": \"2926-")
            }
            return t
        }
        let run = try CLI.run(["check", round])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("spans 900 years; is a year mistyped?"))
    }

    /// `check /dev/zero` grew without bound; a FIFO hung the reader.
    @Test func onlyRegularFilesAreRead() throws {
        let zero = try CLI.run(["check", "/dev/zero"])
        #expect(zero.status == 65)
        #expect(zero.stderr.contains("is not a regular file"))
        let dir = try CLI.tempDir()
        let csv = dir.appendingPathComponent("csv")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("instances/example-csv"), to: csv)
        let hosts = csv.appendingPathComponent("hosts.csv").path
        try FileManager.default.removeItem(atPath: hosts)
        #expect(mkfifo(hosts, 0o600) == 0)
        let fifo = try CLI.run(["check", csv.path])
        #expect(fifo.status == 65)
        #expect(fifo.stderr.contains("hosts.csv: error: is not a regular file"))
    }

    /// A 200 MB file took 108 s and 7.5 GB: a file larger than any round
    /// (``maxInputBytes``) is refused before it is read (a sparse file here).
    @Test func filesLargerThanAnyRoundAreRefused() throws {
        let path = try CLI.tempDir().appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(truncate(path, off_t(maxInputBytes + 1)) == 0)
        let run = try CLI.run(["check", path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(
            run.stderr.contains("huge.json: error: is 67108865 bytes, more than the 64 MiB allvet reads"),
            "\(run.stderr)")
    }

    /// 17.5 million warnings for a file of unknown preferences: now at most
    /// 50 of a kind, and one line that counts the rest.
    @Test func warningsAreCappedPerKind() throws {
        var instance = InstanceFiles.generated(participants: 300, hosts: 10, seed: 1)
        for i in instance.participants.indices {
            instance.participants[i].preferences = (1...4).map { "NOWHERE-\(i)-\($0)" }
        }
        let round = try CLI.tempDir().appendingPathComponent("round.json").path
        try InstanceJSONWriter.write(instance).write(toFile: round, atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", round])
        #expect(run.status == 0)
        let lines = run.stderr.split(separator: "\n")
        let preference = lines.filter { $0.contains("names no host or offer") }
        #expect(preference.count == DiagnosticCap.perKind)
        #expect(
            lines.contains {
                $0.contains("… and 1150 more warnings like the one at $.participants[0].preferences (1200 in all")
            })
    }

    /// `check` prints every warning grouped by kind (issue 13): the two
    /// lower-case countries together under a count, then the kind.
    @Test func warningsArePrintedGroupedByKind() throws {
        let round = try Self.editedExample { text in
            var t = text
            for id in ["ES-001", "PT-001"] {
                t = t.replacingOccurrences(
                    of: "\"id\": \"\(id)\", \"country\": \"\(id.prefix(2))\"",
                    with: "\"id\": \"\(id)\", \"country\": \"\(id.prefix(2).lowercased())\"")
            }
            return t.replacingOccurrences(of: "\"id\": \"ES-002\",", with: "\"id\": \"ES-002\", \"kind\": \"Staff\",")
        }
        let run = try CLI.run(["check", round])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let countries = lines.firstIndex { $0.contains("warnings of one kind") }
        #expect(countries != nil, "\(lines)")
        if let c = countries {
            #expect(lines[c].hasSuffix("2 warnings of one kind in \(round):"), "\(lines)")
            #expect(
                lines[c + 1].contains("participants[0].country") && lines[c + 2].contains("participants[2].country"))
            #expect(lines[(c + 3)...].contains { $0.contains("the kind \"Staff\"") }, "\(lines)")
        }
    }
}
