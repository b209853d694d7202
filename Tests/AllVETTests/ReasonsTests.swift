import AllVET
import Foundation
import Testing

@Suite struct ReasonsTests {
    static func p(
        _ id: String, languages: [String: LanguageLevel] = ["en": .b1, "es": .native], weeks: Int = 2,
        from: String = "2026-03-02", to: String = "2026-05-31", birth: String? = "2000-01-01", needs: [String] = [],
        kind: ParticipantKind = .apprentice, country: String = "ES"
    ) -> Participant {
        Participant(
            id: id, kind: kind, country: country, sector: "metal", languages: languages, availableFrom: Day(iso: from)!,
            availableTo: Day(iso: to)!, weeks: weeks, birthDate: birth.map { Day(iso: $0)! }, needs: needs)
    }

    static func o(
        _ id: String, languages: [String: LanguageLevel] = [:], from: String = "2026-03-02", to: String = "2026-05-31",
        minAge: Int? = nil, kinds: [ParticipantKind]? = nil
    ) -> Offer {
        Offer(
            id: id, sectors: ["metal"], languages: languages, from: Day(iso: from)!, to: Day(iso: to)!, capacity: 1,
            minAge: minAge, kinds: kinds)
    }

    func detail(_ participant: Participant, _ offers: [Offer], hostAccess: [String] = []) throws -> String {
        let inst = Instance(
            name: "t", participants: [participant],
            hosts: [Host(id: "DE-H", country: "DE", accessibility: hostAccess, offers: offers)])
        let result = try Engine().solve(inst, policy: .default, options: EngineOptions(timeLimit: 10))
        let reasons = ResultFiles(result: result, inputHash: "").reasons
        try #require(reasons.count == 1 && reasons[0].kind == .noCandidate)
        return reasons[0].detail
    }

    @Test func languageNamesWhatIsSpokenAndTheNearestMiss() throws {
        let d = try detail(
            Self.p("a"),
            [Self.o("DE-H/cnc", languages: ["de": .b1, "en": .b2]), Self.o("DE-H/far", languages: ["de": .c2])])
        #expect(d == "language: speaks en B1, es native; offers need de B1 or en B2 (DE-H/cnc and 1 more)")
    }

    @Test func datesNameTheWindows() throws {
        let d = try detail(
            Self.p("a", weeks: 4, from: "2026-03-02", to: "2026-03-29"),
            [Self.o("DE-H/x", from: "2026-03-16", to: "2026-06-28")])
        #expect(
            d
                == "dates: available 2026-03-02 to 2026-03-29 for 4 weeks; nearest window 2026-03-16 to 2026-06-28 (DE-H/x) overlaps 14 days; 28 days, Monday to Sunday, needed"
        )
    }

    @Test func ageNamesTheAgeAndTheMinimum() throws {
        let d = try detail(Self.p("a", birth: "2009-06-01"), [Self.o("DE-H/x", minAge: 18)])
        #expect(
            d
                == "age: aged 16 on the latest possible start 2026-05-18 (born 2009-06-01); offers need min_age 18 (DE-H/x)"
        )
    }

    @Test func accessibilityNamesWhatIsMissing() throws {
        let d = try detail(
            Self.p("a", needs: ["wheelchair", "hearing-loop"]), [Self.o("DE-H/x")], hostAccess: ["wheelchair"])
        #expect(d == "accessibility: needs wheelchair, hearing-loop; DE-H/x lacks hearing-loop")
    }

    @Test func durationSaysTheRange() throws {
        var o = Self.o("DE-H/x")
        o.minWeeks = 3
        #expect(
            try detail(Self.p("a", weeks: 1), [o]) == "duration: stays 1 week; offers take at least 3 weeks (DE-H/x)")
    }

    @Test func kindAndAbroad() throws {
        #expect(
            try detail(Self.p("a", kind: .staff), [Self.o("DE-H/x", kinds: [.apprentice])])
                == "kind: staff; DE-H/x accepts apprentice only")
        #expect(try detail(Self.p("a", country: "DE"), [Self.o("DE-H/x")]).hasPrefix("abroad: sending country DE;"))
    }

    @Test func progressLineFormat() {
        let p = LevelProgress(level: 0, levels: 2, goal: "placed", incumbent: 12, bound: 12.5, nodes: 3)
        #expect(p.line(elapsed: 2.04) == "level 1/2 placed  incumbent 12  bound 12.5  gap 4.17%  2.0 s")
        #expect(
            LevelProgress(level: 1, levels: 2, goal: "rank", incumbent: nil, bound: nil, nodes: 0).line(elapsed: 0)
                == "level 2/2 rank  incumbent -  bound -  gap -  0.0 s")
    }

    @Test func progressOnATerminalOnly() throws {
        let dir = try CLI.tempDir()
        // Not a terminal (pipes): no progress line.
        let piped = try CLI.run(["solve", "instances/example.json", "--out", dir.appendingPathComponent("a").path])
        #expect(piped.status == 0 && !piped.stderr.contains("level 1/2"))
        // A pseudo-terminal through script(1), when available.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = [
            "-qec", "\(CLI.binary.path) solve instances/example.json --out \(dir.appendingPathComponent("b").path)",
            "/dev/null",
        ]
        p.currentDirectoryURL = CLI.root
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text.contains("\rlevel 1/2 placed  incumbent"))
        #expect(text.contains("\rlevel 2/2 rank"))
        // --quiet: nothing.
        let q = Process()
        q.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        q.arguments = [
            "-qec",
            "\(CLI.binary.path) solve instances/example.json --quiet --out \(dir.appendingPathComponent("c").path)",
            "/dev/null",
        ]
        q.currentDirectoryURL = CLI.root
        let qout = Pipe()
        q.standardOutput = qout
        q.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try q.run()
        let qtext = String(decoding: qout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        q.waitUntilExit()
        #expect(!qtext.contains("level 1/2"))
    }
}
