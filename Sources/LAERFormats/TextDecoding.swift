import LAERValues

/// The character encodings `TextDecoding` tells apart.
package enum TextEncoding: Sendable, Equatable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Excel's "CSV" on Windows in Western Europe and the Americas: a guess, taken only for bytes
    /// that are not UTF-8.
    case windows1252

    package var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 (little-endian)"
        case .utf16BigEndian: "UTF-16 (big-endian)"
        case .windows1252: "Windows-1252"
        }
    }

    /// What a reader should be told about text read in this encoding: nil but for a guess.
    package var guessWarning: String? {
        guard self == .windows1252 else { return nil }
        return
            "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows). If any letter looks wrong, re-save it as \"CSV UTF-8\""
    }
}

/// Text that `TextDecoding` could not tell the encoding of, or that is broken in the one it has:
/// a place (lines and characters from 1) and a message, as a CSV syntax error has them.
package typealias TextDecodingError = CSVSyntaxError

/// Text as UTF-8, and the encoding it was written in.
package struct DecodedText: Sendable {
    /// The text as UTF-8, possibly after a UTF-8 byte order mark (`UTF8Bytes.textStart`).
    ///
    /// For input that was UTF-8, this is the input array itself, not a copy.
    package var utf8: [UInt8]
    package var encoding: TextEncoding
    /// Whether the input started with a byte order mark of its encoding.
    package var hadByteOrderMark: Bool
}

/// Bytes of text to UTF-8, the encoding told apart by its byte order mark and its content.
///
/// - UTF-8, with or without a byte order mark, is passed through after one validating scan.
/// - UTF-16 with a byte order mark; without one when the first bytes have NULs on one side of
///   at least every other code unit (the high bytes of ASCII letters): at odd offsets
///   little-endian, at even big-endian (`utf16WithoutByteOrderMark`).
/// - Anything else that is not valid UTF-8 is taken as Windows-1252, a guess that
///   `TextEncoding.guessWarning` owns up to.
///
/// Refused: UTF-32, UTF-16 of an odd number of bytes or with a lone surrogate, NUL characters,
/// and the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
package enum TextDecoding {
    package static let resaveHint = "re-save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\""

    /// How many first bytes the NUL pattern of BOM-less UTF-16 is looked for in.
    static let sniffLength = 64

    package static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        let count = bytes.count
        if count >= 4,
            (bytes[0], bytes[1], bytes[2], bytes[3]) == (0xFF, 0xFE, 0, 0)
                || (bytes[0], bytes[1], bytes[2], bytes[3]) == (0, 0, 0xFE, 0xFF)
        {
            throw TextDecodingError(
                line: 1, column: 1, message: "the file is UTF-32, which laer does not read; \(resaveHint)")
        }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return DecodedText(
                utf8: try utf16(bytes, from: 2, bigEndian: false), encoding: .utf16LittleEndian, hadByteOrderMark: true)
        }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return DecodedText(
                utf8: try utf16(bytes, from: 2, bigEndian: true), encoding: .utf16BigEndian, hadByteOrderMark: true)
        }
        let start = UTF8Bytes.textStart(of: bytes)
        if start == 0, let bigEndian = utf16WithoutByteOrderMark(bytes) {
            return DecodedText(
                utf8: try utf16(bytes, from: 0, bigEndian: bigEndian),
                encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian, hadByteOrderMark: false)
        }
        let invalid = bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0, from: start) }
        guard let invalid else { return DecodedText(utf8: bytes, encoding: .utf8, hadByteOrderMark: start > 0) }
        if bytes[invalid] == 0 {
            throw error(
                in: bytes, at: invalid, unit: 1, utf8: true, from: start, "a NUL byte, which text never has; \(resaveHint)")
        }
        // A byte order mark says UTF-8, so a bad byte after one is damage, not another encoding.
        if start > 0 {
            throw error(
                in: bytes, at: invalid, unit: 1, utf8: true, from: start,
                "byte 0x\(NumberFormat.hex(bytes[invalid])) is not valid UTF-8, though the file starts as UTF-8; \(resaveHint)")
        }
        return DecodedText(utf8: try windows1252(bytes), encoding: .windows1252, hadByteOrderMark: false)
    }

    /// true for big-endian and false for little-endian UTF-16 told by its NULs: in the first bytes,
    /// at least every other code unit has a NUL high half (an ASCII or Latin-1 letter), and low
    /// halves are rarely NUL (U+0100, U+DE00); nil for any other text, in which a NUL is then
    /// refused at its place.
    package static func utf16WithoutByteOrderMark(_ bytes: [UInt8]) -> Bool? {
        let window = min(bytes.count, sniffLength) & ~1
        var evenZeros = 0
        var oddZeros = 0
        for index in 0..<window where bytes[index] == 0 {
            if index & 1 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = window / 2
        guard pairs > 0 else { return nil }
        if oddZeros * 2 >= pairs, evenZeros * 4 < oddZeros { return false }
        if evenZeros * 2 >= pairs, oddZeros * 4 < evenZeros { return true }
        return nil
    }

    /// UTF-16 code units from `start` to the end, as UTF-8.
    static func utf16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) throws(TextDecodingError) -> [UInt8] {
        let encoding = bigEndian ? "UTF-16 (big-endian)" : "UTF-16 (little-endian)"
        if (bytes.count - start) & 1 == 1 {
            throw error(
                in: bytes, at: bytes.count - 1, unit: 2, from: start, bigEndian: bigEndian,
                "the file looks like \(encoding) but has an odd number of bytes, so its last character is cut; \(resaveHint)")
        }
        func loneSurrogate(_ unit: UInt32, at index: Int) -> TextDecodingError {
            error(
                in: bytes, at: index, unit: 2, from: start, bigEndian: bigEndian,
                "half of a UTF-16 surrogate pair (0x\(String(unit, radix: 16, uppercase: true))) without its other half, so the file is not valid \(encoding); \(resaveHint)"
            )
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        func unit(_ index: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1]) : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
        }
        var index = start
        while index < bytes.count {
            let first = unit(index)
            var scalar = first
            var length = 2
            switch first {
            case 0:
                throw error(
                    in: bytes, at: index, unit: 2, from: start, bigEndian: bigEndian,
                    "a NUL character, which text never has; \(resaveHint)")
            case 0xD800...0xDBFF:
                let second = index + 3 < bytes.count ? unit(index + 2) : 0
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw loneSurrogate(first, at: index)
                }
                scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                length = 4
            case 0xDC00...0xDFFF:
                throw loneSurrogate(first, at: index)
            default:
                break
            }
            appendUTF8(scalar, to: &output)
            index += length
        }
        return output
    }

    /// Windows-1252 as UTF-8.
    static func windows1252(_ bytes: [UInt8]) throws(TextDecodingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0:
                throw error(in: bytes, at: index, unit: 1, "a NUL byte, which text never has; \(resaveHint)")
            case 0x01..<0x80:
                output.append(byte)
            case 0x80..<0xA0:
                let scalar = windows1252High[Int(byte - 0x80)]
                guard scalar != 0 else {
                    throw error(
                        in: bytes, at: index, unit: 1,
                        "byte 0x\(NumberFormat.hex(byte)) is neither UTF-8 nor Windows-1252, so the file's encoding cannot be told; \(resaveHint)"
                    )
                }
                appendUTF8(UInt32(scalar), to: &output)
            default:
                appendUTF8(UInt32(byte), to: &output)
            }
        }
        return output
    }

    /// The characters of Windows-1252's bytes 0x80…0x9F (the rest are Latin-1); 0 where it has none.
    static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The offset of the first byte that is NUL or does not belong to well-formed UTF-8 (RFC 3629).
    package static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { return index }
                index += 1
                continue
            }
            guard let (length, second) = UTF8Bytes.sequence(startingWith: lead) else { return index }
            guard index + 1 < bytes.count, second.contains(bytes[index + 1]) else { return index }
            for next in index + 2..<index + length {
                guard next < bytes.count, bytes[next] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }

    /// An error at byte `offset`, placed by line and character: lines end at LF, CRLF or CR.
    ///
    /// A character is one byte (`unit` 1, Windows-1252), a UTF-8 sequence (`unit` 1, `utf8`) or a
    /// UTF-16 code unit (`unit` 2, so that a surrogate pair counts as two).
    static func error(
        in bytes: [UInt8], at offset: Int, unit: Int, utf8: Bool = false, from start: Int = 0, bigEndian: Bool = false,
        _ message: String
    ) -> TextDecodingError {
        /// The code unit at `index` when it is ASCII, else 0x80.
        func ascii(_ index: Int) -> UInt8 {
            guard index + unit <= bytes.count else { return 0x80 }
            guard unit == 2 else { return bytes[index] }
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return high == 0 && low < 0x80 ? low : 0x80
        }
        var line = 1
        var column = 1
        var index = start
        while index + unit <= offset {
            switch ascii(index) {
            case 0x0A:
                (line, column) = (line + 1, 1)
            case 0x0D:
                if ascii(index + unit) != 0x0A { (line, column) = (line + 1, 1) }
            case let byte:
                if !(utf8 && byte & 0xC0 == 0x80) { column += 1 }
            }
            index += unit
        }
        return TextDecodingError(line: line, column: column, message: message)
    }
}
