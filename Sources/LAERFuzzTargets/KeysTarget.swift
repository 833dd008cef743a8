import LAERTerminal

/// The terminal's key decoder: bytes may arrive split anywhere, so the keys cannot depend on
/// where.
///
/// The bytes fed in one chunk, one byte at a time, and split at a few points (at every point
/// for a short input) decode, with the pending bytes flushed at the end, to the same keys. No
/// key is a printable character that is a control character, and pasted text keeps no control
/// character but line feed and tab.
enum KeysTarget {
    /// Inputs up to this long are split at every point.
    static let splitEverywhere = 64

    static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
        let whole = keys([bytes])
        try expectSame(whole, keys(bytes.map { [$0] }), bytes, "fed one byte at a time")
        let points =
            bytes.count <= splitEverywhere
            ? Array(0...bytes.count) : [bytes.count / 3, bytes.count / 2, Int(bytes[0]) % bytes.count, bytes.count - 1]
        for point in points {
            try expectSame(whole, keys([Array(bytes[..<point]), Array(bytes[point...])]), bytes, "split at byte \(point)")
        }
        for key in whole { try checkKey(key, of: bytes) }
    }

    static func keys(_ chunks: [[UInt8]]) -> [Key] {
        var decoder = KeyDecoder()
        var keys: [Key] = []
        for chunk in chunks { keys += decoder.decode(chunk) }
        return keys + decoder.flushPending()
    }

    static func expectSame(_ whole: [Key], _ split: [Key], _ bytes: [UInt8], _ how: String) throws(FuzzFailure) {
        try expect(
            whole == split, .keys, "the keys differ when the bytes are \(how)",
            "in one chunk: \(whole)\n\(how): \(split)\ninput: \(bytes.map { String($0, radix: 16) })")
    }

    /// C0, DEL and C1: what the decoder promises never to hand over as text (bidirectional
    /// marks are text to it; the reports escape them).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }

    static func checkKey(_ key: Key, of bytes: [UInt8]) throws(FuzzFailure) {
        switch key {
        case .character(let character):
            try expect(
                !character.unicodeScalars.contains(where: isControl), .keys,
                "a control character is read as a printable key", "\(key)\ninput: \(bytes.map { String($0, radix: 16) })")
        case .paste(let text):
            try expect(
                !text.unicodeScalars.contains { isControl($0) && $0 != "\n" && $0 != "\t" }, .keys,
                "a paste keeps a control character", "\(key)\ninput: \(bytes.map { String($0, radix: 16) })")
        case .control(let byte):
            try expect(byte < 0x20, .keys, "a control key of byte \(byte)")
        default:
            break
        }
    }
}
