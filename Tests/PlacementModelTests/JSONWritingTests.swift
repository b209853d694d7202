import PlacementModel
import Testing

/// The one JSON writer and its three layouts: the canonical instance and
/// policy files, the results files, and one-line text for sweep names.
@Suite struct JSONWritingTests {
    /// A tree with every kind of node, as the results writers build it.
    let output: JSONOutput = .object([
        ("a", .int(1)), ("b", .array([.number(0.5), .string("x"), .null])), ("c", .object([("d", .bool(true))])),
        ("e", .array([])), ("f", .object([])), ("g", .array([.array([]), .int(2)])),
    ])
    /// The same tree as a reader gives it.
    let compact = #"{"a":1,"b":[0.5,"x",null],"c":{"d":true},"e":[],"f":{},"g":[[],2]}"#

    @Test func resultsLayoutPutsEveryObjectMemberOnItsOwnLine() {
        #expect(
            output.rendered() == """
                {
                  "a": 1,
                  "b": [0.5, "x", null],
                  "c": {
                    "d": true
                  },
                  "e": [],
                  "f": {},
                  "g": [
                    [],
                    2
                  ]
                }

                """)
    }

    @Test func canonicalLayoutKeepsSmallObjectsAndEmptyContainersOnOneLine() throws {
        let v = try JSONValue.parse(compact).value
        #expect(
            v.prettyText == """
                {
                  "a": 1,
                  "b": [0.5, "x", null],
                  "c": { "d": true },
                  "e": [],
                  "f": {},
                  "g": [[], 2]
                }

                """)
    }

    /// The top object is never on one line; a nested one only up to 8 members.
    @Test func canonicalLayoutLimits() throws {
        #expect(try JSONValue.parse(#"{"a":1}"#).value.prettyText == "{\n  \"a\": 1\n}\n")
        let eight = (1...8).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(
            try JSONValue.parse("[{\(eight)}]").value.prettyText
                == "[\n  { \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8 }\n]\n"
        )
        let nine = try JSONValue.parse("[{\(eight),\"k9\":9}]").value.prettyText
        #expect(nine.hasPrefix("[\n  {\n    \"k1\": 1,\n"))
        #expect(try JSONValue.parse(#"{"o":{"a":[1]}}"#).value.prettyText == "{\n  \"o\": {\n    \"a\": [1]\n  }\n}\n")
    }

    @Test func compactLayoutIsOneLineWithoutSpacesOrFinalLineBreak() throws {
        let v = try JSONValue.parse(compact).value
        #expect(JSONWriting.text(v, layout: .compact) == compact)
        #expect(JSONWriting.text(output, layout: .compact) == compact)
        #expect(JSONWriting.text(try JSONValue.parse("0.30").value, layout: .compact) == "0.30")
    }

    /// Both trees go through the same writer: the same layout gives the same text.
    @Test func bothTreesWriteAlikeInEveryLayout() throws {
        let v = try JSONValue.parse(compact).value
        for layout in [JSONLayout.canonical, .results, .compact] {
            #expect(JSONWriting.text(v, layout: layout) == JSONWriting.text(output, layout: layout))
        }
        #expect(JSONWriting.text(v, layout: .results) == output.rendered())
    }

    @Test func scalarsAndEscapes() {
        let s: JSONOutput = .array([
            .string("q\"b\\s\n\r\t\u{08}\u{0C}\u{01}é😀"), .number(1e21), .number(-0.25), .int(-3), .bool(false),
        ])
        #expect(s.rendered() == #"["q\"b\\s\n\r\t\b\f\u0001é😀", 1e+21, -0.25, -3, false]"# + "\n")
        #expect(JSONWriting.quoted("plain") == "\"plain\"")
    }
}
