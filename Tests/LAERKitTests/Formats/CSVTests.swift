import LAERTestSupport
import Testing

@testable import LAERFormats

@Suite struct CSVReaderTests {
    @Test func readsPlainRowsWithTheirLines() throws {
        #expect(
            try CSVReader.parse("a,b,c\r\n1,2,3\r\n") == [
                CSVRow(["a", "b", "c"], line: 1),
                CSVRow(["1", "2", "3"], line: 2),
            ])
    }

    @Test func readsEveryLineEnd() throws {
        #expect(try CSVReader.parse("a\r\nb\nc\rd").map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(try CSVReader.parse("a\r\nb\nc\rd").map(\.line) == [1, 2, 3, 4])
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,x\n".utf8)) == [CSVRow(["id", "x"], line: 1)])
    }

    @Test func readsALastLineWithoutALineEnd() throws {
        #expect(try CSVReader.parse("a,b\n1,2") == [CSVRow(["a", "b"], line: 1), CSVRow(["1", "2"], line: 2)])
    }

    @Test func skipsBlankLinesButCountsThem() throws {
        #expect(try CSVReader.parse("\r\na\r\n\r\n\nb\n\n") == [CSVRow(["a"], line: 2), CSVRow(["b"], line: 5)])
    }

    @Test func readsEmptyFields() throws {
        #expect(try CSVReader.parse(",\na,,b,\n\"\"\n").map(\.fields) == [["", ""], ["a", "", "b", ""], [""]])
    }

    @Test func readsQuotedFields() throws {
        let rows = try CSVReader.parse("\"a, b\",\"say \"\"hi\"\"\",\"\"\"\",\"\"\n")
        #expect(rows.map(\.fields) == [["a, b", "say \"hi\"", "\"", ""]])
    }

    @Test func keepsLineBreaksInsideQuotesAndCountsTheirLines() throws {
        let rows = try CSVReader.parse("id,note\r\nk1,\"one\r\ntwo\nthree\"\r\nk2,x\r\n")
        #expect(
            rows == [
                CSVRow(["id", "note"], line: 1),
                CSVRow(["k1", "one\r\ntwo\nthree"], line: 2, spreadsheetRow: 2),
                CSVRow(["k2", "x"], line: 5, spreadsheetRow: 3),
            ])
    }

    @Test func keepsSpacesAndMultiByteCharacters() throws {
        #expect(try CSVReader.parse(" a , Zoë ,東京,😀\n").map(\.fields) == [[" a ", " Zoë ", "東京", "😀"]])
    }

    @Test func readsNothingFromAnEmptyFile() throws {
        #expect(try CSVReader.parse("") == [])
        #expect(try CSVReader.parse([0xEF, 0xBB, 0xBF]) == [])
        #expect(try CSVReader.parse("\r\n\n") == [])
    }

    @Test func keepsTheApostropheOfASafeCell() throws {
        #expect(try CSVReader.parse("'=1+2\n").map(\.fields) == [["'=1+2"]])
    }

    static let never =
        "the quoted field that starts here is never closed; add the closing '\"' where the field ends, and write each quote inside it twice (\"\")"
    static let stray =
        "a '\"' inside a field that does not start with one; put the whole field in quotes and write each quote in it twice (\"\")"
    static func after(_ what: String) -> String {
        "unexpected \(what) after the closing quote of a field; a field ends at ',' or the end of the line (a quote inside a quoted field is written twice: \"\")"
    }

    @Test(arguments: [
        ("a,\"b", "line 1, column 3: \(never)"),
        ("id,note\r\nk1,\"one\r\ntwo\r\n", "line 2, column 4: \(never)"),
        ("a\n\"x\"\"", "line 2, column 1: \(never)"),
        ("é,\"x", "line 1, column 3: \(never)"),
        ("ab\"c\"", "line 1, column 3: \(stray)"),
        ("x,y\nzz,a\"", "line 2, column 5: \(stray)"),
        ("\"a\"b", "line 1, column 4: \(after("character 'b'"))"),
        ("\"a\" ,b", "line 1, column 4: \(after("space"))"),
        ("\"a\"\tb,c,d", "line 1, column 4: \(after("tab"))"),
        ("\"a\"é", "line 1, column 4: \(after("character 'é'"))"),
        ("\"a\nb\"x", "line 2, column 3: \(after("character 'x'"))"),
        ("\"a\"\u{1}", "line 1, column 4: \(after("control character 0x01"))"),
    ])
    func reportsSyntaxErrorsWithTheirPlace(input: String, message: String) {
        #expect(throws: CSVSyntaxError.self) { try CSVReader.parse(input) }
        do {
            _ = try CSVReader.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    static let resave = "re-save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\""

    @Test(
        arguments: [
            (
                [0xEF, 0xBB, 0xBF] + Array("東".utf8) + [0xFF],
                "line 1, column 2: byte 0xFF is not valid UTF-8, though the file starts as UTF-8; \(resave)"
            ),
            (
                Array("a\rb\nc".utf8) + [0x81],
                "line 3, column 2: byte 0x81 is neither UTF-8 nor Windows-1252, so the file's encoding cannot be told; \(resave)"
            ),
            (Array("a,b\r\nc".utf8) + [0, 0x41], "line 2, column 2: a NUL byte, which text never has; \(resave)"),
        ] as [([UInt8], String)])
    func refusesTextWhoseEncodingCannotBeToldWithItsPlace(bytes: [UInt8], message: String) {
        do {
            _ = try CSVReader.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func readsBytesThatAreNotUTF8AsWindows1252() throws {
        let document = try CSVReader.read(Array("a,caf".utf8) + [0xE9, 0x80])
        #expect(document.rows.map(\.fields) == [["a", "café€"]])
        #expect(document.encoding == .windows1252)
    }

    @Test func readsThousandsOfRowsQuickly() throws {
        let row =
            "kpis-2-usage-telemetry,kpis,laer-experiment,\"We measure usage, \"\"active\"\" users\",largely,\"Zoë: yes\"\r\n"
        let text = "id,marker,phase,statement,rating,note\r\n" + String(repeating: row, count: 20_000)
        let clock = ContinuousClock()
        var rows: [CSVRow] = []
        let elapsed = try clock.measure { rows = try CSVReader.parse(text) }
        #expect(rows.count == 20_001)
        #expect(rows.last?.fields[3] == "We measure usage, \"active\" users")
        // Generous for a debug build on a slow machine; the release build takes a few milliseconds.
        #expect(elapsed < .seconds(5))
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("a\nb") == "\"a\nb\"")
        #expect(CSVWriter.field("a\rb") == "\"a\rb\"")
        #expect(CSVWriter.field(" lead") == "\" lead\"")
        #expect(CSVWriter.field("trail ") == "\"trail \"")
        #expect(CSVWriter.field("\ttab") == "\"\ttab\"")
        #expect(CSVWriter.field("in side") == "in side")
        #expect(CSVWriter.field("Zoë 東京") == "Zoë 東京")
        #expect(CSVWriter.field("it's") == "it's")
    }

    @Test func endsEveryRowWithCRLFByDefault() {
        #expect(CSVWriter().text([["a", "b"], ["1", ""]]) == "a,b\r\n1,\r\n")
    }

    @Test func takesAnotherLineEndAndAByteOrderMark() {
        let writer = CSVWriter(lineEnd: "\n", byteOrderMark: true)
        #expect(writer.bytes([["a"]]) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "a"), 0x0A])
    }

    @Test func quotesARowOfOneEmptyFieldSoThatItIsNotABlankLine() throws {
        #expect(CSVWriter().text([["a"], [""], ["b"]]) == "a\r\n\"\"\r\nb\r\n")
        #expect(try CSVReader.parse(CSVWriter().text([["a"], [""], ["b"]])).map(\.fields) == [["a"], [""], ["b"]])
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("-cmd", "'-cmd"),
        // A plain negative number is no formula, and a spreadsheet should read it as a number.
        ("-1", "-1"),
        ("-0.250", "-0.250"),
        ("-1.", "'-1."),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
        ("Zoë", "Zoë"),
    ])
    func guardsCellsAgainstFormulas(input: String, expected: String) {
        #expect(CSVWriter.safeCell(input) == expected)
    }

    static let trickyRows: [[[String]]] = [
        [["a", "b"], ["", ""]],
        [["with, comma", "with \"quotes\"", "\"", "\"\"", ","]],
        [["line\nbreak", "crlf\r\ninside", "cr\ronly", "\n"]],
        [[" spaces ", "\t", "  "]],
        [["é", "東京", "Zoë Müller", "😀 emoji", "ﬁ ligature"]],
        [[""], ["x"], [""]],
        [["a"], ["b", "c", "d"], ["", "", "", ""]],
        [["=1+2", "'kept", "-", "@"]],
        [["trailing comma,", ",leading comma", "\"starts with quote", "ends with quote\""]],
        // A reader drops U+FEFF at the start as a byte order mark; the first field keeps its own.
        [["\u{FEFF}id", "\u{FEFF}x"], ["\u{FEFF}"]],
    ]

    /// Every field reads back as written, formula-safe: the writer guards every cell itself.
    @Test(arguments: trickyRows)
    func roundTrips(rows: [[String]]) throws {
        for writer in [CSVWriter(), CSVWriter(lineEnd: "\n", byteOrderMark: true), CSVWriter(lineEnd: "\r")] {
            #expect(try CSVReader.parse(writer.bytes(rows)).map(\.fields) == rows.map { $0.map(CSVWriter.safeCell) })
        }
    }

    @Test func theWriterGuardsEveryCell() {
        #expect(CSVWriter().text([["=1+2", "+x", "-0.5", "@a", "\tt"]]) == "'=1+2,'+x,-0.5,'@a,'\tt\r\n")
    }
}
