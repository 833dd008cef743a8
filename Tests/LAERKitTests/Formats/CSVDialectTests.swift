import LAERTestSupport
import Testing

@testable import LAERFormats

@Suite struct CSVDialectTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n", CSVSeparator.comma),
        ("a;b;c\n1;2;3\n", .semicolon),
        ("a\tb\tc\n1\t2\t3\n", .tab),
        // The most frequent wins: a comma inside a name does not make the file comma-separated.
        ("name;Acme, Inc.;date\n", .semicolon),
        ("a\tb;c\td\n", .tab),
        // Separators inside quotes are text, even across a line break in the header.
        ("\"a;b;c\",d,e\n", .comma),
        ("\"x,\ny,z\";k2;k3\n", .semicolon),
        ("\"say \"\"a,b\"\"\"\tk2\n", .tab),
        // Ties go to the earlier of ',' ';' tab.
        ("a,b;c\n", .comma),
        ("a;b\tc\n", .semicolon),
        ("a,b\tc\n", .comma),
        // One column: no separator at all.
        ("id\nk2\n", .comma),
        ("", .comma),
        // Only the first record counts.
        ("id\n1;2;3;4\n", .comma),
    ])
    func detectsTheSeparatorFromTheFirstRecord(text: String, expected: CSVSeparator) throws {
        #expect(try CSVReader.read(Array(text.utf8)).separator == expected)
    }

    @Test func skipsAByteOrderMarkBeforeDetecting() throws {
        #expect(try CSVReader.read(UTF8Bytes.byteOrderMark + Array("a;b\n".utf8)).separator == .semicolon)
    }

    @Test(arguments: CSVSeparator.allCases)
    func readsQuotedFieldsWithEverySeparator(separator: CSVSeparator) throws {
        let s = String(UnicodeScalar(separator.rawValue))
        let text =
            "id\(s)note\(s)x\r\nk2\(s)\"a, b; c\td\"\(s)\"say \"\"hi\"\"\"\r\nk3\(s)\"two\nlines\"\(s)\r\n"
        let rows = try CSVReader.parse(text)
        #expect(
            rows == [
                CSVRow(["id", "note", "x"], line: 1),
                CSVRow(["k2", "a, b; c\td", "say \"hi\""], line: 2),
                CSVRow(["k3", "two\nlines", ""], line: 3),
            ])
        // Given explicitly, it is the same.
        #expect(try CSVReader.parse(text, separator: separator) == rows)
    }

    @Test func takesAGivenSeparatorOverTheDetectedOne() throws {
        #expect(try CSVReader.parse("a;b,c\n", separator: .semicolon).map(\.fields) == [["a", "b,c"]])
        #expect(try CSVReader.parse("a;b;c\n", separator: .comma).map(\.fields) == [["a;b;c"]])
    }

    @Test func namesTheSeparatorInASyntaxError() throws {
        do {
            _ = try CSVReader.parse("a;b\n\"x\"y;z\n")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "line 2, column 4: unexpected character 'y' after the closing quote of a field; a field ends at ';' or the end of the line (a quote inside a quoted field is written twice: \"\")"
            )
        }
    }

    @Test func readsUTF16AndWindows1252AndSaysWhich() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "id\tnote\nk2\t€".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try CSVReader.read(utf16)
        #expect(document.rows.map(\.fields) == [["id", "note"], ["k2", "€"]])
        #expect(document.separator == .tab && document.encoding == .utf16LittleEndian)
        let cp1252 = try CSVReader.read(Array("id;note\nk2;".utf8) + [0x80, 0x93, 0x94])
        #expect(cp1252.rows.map(\.fields) == [["id", "note"], ["k2", "€“”"]])
        #expect(cp1252.encoding == .windows1252)
    }

    @Test func placesAnEncodingErrorAsASyntaxError() throws {
        do {
            _ = try CSVReader.parse(Array("id\nk".utf8) + [0x8D])
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.column == 2)
        }
    }

    @Test func detectsQuicklyOnALongFile() throws {
        let row = "k2;\"We measure usage; \"\"active\"\" users\";largely;\"Zoë: yes\"\r\n"
        let bytes = Array(("id;statement;rating;note\r\n" + String(repeating: row, count: 20_000)).utf8)
        let clock = ContinuousClock()
        var document: CSVDocument?
        let elapsed = try clock.measure { document = try CSVReader.read(bytes) }
        #expect(document?.rows.count == 20_001)
        #expect(document?.rows.last?.fields[1] == "We measure usage; \"active\" users")
        // Generous for a debug build on a slow machine, as `readsThousandsOfRowsQuickly`.
        #expect(elapsed < .seconds(5))
    }
}
