// swift-format-ignore-file
// (Its code is copied into Sources/AllVET/AllVET.docc/SolvingARoundInCode.md, laid out for reading there;
// articleCopiesThisCode keeps the two equal, so the formatter leaves this file as it is.)
import AllVET
import Foundation
import Testing

// The library's worked example: a round built in code, solved, read and
// published, importing nothing but AllVET. The article
// Sources/AllVET/AllVET.docc/SolvingARoundInCode.md copies this code; when
// one changes, change the other (`articleCopiesThisCode` checks that every
// Swift block of the article is in this file).

/// Five learners, two hosts, three seats (the article's "Build a round").
func springRound() -> Instance {
    // Every learner is free for the same four weeks, Monday 6 April to
    // Sunday 3 May 2026, and stays all four: one possible start each.
    let free = (from: Day(iso: "2026-04-06")!, to: Day(iso: "2026-05-03")!)
    func learner(_ id: String, from country: String, english: LanguageLevel, preferences: [String],
                 attributes: [(name: String, value: AttributeValue)] = []) -> Participant {
        Participant(id: id, country: country, sector: "hospitality", languages: ["en": english],
                    availableFrom: free.from, availableTo: free.to, weeks: 4,
                    attributes: attributes, preferences: preferences)
    }
    // Both offers are open from March to June.
    let open = (from: Day(iso: "2026-03-02")!, to: Day(iso: "2026-06-28")!)
    let hotel = Host(id: "IE-HOTEL", name: "Harbour Hotel", country: "IE", city: "Dublin", offers: [
        Offer(id: "IE-HOTEL/reception", sectors: ["hospitality"], languages: ["en": .b1],
              from: open.from, to: open.to, capacity: 2),
    ])
    let cafe = Host(id: "PT-CAFE", name: "Café da Ribeira", country: "PT", city: "Porto", offers: [
        Offer(id: "PT-CAFE/kitchen", sectors: ["hospitality"], from: open.from, to: open.to, capacity: 1),
    ])
    return Instance(name: "spring-2026", participants: [
        learner("ana", from: "ES", english: .b2, preferences: ["IE-HOTEL"]),
        learner("ben", from: "ES", english: .b1, preferences: ["IE-HOTEL"]),
        learner("chloe", from: "FR", english: .b2, preferences: ["PT-CAFE", "IE-HOTEL"]),
        learner("dario", from: "ES", english: .a2, preferences: ["IE-HOTEL", "PT-CAFE"],
                attributes: [(name: "fewer_opportunities", value: .bool(true))]),
        learner("eva", from: "PT", english: .c1, preferences: ["PT-CAFE", "IE-HOTEL"]),
    ], hosts: [hotel, cafe])
}

/// The default policy (goals placed, then rank; `require_abroad`) and one
/// hard quota: at least one learner with fewer opportunities is placed.
func springPolicy() -> Policy {
    var policy = Policy.default
    policy.quotas = [
        Quota(name: "fewer-opportunities", who: Selector([(key: "fewer_opportunities", value: .bool(true))]),
              bounds: [.minCount(1)]),
    ]
    return policy
}

@Suite struct LibraryExampleTests {
    // The optimum, worked out by hand (docs/model.md and the contract it names).
    //
    // Each stay starts on Monday 6 April (the learners' only start) and all
    // of them overlap, so the hotel seats 2 and the café 1. Candidates, with
    // rank = position in the preferences, or 1 + the list's length when the
    // offer is not listed:
    //   ana   (ES, en B2): hotel rank 1, café rank 2;
    //   ben   (ES, en B1): hotel rank 1 (B1 meets B1), café rank 2;
    //   chloe (FR, en B2): café rank 1, hotel rank 2;
    //   dario (ES, en A2, fewer opportunities): hotel fails the language
    //         filter (A2 < B1), café rank 2;
    //   eva   (PT, en C1): café fails `require_abroad` (PT to PT), hotel rank 2.
    // Level 1, placed: 3 seats, and ana, ben at the hotel with chloe at the
    // café fill them: 3.
    // Default policy, level 2, rank cost Σ(rank − 1): 0 needs everyone at
    // rank 1, and ana, ben (hotel) and chloe (café) are exactly the three
    // seats: 0, a unique optimum.
    // With the quota (G ≥ 1): dario is the only learner it selects and the
    // café his only candidate, so the café's one seat is his (rank 2, cost 1).
    // The hotel's two seats at the least cost go to ana and ben (rank 1 each;
    // chloe or eva there would cost 1 each). Placed 3, rank cost 1, ranks
    // {1: 2, 2: 1}; the quota's count is 1, slack 0. Chloe's and eva's
    // candidate stays are all taken: both unplaced for `capacity`.
    @Test func solvesToTheHandWorkedOptimum() throws {
        let instance = springRound()
        let policy = springPolicy()
        let result = try Engine().solve(instance, policy: policy, options: EngineOptions(timeLimit: 30))
        #expect(result.status == .optimal)

        // The figures, recomputed from the chosen stays (never the solver's objective).
        let figures = RoundFigures(instance: result.instance, policy: result.policy,
                                   candidates: result.candidates, chosen: result.chosen)
        #expect(figures.placed == 3)
        #expect(result.levels.map(\.goal.name) == ["placed", "rank"])
        #expect(result.levels.map(\.status) == [.optimal, .optimal])
        #expect(figures.levelValues == [3, 1])
        #expect(figures.rankHistogram == [1: 2, 2: 1])
        #expect(figures.quotas.map(\.name) == ["fewer-opportunities"])
        #expect(figures.quotas[0].value == 1 && figures.quotas[0].slack == 0)

        // Who goes where: each chosen stay names a participant, an offer and a start week.
        let stays = result.chosen.map { k in
            let stay = result.candidates.stays[k]
            let who = result.instance.participants[stay.participant.rawValue].id
            let offer = result.candidates.offers[stay.offer.rawValue].offer.id
            return "\(who) \(offer) \(result.candidates.monday(ofWeek: stay.start))"
        }
        #expect(stays.sorted() == [
            "ana IE-HOTEL/reception 2026-04-06",
            "ben IE-HOTEL/reception 2026-04-06",
            "dario PT-CAFE/kitchen 2026-04-06",
        ])

        // Why the others are not placed.
        let unplaced = explainUnplaced(result).map { reason in
            "\(instance.participants[reason.participant.rawValue].id): \(reason.kind.rawValue)"
        }
        #expect(unplaced.sorted() == ["chloe: capacity", "eva: capacity"])
    }

    @Test func withoutTheQuotaEveryoneGetsAFirstChoice() throws {
        let result = try Engine().solve(springRound(), policy: .default, options: EngineOptions(timeLimit: 30))
        let figures = RoundFigures(instance: result.instance, policy: result.policy,
                                   candidates: result.candidates, chosen: result.chosen)
        #expect(result.status == .optimal)
        #expect(figures.levelValues == [3, 0])
        #expect(figures.rankHistogram == [1: 3])
    }

    @Test func publishesAVerifiedResultsFolder() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("allvet-example-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // Solve, compose the files, check them with the independent verifier, write the folder.
        let input = LoadedInput(instance: springRound(), policy: springPolicy())
        let published = try Publisher(options: EngineOptions(timeLimit: 30)).publish(input, to: folder)
        #expect(published.verification?.holds == true)
        #expect(published.written == ["assignments.csv", "unplaced.csv", "summary.json", "report.html"])

        // The folder on disk passes the verifier again, read back from the files.
        let verifier = ResultsVerifier(instance: input.instance, policy: input.policy)
        let report = verifier.verify(ResultsText.read(folder: folder))
        #expect(report.holds, "\(report.text)")
        let assignments = try String(contentsOfFile: folder + "/assignments.csv", encoding: .utf8)
        #expect(assignments == """
            participant_id,host_id,offer_id,start,end,weeks,rank
            ana,IE-HOTEL,IE-HOTEL/reception,2026-04-06,2026-05-03,4,1
            ben,IE-HOTEL,IE-HOTEL/reception,2026-04-06,2026-05-03,4,1
            dario,PT-CAFE,PT-CAFE/kitchen,2026-04-06,2026-05-03,4,2

            """)
    }

    /// The round and policy built in code pass the file readers' checks
    /// unchanged, and `LoadedInput` gives them the hash `InputLoader` gives
    /// their files (the same `input_hash` in `summary.json` either way).
    @Test func theRoundInCodeHashesAsItsFiles() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("allvet-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instancePath = folder.appendingPathComponent("round.json").path
        let policyPath = folder.appendingPathComponent("policy.json").path
        try Data(InstanceFiles.json(springRound())).write(to: URL(fileURLWithPath: instancePath))
        try Data(PolicyJSONWriter.write(springPolicy()).utf8).write(to: URL(fileURLWithPath: policyPath))

        let loaded = try InputLoader.load(instance: instancePath, policy: policyPath)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.instance == springRound() && loaded.policy == springPolicy())
        #expect(LoadedInput(instance: springRound(), policy: springPolicy()).hash == loaded.hash)
        #expect(LoadedInput(instance: springRound()).hash != loaded.hash)
    }

    /// Every Swift block of the article appears in this file, line by line
    /// (leading spaces aside), so the article cannot drift from tested code.
    @Test func articleCopiesThisCode() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let articleURL = root.appendingPathComponent("Sources/AllVET/AllVET.docc/SolvingARoundInCode.md")
        let article = try String(contentsOf: articleURL, encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        func lines(_ text: some StringProtocol) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let code = lines(source)
        let blocks = article.components(separatedBy: "```swift\n").dropFirst()
            .map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 4)
        for block in blocks {
            let wanted = lines(block).filter { !$0.isEmpty }
            let found = code.indices.contains { start in
                var i = start
                for line in wanted {
                    while i < code.count && code[i].isEmpty { i += 1 }
                    guard i < code.count, code[i] == line else { return false }
                    i += 1
                }
                return true
            }
            #expect(found, "not in LibraryExampleTests.swift:\n\(block)")
        }
    }
}
