import LAERTestSupport
import Testing

@testable import LAERFormats

@Suite struct TextDecodingTests {
    static let resave = "re-save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\""

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return bigEndian ? [high, low] : [low, high]
        }
    }

    static func decoded(_ bytes: [UInt8]) throws -> (text: String, encoding: TextEncoding, mark: Bool) {
        let decoded = try TextDecoding.decode(bytes)
        let start = UTF8Bytes.textStart(of: decoded.utf8)
        return (String(decoding: decoded.utf8[start...], as: UTF8.self), decoded.encoding, decoded.hadByteOrderMark)
    }

    static func refusal(_ bytes: [UInt8]) -> TextDecodingError? {
        do {
            _ = try TextDecoding.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func passesUTF8ThroughWithoutACopy() throws {
        let bytes = Array("id,Zoë 東京 😀\n".utf8)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(!decoded.hadByteOrderMark)
        // The same storage: a batch of UTF-8 files is never copied.
        let same = bytes.withUnsafeBufferPointer { a in
            decoded.utf8.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        #expect(same)
    }

    @Test func keepsTheUTF8ByteOrderMarkForReadersToSkip() throws {
        let decoded = try TextDecoding.decode(UTF8Bytes.byteOrderMark + Array("é".utf8))
        #expect(decoded.encoding == .utf8 && decoded.hadByteOrderMark)
        #expect(decoded.utf8 == UTF8Bytes.byteOrderMark + Array("é".utf8))
    }

    static let sample = "id;note\r\nk2;Zoë € 東京 😀\n"

    @Test(arguments: [false, true])
    func decodesUTF16WithAByteOrderMark(bigEndian: Bool) throws {
        let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let decoded = try Self.decoded(mark + Self.utf16(Self.sample, bigEndian: bigEndian))
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(decoded.mark)
    }

    @Test(arguments: [false, true])
    func tellsUTF16WithoutAByteOrderMarkByItsNULs(bigEndian: Bool) throws {
        let decoded = try Self.decoded(Self.utf16(Self.sample, bigEndian: bigEndian))
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(!decoded.mark)
    }

    @Test func decodesAnEmptyUTF16File() throws {
        #expect(try Self.decoded([0xFF, 0xFE]).text == "")
        #expect(try Self.decoded([0xFE, 0xFF]).encoding == .utf16BigEndian)
    }

    @Test func readsBytesThatAreNotUTF8AsWindows1252() throws {
        let decoded = try Self.decoded(Array("caf".utf8) + [0xE9, 0x20, 0xA0, 0xFF])
        #expect(decoded.text == "café \u{A0}ÿ")
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.encoding.guessWarning?.contains("Windows-1252") == true)
        #expect(TextEncoding.utf8.guessWarning == nil)
    }

    /// Every byte 0x80…0x9F that Windows-1252 defines, each with its character.
    @Test func decodesTheWholeWindows1252Table() throws {
        let defined: [(UInt8, Character)] = [
            (0x80, "€"), (0x82, "‚"), (0x83, "ƒ"), (0x84, "„"), (0x85, "…"), (0x86, "†"), (0x87, "‡"), (0x88, "ˆ"),
            (0x89, "‰"), (0x8A, "Š"), (0x8B, "‹"), (0x8C, "Œ"), (0x8E, "Ž"), (0x91, "‘"), (0x92, "’"), (0x93, "“"),
            (0x94, "”"), (0x95, "•"), (0x96, "–"), (0x97, "—"), (0x98, "˜"), (0x99, "™"), (0x9A, "š"), (0x9B, "›"),
            (0x9C, "œ"), (0x9E, "ž"), (0x9F, "Ÿ"),
        ]
        let decoded = try Self.decoded(defined.map(\.0))
        #expect(decoded.encoding == .windows1252)
        #expect(Array(decoded.text) == defined.map(\.1))
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func refusesTheBytesWindows1252LeavesUndefined(byte: UInt8) throws {
        let error = try #require(Self.refusal(Array("a;b\ncaf".utf8) + [0xE9, byte]))
        #expect(error.line == 2 && error.column == 5)
        #expect(
            error.message
                == "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252, so the file's encoding cannot be told; \(Self.resave)"
        )
    }

    @Test func refusesAnOddNumberOfUTF16Bytes() throws {
        let error = try #require(Self.refusal([0xFF, 0xFE] + Self.utf16("a\nbc", bigEndian: false) + [0x41]))
        #expect(error.line == 2 && error.column == 3)
        #expect(
            error.message
                == "the file looks like UTF-16 (little-endian) but has an odd number of bytes, so its last character is cut; \(Self.resave)"
        )
        // Without a byte order mark too, when the NULs say UTF-16.
        #expect(Self.refusal(Self.utf16("id,note", bigEndian: true) + [0x00])?.message.contains("UTF-16 (big-endian)") == true)
    }

    @Test(
        arguments: [
            ([0xD8, 0x3D], "D83D"),  // a high surrogate at the end
            ([0xD8, 0x3D, 0x00, 0x41], "D83D"),  // a high surrogate before a letter
            ([0xDE, 0x00], "DE00"),  // a low surrogate alone
        ] as [([UInt8], String)])
    func refusesALoneSurrogate(units: [UInt8], hex: String) throws {
        let error = try #require(Self.refusal([0xFE, 0xFF] + Self.utf16("x\r\ny", bigEndian: true) + units))
        #expect(error.line == 2 && error.column == 2)
        #expect(
            error.message
                == "half of a UTF-16 surrogate pair (0x\(hex)) without its other half, so the file is not valid UTF-16 (big-endian); \(Self.resave)"
        )
    }

    @Test func refusesNULs() throws {
        #expect(Self.refusal(Array("a,b\nc".utf8) + [0] + Array("d,e,f,g,h,i,j".utf8))?.message.hasPrefix("a NUL byte") == true)
        #expect(Self.refusal([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])?.message.hasPrefix("a NUL character") == true)
    }

    @Test func refusesUTF32() throws {
        for mark: [UInt8] in [[0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF]] {
            #expect(
                Self.refusal(mark + [0x41, 0, 0, 0])?.message == "the file is UTF-32, which laer does not read; \(Self.resave)")
        }
    }

    @Test func refusesBrokenUTF8AfterAUTF8ByteOrderMark() throws {
        let error = try #require(Self.refusal(UTF8Bytes.byteOrderMark + Array("é\n東".utf8) + [0xE2, 0x82]))
        #expect(error.line == 2 && error.column == 2)
        #expect(error.message.hasPrefix("byte 0xE2 is not valid UTF-8, though the file starts as UTF-8"))
    }

    /// A NUL here and there is no UTF-16 pattern: it is refused as a NUL, at its place.
    @Test func doesNotTakeAStrayNULForUTF16() throws {
        let error = try #require(Self.refusal(Array("abcdefgh".utf8) + [0] + Array("ijklmnop".utf8)))
        #expect(error.line == 1 && error.column == 9)
        #expect(error.message.hasPrefix("a NUL byte"))
    }

    @Test func takesShortFilesAsUTF8() throws {
        #expect(try Self.decoded([]).encoding == .utf8)
        #expect(try Self.decoded([0x41]).encoding == .utf8)
    }
}
