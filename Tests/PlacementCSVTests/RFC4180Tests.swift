import Testing
import PlacementModel
@testable import PlacementCSV

@Suite struct RFC4180Tests {
    func parse(_ text: String) -> [[String]] { CSVParser.parse(Array(text.utf8)).records.map(\.cells) }

    @Test func quotedCommasDoubledQuotesAndLineBreaks() {
        let records = CSVParser.parse(Array("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\"\nlast,,\n".utf8))
            .records
        #expect(
            records.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "one\r\ntwo\nthree"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].cellLines == [2, 2, 2])
    }

    @Test func bomCRLFAndLoneCRAndNoFinalLineBreak() {
        #expect(parse("\u{FEFF}a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(parse("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(parse("a,b\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
        #expect(parse("a,\"\"\n") == [["a", ""]])
    }

    @Test func unterminatedQuoteAndTextAfterQuoteAreErrorsWithLines() {
        let open = CSVParser.parse(Array("a,b\n1,2\n3,\"four\n5,6\n".utf8))
        #expect(open.errors.map(\.line) == [3])
        let stray = CSVParser.parse(Array("a,b\n\"1\"x,2\n".utf8))
        #expect(stray.errors.map(\.line) == [2])
        #expect(stray.records.last?.cells == ["1", "2"])
    }

    @Test func readsParticipantsWithQuotingBOMAndCRLF() throws {
        let text =
            "\u{FEFF}" + participantsHeader + ",sending_org\r\n"
            + "ES-00001,ES,tourism,2026-03-02,2026-06-28,4,\"CYL, \"\"Valladolid\"\"\r\nCentro\"\r\n"
        let folder = try makeFolder(["participants.csv": text, "hosts.csv": minimalHosts, "offers.csv": minimalOffers])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.participants.map(\.sendingOrg) == ["CYL, \"Valladolid\"\r\nCentro"])
    }

    @Test func columnOrderIsFree() throws {
        let participants =
            "weeks,sector,id,available_to,country,available_from,languages\n4,tourism,ES-1,2026-06-28,ES,2026-03-02,en:B1 es:native\n"
        let hosts = "country,id,capacity\nDE,DE-H0001,2\n"
        let offers =
            "capacity,to,from,sectors,host_id,id,kinds\n1,2026-12-27,2026-01-05,tourism;food,DE-H0001,DE-H0001/o1,staff\n"
        let folder = try makeFolder(["participants.csv": participants, "hosts.csv": hosts, "offers.csv": offers])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        let expected = Instance(
            name: "case",
            participants: [
                Participant(
                    id: "ES-1", country: "ES", sector: "tourism", languages: ["en": .b1, "es": .native],
                    availableFrom: day("2026-03-02"), availableTo: day("2026-06-28"), weeks: 4)
            ],
            hosts: [
                Host(
                    id: "DE-H0001", country: "DE", capacity: 2,
                    offers: [
                        Offer(
                            id: "DE-H0001/o1", sectors: ["tourism", "food"], from: day("2026-01-05"),
                            to: day("2026-12-27"), capacity: 1,
                            kinds: [.staff])
                    ])
            ])
        #expect(instance == expected)
    }

    @Test func attributeCellsAreTyped() throws {
        let text =
            participantsHeader + ",a,b,c,d,e,f\n"
            + "P1,ES,food,2026-03-02,2026-06-28,4,TRUE,false,-1.5e2,0042,'true,x y\n"
            + "P2,ES,food,2026-03-02,2026-06-28,4,,3,1.,'',,\n"
        let folder = try makeFolder(["participants.csv": text, "hosts.csv": minimalHosts, "offers.csv": minimalOffers])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        let a = instance.participants.map { $0.attributes.map(\.name) }
        #expect(a == [["a", "b", "c", "d", "e", "f"], ["b", "c", "d"]])
        #expect(
            instance.participants[0].attributes.map(\.value) == [
                .bool(true), .bool(false), .number(-150), .string("0042"), .string("true"), .string("x y"),
            ])
        #expect(instance.participants[1].attributes.map(\.value) == [.number(3), .string("1."), .string("'")])
    }

    @Test func explicitEmptyListsAndApostrophes() throws {
        let offers =
            "id,host_id,sectors,from,to,capacity,kinds\nO1,H1,;,2026-01-05,2026-12-27,1,;\nO2,H1,x,2026-01-05,2026-12-27,3,\n"
        let hosts = "id,country,name\nH1,DE,'=SUM(A1)\n"
        let folder = try makeFolder([
            "participants.csv": participantsHeader + "\n", "hosts.csv": hosts, "offers.csv": offers,
        ])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.hosts[0].name == "=SUM(A1)")
        #expect(instance.hosts[0].offers.map(\.sectors) == [[], ["x"]])
        #expect(instance.hosts[0].offers.map(\.kinds) == [[], nil])
        #expect(instance.hosts[0].offers[1].capacity == 3)
    }

    @Test func spreadsheetInjectionCellsRoundTrip() throws {
        let tricky = ["=1+2", "+49 30", "-minus", "@SUM(A1)", "'quoted", "''two", "", "\ttab", "plain", "a,b \"c\"\nd"]
        let participants = tricky.enumerated().map { i, s in
            Participant(
                id: "-P\(i)", country: "ES", sendingOrg: s, sector: s.isEmpty ? "=x" : s,
                languages: ["=x": .b1, "en": .a2], availableFrom: day("2026-03-02"), availableTo: day("2026-06-28"),
                weeks: 4, needs: ["@w"],
                attributes: [
                    ("note", .string(s)), ("n", .number(-2.5)), ("t", .string("TRUE")),
                    ("num", .string("12")),
                ],
                preferences: ["=H", "-H/o1"])
        }
        let host = Host(
            id: "-H", name: "=HYPERLINK(\"x\")", country: "DE", city: "+", accessibility: ["-"], capacity: 2,
            offers: [
                Offer(
                    id: "-H/o1", sectors: ["=s"], languages: [:], from: day("2026-01-05"), to: day("2026-12-27"),
                    capacity: 1,
                    total: 3, kinds: [], accessibility: ["'"])
            ])
        let instance = Instance(name: "tricky", participants: participants, hosts: [host])
        let folder = freshFolder("tricky")
        try InstanceCSVWriter.write(instance, to: folder)
        let (back, _) = try InstanceCSVReader.read(folder: folder)
        #expect(back == instance)
        // No written text cell starts a formula.
        let files = try InstanceCSVWriter.encode(instance)
        for (_, bytes) in files {
            let cells = CSVParser.parse(bytes).records.flatMap(\.cells)
            for cell in cells where ["=", "+", "@"].contains(cell.first.map(String.init) ?? "") {
                Issue.record("cell starts a formula: \(cell)")
            }
        }
    }

    @Test func writerRefusesWhatCSVCannotHold() {
        let p = Participant(
            id: "P", country: "ES", sector: "s", availableFrom: day("2026-03-02"), availableTo: day("2026-06-28"),
            weeks: 4, needs: ["a;b"], attributes: [("weeks", .bool(true)), ("x", .number(.nan))])
        #expect(throws: CSVWriteError.self) {
            try InstanceCSVWriter.encode(Instance(name: "x", participants: [p], hosts: []))
        }
    }

    @Test func writerIsDeterministicAndOrdersAttributesToKeepEachOrder() throws {
        let p1 = Participant(
            id: "P1", country: "ES", sector: "s", availableFrom: day("2026-03-02"), availableTo: day("2026-06-28"),
            weeks: 4, attributes: [("b", .number(1))])
        var p2 = p1
        p2.id = "P2"
        p2.attributes = [("a", .bool(true)), ("b", .number(2))]
        let instance = Instance(name: "x", participants: [p1, p2], hosts: [])
        let once = try InstanceCSVWriter.encode(instance).map(\.bytes)
        let twice = try InstanceCSVWriter.encode(instance).map(\.bytes)
        #expect(once == twice)
        let folder = freshFolder("x")
        try InstanceCSVWriter.write(instance, to: folder)
        #expect(try InstanceCSVReader.read(folder: folder).0 == instance)
    }
}
