import PlacementModel
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(text).value }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONValue.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let v = try parse(#"{"a": 0.14, "b": -2.50e+3, "c": 10, "d": 0}"#)
        #expect(v["a"]?.content == .number("0.14"))
        #expect(v["b"]?.content == .number("-2.50e+3"))
        #expect(v["c"]?.content == .number("10"))
        #expect(v["d"]?.content == .number("0"))
    }

    @Test func objectsKeepOrderAndPositions() throws {
        let v = try parse("{\n  \"z\": 1,\n  \"a\": [true, false, null]\n}")
        guard case .object(let members) = v.content else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a"])
        #expect(members[1].line == 3 && members[1].column == 3)
        #expect(members[1].value.line == 3 && members[1].value.column == 8)
        #expect(
            members[1].value.content
                == .array([
                    JSONValue(.bool(true), line: 3, column: 9), JSONValue(.bool(false), line: 3, column: 15),
                    JSONValue(.null, line: 3, column: 22),
                ]))
    }

    @Test func escapesAndSurrogatePairs() throws {
        let v = try parse(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "Grüße"]"#)
        guard case .array(let items) = v.content else { Issue.record("not an array"); return }
        #expect(items[0].content == .string("a\"b\\c/d\n\té😀"))
        #expect(items[1].content == .string("Grüße"))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes; the error is at the 13th character of the line.
        let e = syntaxError(#"{"é": 1, "x" 2}"#)
        #expect(e?.line == 1)
        #expect(e?.column == 14)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let v = try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).value
        #expect(v.content == .array([JSONValue(.number("1"), line: 1, column: 2)]))
    }

    @Test func syntaxErrorsSayWhereAndWhatWasExpected() {
        let e = syntaxError("{\n  \"a\": 1,\n  \"b\": 2,\n}")
        #expect(e?.line == 4 && e?.column == 1)
        #expect(e?.message.contains("trailing comma") == true)
        #expect(syntaxError("")?.message.contains("empty") == true)
        #expect(syntaxError("[1] x")?.message.contains("expected the end of the file") == true)
        #expect(syntaxError("[01]")?.message.contains("leading zeros") == true)
        #expect(syntaxError("[1.]")?.message.contains("after the decimal point") == true)
        #expect(syntaxError("[tru]")?.message.contains("expected a value") == true)
        #expect(syntaxError(#"["\ud83d"]"#)?.message.contains("low surrogate") == true)
        #expect(syntaxError(#"["\x"]"#)?.message.contains("expected an escape") == true)
        #expect(syntaxError("[\"a\nb\"]")?.message.contains("end of the line") == true)
        #expect(syntaxError("{\"a\" 1}")?.message.contains("expected \":\"") == true)
        #expect(syntaxError("[1 2]")?.message.contains("expected \",\" or \"]\"") == true)
        #expect(syntaxError(String(repeating: "[", count: 600))?.message.contains("nesting") == true)
    }

    @Test func duplicateKeysAreReportedWithTheirPath() throws {
        let r = try JSONValue.parse(#"{"hosts": [{"id": "a"}, {"id": "b", "id": "c"}]}"#)
        #expect(r.duplicateKeys.map(\.path) == ["$.hosts[1].id"])
        #expect(
            r.value["hosts"].map { v in
                if case .array(let a) = v.content { return a[1]["id"]?.content == .string("b") } else { return false }
            } == true)
    }

    @Test func prettyTextParsesBack() throws {
        let text = #"{"a": [1, {"b": "x\ny"}], "c": {"d": 0.10}, "e": []}"#
        let v = try parse(text)
        let again = try parse(v.prettyText)
        #expect(again.prettyText == v.prettyText)
        #expect(again["c"]?["d"]?.content == .number("0.10"))
    }

    @Test func largeDocumentParsesQuickly() throws {
        var s = "["
        for i in 0..<20000 {
            if i > 0 { s += "," }
            s += #"{"id": "P\#(i)", "weeks": 4, "share": 0.25, "ok": true, "langs": {"en": "B1"}}"#
        }
        s += "]"
        let bytes = Array(s.utf8)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try JSONValue.parse(bytes) }
        #expect(elapsed < .seconds(5))  // debug build; release is far faster
    }
}

@Suite struct JSONEncodingTests {
    @Test func invalidUTF8IsASyntaxError() {
        let bytes: [UInt8] = Array("[\"a".utf8) + [0xFF, 0xFE] + Array("\"]".utf8)
        do {
            _ = try JSONValue.parse(bytes)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.message.contains("not valid UTF-8"))
        }
    }
}
