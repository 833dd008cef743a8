import LAERValues

/// A JSON syntax error with its place in the text.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var message: String

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON reader over UTF-8 bytes.
///
/// Written by hand rather than using Foundation's decoders: it reports errors by line and column,
/// keeps object members in order, and is several times faster on the small files `laer` reads.
///
/// Total and linear on any input: nesting (`InputLimits.nesting`, so that hostile input cannot
/// exhaust the stack), strings (`textBytes`), member names (`keyBytes`) and the number of values
/// (`jsonValues`) are bounded, each met with a syntax error that names the limit.
package struct JSONParser {
    /// Nesting deeper than this is refused.
    package static let maximumDepth = InputLimits.nesting

    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Cursor(buffer)
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    var depth = 0
    /// How many values have been read, against `InputLimits.jsonValues`.
    var values = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        offset = UTF8Bytes.textStart(of: bytes)
        skipWhitespace()
        guard offset < bytes.count else { throw error("the document is empty; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if offset < bytes.count {
            throw error("unexpected \(describeCurrent()) after the end of the document")
        }
        return value
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw error("the document ends early; expected a value") }
        values += 1
        if values > InputLimits.jsonValues {
            throw error(
                "more than \(NumberFormat.grouped(InputLimits.jsonValues)) values in one document, the most laer reads (an answer file holds a few hundred, a questionnaire a few thousand); this is not a laer document, or a broken one"
            )
        }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString(limit: InputLimits.textBytes))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case 0: throw error("a NUL byte, which text never has; the file is damaged or not a JSON document")
        case 0xEF where offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF:
            throw error(
                "an invisible byte order mark (U+FEFF) where a value belongs, as when a file is saved with one twice or two files are joined; delete it"
            )
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        offset += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a member name in double quotes")
            }
            let key = try parseString(limit: InputLimits.keyBytes)
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()); expected ':' after the member name \(SafeText.quoted(key))")
            }
            offset += 1
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { throw error("a trailing comma before '}' is not allowed in JSON") }
            case UInt8(ascii: "}"):
                offset += 1
                depth -= 1
                return .object(JSONObject(members))
            default:
                throw error("unexpected \(describeCurrent()); expected ',' or '}' after an object member")
            }
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { throw error("a trailing comma before ']' is not allowed in JSON") }
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return .array(elements)
            default:
                throw error("unexpected \(describeCurrent()); expected ',' or ']' after an array element")
            }
        }
    }

    mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error(
                "arrays and objects nested deeper than \(JSONParser.maximumDepth) levels, the most laer reads (its documents nest five deep); this is not a laer document"
            )
        }
    }

    /// A string of at most `limit` bytes as written (`keyBytes` for a member name, else `textBytes`).
    mutating func parseString(limit: Int) throws(JSONSyntaxError) -> String {
        let start = offset
        offset += 1
        let contentStart = offset
        let end = min(bytes.count, contentStart + limit + 1)
        // Fast path: no escapes.
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<offset])
                offset += 1
                return try decodeUTF8(slice, at: contentStart)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("a control character inside a string must be escaped (\\n, \\t, \\u00XX)") }
            offset += 1
        }
        guard offset < bytes.count else {
            offset = start
            throw error("this string is never closed; add the closing '\"'")
        }
        if offset == end { throw tooLong(start, limit: limit) }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<offset]))
        while offset < end {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return try buffer.withUnsafeBufferPointer { pointer throws(JSONSyntaxError) in
                    try decodeUTF8(pointer, at: contentStart)
                }
            case UInt8(ascii: "\\"):
                offset += 1
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw error("a control character inside a string must be escaped (\\n, \\t, \\u00XX)")
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        if offset < bytes.count { throw tooLong(start, limit: limit) }
        offset = start
        throw error("this string is never closed; add the closing '\"'")
    }

    /// The error for a string at `start` longer than `limit` bytes, at its opening quote.
    mutating func tooLong(_ start: Int, limit: Int) -> JSONSyntaxError {
        offset = start
        let size = NumberFormat.grouped(limit)
        return error(
            limit == InputLimits.keyBytes
                ? "this member name is longer than \(size) bytes, the most laer reads (capability ids are under 60 characters); shorten it"
                : "this string is longer than \(size) bytes, the most laer reads in one value (an evidence note is a paragraph or a page); shorten it"
        )
    }

    mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw error("the document ends inside an escape sequence") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("a \\u escape for a high surrogate must be followed by a low surrogate")
                }
                offset += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a lone low surrogate in a \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            offset -= 1
            throw error("unknown escape '\\\(describeByte(byte))'; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
    }

    /// Reads the four digits after `\u`; an error points at the escape's backslash.
    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        let escapeStart = offset - 2
        guard offset + 4 <= bytes.count else {
            offset = escapeStart
            throw error("a \\u escape needs four hexadecimal digits")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                offset = escapeStart
                throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, at position: Int) throws(JSONSyntaxError) -> String {
        if slice.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: slice, as: UTF8.self)
        }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw JSONSyntaxError.at(position, in: bytes, "this string is not valid UTF-8; save the file as UTF-8")
        }
        return text
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        guard let first = peek(), isDigit(first) else { throw error("a number needs a digit after '-'") }
        if first == UInt8(ascii: "0") {
            offset += 1
            if let next = peek(), isDigit(next) { throw error("a number may not start with a leading zero") }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard let next = peek(), isDigit(next) else { throw error("a number needs a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard let next = peek(), isDigit(next) else { throw error("a number needs a digit in its exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = start
            throw error("the number \(SafeText.shown(text)) is out of range")
        }
        return value
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        var matched = 0
        while matched < count, offset + matched < bytes.count, bytes[offset + matched] == literal.utf8Start[matched] {
            matched += 1
        }
        guard matched == count else {
            let word = String(decoding: UnsafeBufferPointer(start: literal.utf8Start, count: count), as: UTF8.self)
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + matched]), as: UTF8.self)
            if offset + matched == bytes.count {
                throw error(
                    "the document ends in the middle of a value: '\(written)' is cut short; expected \(word == "null" ? "null" : "true or false") (the rest of the file is missing)"
                )
            }
            throw error("'\(written)' is not a value; expected \(word), or text in double quotes")
        }
        offset += count
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { offset += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of the document" }
        return "character '\(describeByte(bytes[offset]))'"
    }

    func describeByte(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: String(UnicodeScalar(byte))
        default: "\\u{\(String(byte, radix: 16, uppercase: true))}"
        }
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError.at(offset, in: bytes, message)
    }
}

extension JSONSyntaxError {
    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ message: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Columns count characters, not bytes, so that editors point at the same place.
        let column =
            1
            + UnsafeBufferPointer(rebasing: bytes[lineStart..<end]).reduce(0) { count, byte in
                (byte & 0xC0) == 0x80 ? count : count + 1
            }
        return JSONSyntaxError(line: line, column: column, message: message)
    }
}
