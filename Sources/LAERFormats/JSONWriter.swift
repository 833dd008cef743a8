import LAERValues

/// Writes `JSONValue`s as text: deterministic, optionally indented and with sorted keys.
///
/// It writes UTF-8 bytes into one growing buffer: batch scoring renders a result per input, and
/// byte appends cost a fraction of string appends.
package struct JSONWriter: Sendable {
    package var pretty: Bool
    package var sortedKeys: Bool

    package init(pretty: Bool = true, sortedKeys: Bool = true) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    package func string(from value: JSONValue) -> String {
        String(decoding: bytes(from: value), as: UTF8.self)
    }

    package func bytes(from value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, indent: 0, to: &output)
        return output
    }

    private func write(_ value: JSONValue, indent: Int, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: JSONWriter.format(number).utf8)
        case .string(let text): JSONWriter.writeQuoted(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, &output)
                write(element, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            let members =
                sortedKeys && !JSONWriter.isSorted(object.members)
                ? object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : object.members
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, &output)
                JSONWriter.writeQuoted(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func isSorted(_ members: [JSONMember]) -> Bool {
        zip(members, members.dropFirst()).allSatisfy { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private func newline(_ indent: Int, _ output: inout [UInt8]) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Integers print without a fraction; other numbers in Swift's shortest round-trip form.
    package static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return number.description
    }

    /// Bytes that may need an escape: controls, `"`, `\`, and 0xE2, which may start U+2028 or U+2029.
    @inline(__always)
    static func needsAttention(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }

    /// Whether any of eight bytes may need attention: never false when one does (a byte is zero
    /// in `x`, or below 0x20, exactly when the subtraction borrows into its high bit), sometimes
    /// true when none does, which the byte-wise test then settles.
    @inline(__always)
    static func mayNeedAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2))
            || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// Appends `text` as a JSON string, quoted and escaped.
    package static func writeQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var runStart = 0
            func flush() {
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            }
            while index < bytes.count {
                // Runs of plain bytes are copied whole, found eight bytes at a time.
                while index + 8 <= bytes.count,
                    !mayNeedAttention(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                }
                while index < bytes.count, !needsAttention(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                let escape: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = #"\""#
                case UInt8(ascii: "\\"): escape = #"\\"#
                case 0x0A: escape = #"\n"#
                case 0x0D: escape = #"\r"#
                case 0x09: escape = #"\t"#
                case 0x08: escape = #"\b"#
                case 0x0C: escape = #"\f"#
                case 0x00..<0x20:
                    escape = "\\u00" + NumberFormat.hex(byte)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript; escaped so the output embeds anywhere.
                    escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    width = 3
                default:
                    escape = nil
                }
                if let escape {
                    flush()
                    output.append(contentsOf: escape.utf8)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush()
        }
        output.append(UInt8(ascii: "\""))
    }
}
