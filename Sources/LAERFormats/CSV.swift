import LAERValues

/// A CSV syntax error with its place: the line, and the column counted in characters.
package struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// One record of a CSV file and where it starts.
package struct CSVRow: Sendable, Equatable {
    package var fields: [String]
    /// The 1-based line of the file the record starts on, as a text editor counts lines.
    package var line: Int
    /// The 1-based row a spreadsheet shows the record in: blank lines count, but a line break
    /// inside a quoted field does not start a new row.
    ///
    /// Equal to `line` when no field spans lines.
    package var spreadsheetRow: Int

    package init(_ fields: [String], line: Int, spreadsheetRow: Int? = nil) {
        self.fields = fields
        self.line = line
        self.spreadsheetRow = spreadsheetRow ?? line
    }
}

/// A field separator `CSVReader` reads: spreadsheets write `;` where the decimal mark is a
/// comma, and tabs for "Unicode text".
package enum CSVSeparator: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    package var description: String {
        switch self {
        case .comma: "','"
        case .semicolon: "';'"
        case .tab: "tab"
        }
    }

    /// The separator of a file, from its first record: the candidate that occurs most outside
    /// quotes, ties going to the earlier of `,` `;` tab; `,` for a record with none (one column).
    ///
    /// One scan of the first record, which may span lines inside quotes.
    package static func detect(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> CSVSeparator {
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var quoted = false
        var index = start
        scan: while index < bytes.count {
            switch bytes[index] {
            case quote: quoted.toggle()
            case lineFeed where !quoted, carriageReturn where !quoted: break scan
            case commaByte where !quoted: counts.comma += 1
            case semicolonByte where !quoted: counts.semicolon += 1
            case tabByte where !quoted: counts.tab += 1
            default: break
            }
            index += 1
        }
        if counts.semicolon > counts.comma, counts.semicolon >= counts.tab { return .semicolon }
        if counts.tab > counts.comma, counts.tab > counts.semicolon { return .tab }
        return .comma
    }
}

/// A CSV file as read: its records, and the dialect it was written in.
package struct CSVDocument: Sendable, Equatable {
    package var rows: [CSVRow]
    package var separator: CSVSeparator
    package var encoding: TextEncoding
}

/// An RFC 4180 CSV reader, in any encoding `TextDecoding` tells apart and with any `CSVSeparator`.
///
/// Lenient where files differ harmlessly (a byte order mark, CRLF, LF or lone CR line ends, a
/// missing final line end, blank lines, which it skips) and strict where a file is broken, with
/// the line and column of the mistake.
///
/// Bounded and linear on any input: a field has at most `InputLimits.textBytes` bytes, a row
/// `columns` fields and the file `cells`, each met with a syntax error that names the limit.
package enum CSVReader {
    /// The records of `bytes` and how they were written; the separator is detected unless given.
    package static func read(_ bytes: [UInt8], separator: CSVSeparator? = nil) throws(CSVSyntaxError) -> CSVDocument {
        let text = try TextDecoding.decode(bytes)
        let result: Result<CSVDocument, CSVSyntaxError> = text.utf8.withUnsafeBufferPointer { buffer in
            let start = UTF8Bytes.textStart(of: buffer)
            let separator = separator ?? CSVSeparator.detect(in: buffer, from: start)
            var scanner = CSVScanner(buffer, start: start, separator: separator)
            do throws(CSVSyntaxError) {
                return .success(CSVDocument(rows: try scanner.rows(), separator: separator, encoding: text.encoding))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The records of `bytes`, as `read(_:separator:)` finds them.
    package static func parse(_ bytes: [UInt8], separator: CSVSeparator? = nil) throws(CSVSyntaxError) -> [CSVRow] {
        try read(bytes, separator: separator).rows
    }

    package static func parse(_ text: String, separator: CSVSeparator? = nil) throws(CSVSyntaxError) -> [CSVRow] {
        try parse(Array(text.utf8), separator: separator)
    }
}

private let commaByte = UInt8(ascii: ",")
private let semicolonByte = UInt8(ascii: ";")
private let tabByte: UInt8 = 0x09
private let quote = UInt8(ascii: "\"")
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

private struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the text starts, after any byte order mark.
    let start: Int
    let separator: CSVSeparator
    let separatorByte: UInt8
    var offset = 0
    var line = 1
    var lineStart = 0
    var spreadsheetRow = 1
    /// Reused for fields with doubled quotes, so that a field costs one String and no other allocation.
    var scratch: [UInt8] = []
    /// How many fields have been read, against `InputLimits.cells`.
    var cells = 0

    /// `bytes` must be valid UTF-8 from `start`, as `TextDecoding` makes it, so that every field is
    /// decoded without checks.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, separator: CSVSeparator) {
        self.bytes = bytes
        self.start = start
        self.separator = separator
        separatorByte = separator.rawValue
    }

    mutating func rows() throws(CSVSyntaxError) -> [CSVRow] {
        offset = start
        lineStart = offset
        var rows: [CSVRow] = []
        while offset < bytes.count {
            if isLineEnd(bytes[offset]) {
                consumeLineEnd()
                spreadsheetRow += 1
                continue
            }
            let startLine = line
            let startRow = spreadsheetRow
            let rowStart = offset
            var fields: [String] = []
            while true {
                if fields.count == InputLimits.columns {
                    throw errorAt(
                        rowStart,
                        "this row has more than \(NumberFormat.grouped(InputLimits.columns)) fields, the most laer reads in a row (a wide export has a few per capability); this is not an answer sheet or survey export, or its separator is not \(separator)"
                    )
                }
                cells += 1
                if cells > InputLimits.cells {
                    throw errorAt(
                        offset,
                        "the file has more than \(NumberFormat.grouped(InputLimits.cells)) cells, the most laer reads in one file (thousands of respondents times a few hundred columns); split it into smaller files"
                    )
                }
                fields.append(try field())
                guard offset < bytes.count else { break }
                if bytes[offset] == separatorByte {
                    offset += 1
                    continue
                }
                consumeLineEnd()
                spreadsheetRow += 1
                break
            }
            rows.append(CSVRow(fields, line: startLine, spreadsheetRow: startRow))
        }
        return rows
    }

    mutating func field() throws(CSVSyntaxError) -> String {
        if offset < bytes.count, bytes[offset] == quote { return try quotedField() }
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == separatorByte || isLineEnd(byte) { break }
            if offset - start == InputLimits.textBytes { throw tooLong(start) }
            if byte == quote {
                throw errorAt(
                    offset,
                    "a '\"' inside a field that does not start with one; put the whole field in quotes and write each quote in it twice (\"\")"
                )
            }
            offset += 1
        }
        return string(start..<offset)
    }

    mutating func quotedField() throws(CSVSyntaxError) -> String {
        let openOffset = offset
        let openLine = line
        let openLineStart = lineStart
        offset += 1
        var segmentStart = offset
        var unescaped = false
        scratch.removeAll(keepingCapacity: true)
        while offset < bytes.count {
            if offset - openOffset > InputLimits.textBytes {
                throw CSVSyntaxError(
                    line: openLine, column: column(of: openOffset, lineStart: openLineStart), message: tooLongMessage)
            }
            switch bytes[offset] {
            case quote:
                if offset + 1 < bytes.count, bytes[offset + 1] == quote {
                    // Keep the first quote of the pair and skip the second.
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...offset]))
                    unescaped = true
                    offset += 2
                    segmentStart = offset
                    continue
                }
                let end = offset
                offset += 1
                if offset < bytes.count, bytes[offset] != separatorByte, !isLineEnd(bytes[offset]) {
                    throw errorAt(
                        offset,
                        "unexpected \(describeCurrent()) after the closing quote of a field; a field ends at \(separator) or the end of the line (a quote inside a quoted field is written twice: \"\")"
                    )
                }
                guard unescaped else { return string(segmentStart..<end) }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<end]))
                return String(decoding: scratch, as: UTF8.self)
            case lineFeed, carriageReturn:
                consumeLineEnd()
            default:
                offset += 1
            }
        }
        throw CSVSyntaxError(
            line: openLine, column: column(of: openOffset, lineStart: openLineStart),
            message:
                "the quoted field that starts here is never closed; add the closing '\"' where the field ends, and write each quote inside it twice (\"\")"
        )
    }

    func isLineEnd(_ byte: UInt8) -> Bool { byte == lineFeed || byte == carriageReturn }

    var tooLongMessage: String {
        "this field is longer than \(NumberFormat.grouped(InputLimits.textBytes)) bytes, the most laer reads in one value (an evidence note is a paragraph or a page); shorten it, or check that its quotes are closed"
    }

    /// The error for the field at `start`, longer than `InputLimits.textBytes`.
    func tooLong(_ start: Int) -> CSVSyntaxError { errorAt(start, tooLongMessage) }

    /// Steps over one LF, CRLF or lone CR.
    mutating func consumeLineEnd() {
        if bytes[offset] == carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == lineFeed {
            offset += 1
        }
        offset += 1
        line += 1
        lineStart = offset
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func describeCurrent() -> String {
        switch bytes[offset] {
        case 0x20: return "space"
        case 0x09: return "tab"
        case 0x21...0x7E: return "character '\(String(UnicodeScalar(bytes[offset])))'"
        case ..<0x80: return "control character 0x\(NumberFormat.hex(bytes[offset]))"
        default:
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            // A C1 control or a bidi override is shown escaped, as messages show them.
            return "character '\(SafeText.visible(string(offset..<end)))'"
        }
    }

    /// An error at `offset`, on the current line or on one before it.
    func errorAt(_ offset: Int, _ message: String) -> CSVSyntaxError {
        var line = self.line
        var lineStart = self.lineStart
        if offset < self.lineStart || offset > self.offset {
            (line, lineStart) = lineAndStart(of: offset)
        }
        return CSVSyntaxError(line: line, column: column(of: offset, lineStart: lineStart), message: message)
    }

    func lineAndStart(of target: Int) -> (line: Int, start: Int) {
        var line = 1
        var start = self.start
        var index = start
        while index < target {
            if bytes[index] == carriageReturn, index + 1 < target, bytes[index + 1] == lineFeed { index += 1 }
            if isLineEnd(bytes[index]) {
                line += 1
                start = index + 1
            }
            index += 1
        }
        return (line, start)
    }

    /// Columns count characters (UTF-8 lead bytes), not bytes, so that editors point at the same place.
    func column(of offset: Int, lineStart: Int) -> Int {
        var count = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

/// Writes rows as RFC 4180 CSV: fields quoted only where they must be, quotes doubled, and
/// every field formula-safe (`safeCell`), so that no writer can forget one.
package struct CSVWriter: Sendable {
    /// What ends every row, the last one included; RFC 4180 says CRLF.
    package var lineEnd: String
    /// Whether to start with a UTF-8 byte order mark, which spreadsheets need to read UTF-8 as such.
    package var byteOrderMark: Bool

    package init(lineEnd: String = "\r\n", byteOrderMark: Bool = false) {
        self.lineEnd = lineEnd
        self.byteOrderMark = byteOrderMark
    }

    /// The rows as text, each ended by `lineEnd`; with `byteOrderMark`, it starts with U+FEFF.
    package func text(_ rows: [[String]]) -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        // A reader takes U+FEFF at the start of the text for a byte order mark: the document's
        // first field, when it starts with one, is quoted, so that it stays the field's.
        var opensText = true
        for row in rows {
            // A row of one empty field would be a blank line, which readers skip; quoting keeps it.
            if row == [""] {
                text += "\"\"" + lineEnd
                opensText = false
                continue
            }
            var first = true
            for field in row {
                if !first { text += "," }
                first = false
                let cell = CSVWriter.safeCell(field)
                text += opensText && cell.hasPrefix("\u{FEFF}") ? CSVWriter.quoted(cell) : CSVWriter.field(cell)
                opensText = false
            }
            text += lineEnd
        }
        return text
    }

    /// The rows as UTF-8 bytes, as `text(_:)` writes them.
    package func bytes(_ rows: [[String]]) -> [UInt8] {
        Array(text(rows).utf8)
    }

    /// One field, quoted when it has a comma, a quote, a line break, or a space or tab at either end.
    package static func field(_ value: String) -> String {
        let utf8 = value.utf8
        let needsQuotes =
            utf8.contains { $0 == commaByte || $0 == quote || $0 == lineFeed || $0 == carriageReturn }
            || utf8.first == 0x20 || utf8.first == 0x09 || utf8.last == 0x20 || utf8.last == 0x09
        return needsQuotes ? quoted(value) : value
    }

    /// One field in quotes, its quotes doubled.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    /// A cell made safe for a spreadsheet, so that it shows the text instead of running a formula.
    ///
    /// A leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP
    /// advises against CSV injection; a plain number (`-0.250`) is left as it is.
    ///
    /// `text(_:)` applies it to every field; readers keep the apostrophe.
    package static func safeCell(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, carriageReturn:
            return "'" + value
        case UInt8(ascii: "-"):
            return isPlainNumber(value.utf8.dropFirst()) ? value : "'" + value
        default:
            return value
        }
    }

    /// Digits with at most one decimal point between digits: `0.250`, `12`.
    static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digits = 0
        var point = false
        var afterPoint = 0
        for byte in bytes {
            if (0x30...0x39).contains(byte) {
                if point { afterPoint += 1 } else { digits += 1 }
            } else if byte == UInt8(ascii: "."), !point, digits > 0 {
                point = true
            } else {
                return false
            }
        }
        return digits > 0 && (!point || afterPoint > 0)
    }
}
