/// The byte-level facts of UTF-8 (RFC 3629) that every reader of text shares.
package enum UTF8Bytes {
    /// U+FEFF as UTF-8, which spreadsheets put before a CSV and some editors before JSON.
    package static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 when `bytes` start with a byte order mark, else 0: where the text begins.
    package static func textStart(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// 3 when `bytes` start with a byte order mark, else 0.
    package static func textStart(of bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { textStart(of: $0) }
    }

    /// For a byte that starts a multi-byte sequence, the sequence's length and the bytes its
    /// second byte may be (the rest are always 0x80…0xBF); nil for ASCII, a continuation byte or
    /// a byte that never appears in UTF-8.
    ///
    /// The narrow second ranges rule out overlong forms,
    /// surrogates and code points above U+10FFFF.
    package static func sequence(startingWith lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xE1...0xEF: (3, 0x80...0xBF)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }
}
