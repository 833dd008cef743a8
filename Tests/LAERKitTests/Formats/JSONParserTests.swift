import LAERTestSupport
import Testing

@testable import LAERFormats

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #"{"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {}}"#)
        #expect(
            value
                == .object(
                    JSONObject([
                        JSONMember("a", .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null])),
                        JSONMember("b", .string("x\"\\/\u{08}\u{0C}\n\r\té😀")),
                        JSONMember("c", .object(JSONObject())),
                    ])))
    }

    @Test func keepsMemberOrderAndDuplicates() throws {
        let object = try #require(try JSONParser.parse(#"{"z": 1, "a": 2, "z": 3}"#).objectValue)
        #expect(object.keys == ["z", "a", "z"])
        #expect(object["z"] == .number(1))
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test func readsMultiByteUTF8Strings() throws {
        #expect(try JSONParser.parse(#""Zürich — 東京""#) == .string("Zürich — 東京"))
    }

    @Test(arguments: [
        ("", "line 1, column 1: the document is empty; expected a JSON value"),
        ("{", "line 1, column 2: unexpected end of the document; expected a member name in double quotes"),
        ("{\"a\" 1}", "line 1, column 6: unexpected character '1'; expected ':' after the member name \"a\""),
        ("{\"a\": 1,}", "line 1, column 9: a trailing comma before '}' is not allowed in JSON"),
        ("[1, 2,]", "line 1, column 7: a trailing comma before ']' is not allowed in JSON"),
        ("[1 2]", "line 1, column 4: unexpected character '2'; expected ',' or ']' after an array element"),
        ("{\"a\": 1 \"b\": 2}", "line 1, column 9: unexpected character '\"'; expected ',' or '}' after an object member"),
        ("{\n  \"a\": tru\n}", "line 2, column 8: 'tru' is not a value; expected true, or text in double quotes"),
        ("{'a': 1}", "line 1, column 2: unexpected character '''; expected a member name in double quotes"),
        ("[\"abc", "line 1, column 2: this string is never closed; add the closing '\"'"),
        ("[\"a\tb\"]", "line 1, column 4: a control character inside a string must be escaped (\\n, \\t, \\u00XX)"),
        ("[\"\\x\"]", "line 1, column 4: unknown escape '\\x'; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"),
        ("[\"\\u12\"]", "line 1, column 3: a \\u escape needs four hexadecimal digits"),
        ("[\"\\ud83d\"]", "line 1, column 9: a \\u escape for a high surrogate must be followed by a low surrogate"),
        ("[\"\\ude00\"]", "line 1, column 9: a lone low surrogate in a \\u escape"),
        ("[01]", "line 1, column 3: a number may not start with a leading zero"),
        ("[-]", "line 1, column 3: a number needs a digit after '-'"),
        ("[1.]", "line 1, column 4: a number needs a digit after the decimal point"),
        ("[1e]", "line 1, column 4: a number needs a digit in its exponent"),
        ("[1e999]", "line 1, column 2: the number 1e999 is out of range"),
        ("[1] x", "line 1, column 5: unexpected character 'x' after the end of the document"),
        ("[+1]", "line 1, column 2: unexpected character '+'; expected a value"),
    ])
    func reportsSyntaxErrorsWithTheirPlace(input: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError(line: 1, column: 2, message: "this string is not valid UTF-8; save the file as UTF-8")) {
            try JSONParser.parse([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        }
    }

    @Test func countsColumnsInCharactersNotBytes() {
        #expect(
            throws: JSONSyntaxError(
                line: 1, column: 7, message: "unexpected character 'x'; expected ',' or ']' after an array element")
        ) {
            try JSONParser.parse("[\"éé\" x]")
        }
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        let deep =
            String(repeating: "[", count: JSONParser.maximumDepth + 1)
            + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(allowed)
    }
}

@Suite struct JSONWriterTests {
    /// Every byte that needs an escape, at every place of strings long enough for the eight-byte
    /// scan, is escaped: the scan may not skip one.
    @Test func escapesASpecialCharacterAtEveryPlace() throws {
        let specials: [(Character, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{01}", #"\u0001"#), ("\u{1F}", #"\u001F"#),
            ("\u{2028}", #"\u2028"#),
        ]
        for length in 0..<20 {
            for place in 0...length {
                for (special, escaped) in specials {
                    let plain = String(repeating: "é", count: place % 3) + String(repeating: "a", count: length - place % 3)
                    var text = plain
                    text.insert(special, at: text.index(text.startIndex, offsetBy: min(place, text.count)))
                    let written = JSONWriter().string(from: .string(text))
                    #expect(written == "\"" + text.replacing(String(special), with: escaped) + "\"", "\(length), \(place)")
                    #expect(try JSONParser.parse(written) == .string(text))
                }
            }
        }
        // A high byte that is not the start of U+2028 or U+2029 stays as it is.
        #expect(JSONWriter().string(from: .string("aaaaaaaa\u{2030}aaaaaaaa")) == "\"aaaaaaaa\u{2030}aaaaaaaa\"")
    }

    @Test func sortsKeysAndIndents() {
        let value = JSONValue.object(
            JSONObject([
                JSONMember("b", .array([.number(1), .number(0.85), .null])),
                JSONMember("a", .object(JSONObject([JSONMember("y", .bool(true)), JSONMember("x", .array([]))]))),
            ]))
        #expect(
            JSONWriter().string(from: value) == """
                {
                  "a": {
                    "x": [],
                    "y": true
                  },
                  "b": [
                    1,
                    0.85,
                    null
                  ]
                }
                """)
        #expect(JSONWriter(pretty: false, sortedKeys: false).string(from: value) == #"{"b":[1,0.85,null],"a":{"y":true,"x":[]}}"#)
    }

    @Test func escapesStrings() {
        #expect(JSONWriter().string(from: .string("a\"b\\c\nd\u{01}é\u{2028}")) == #""a\"b\\c\nd\u0001é\u2028""#)
    }

    @Test(arguments: [
        #"{"a":[1,2.5,-3,"x\ny",{"b":null}],"c":"Zürich","d":true}"#,
        #"[]"#, #""""#, #"[1e-7, 123456789012, 0.1]"#,
    ])
    func roundTrips(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter().string(from: value)) == value)
        #expect(try JSONParser.parse(JSONWriter(pretty: false, sortedKeys: false).string(from: value)) == value)
    }
}
