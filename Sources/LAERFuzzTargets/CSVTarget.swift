import LAERDocuments
import LAERFormats
import LAERValues

/// The CSV reader, the answer sheet and the wide export.
///
/// - Read with each separator (and the one detected), records start on increasing lines, a
///   syntax error names a line and column inside the text, and the records written again (by
///   `CSVWriter`, and quoted in the same dialect with LF, CRLF or CR and with or without a byte
///   order mark) read back to the same fields (`CSVWriter`'s with the formula guard's apostrophe).
/// - The same records in another dialect read to the same assessments.
/// - What the sheet or the export reads without an error is written as the survey saves it and
///   reads back the same; the version a batch looks up is the version read.
enum CSVTarget {
    static let lineEnds = ["\n", "\r\n", "\r"]

    static func check(_ bytes: [UInt8], messages: MessageCheck) throws(FuzzFailure) {
        var detected: CSVDocument?
        for separator in [nil] + CSVSeparator.allCases {
            let document: CSVDocument
            do {
                document = try CSVReader.read(bytes, separator: separator)
            } catch {
                try checkError(error, in: bytes)
                try messages.check(error.message, of: bytes)
                continue
            }
            if separator == nil { detected = document }
            try checkRecords(document, of: bytes)
        }
        let file = InputFile(displayName: "fuzz.csv", bytes: bytes)
        let catalog = FuzzFixtures.catalog
        let read = AnswerLoader.readAll(file, in: catalog)
        try messages.check(read.fileProblems + read.entries.flatMap(\.problems), of: bytes)
        try expect(
            read.version == AnswerLoader.version(of: file, in: catalog), .csv, "the version looked up is not the version read",
            shown(bytes))
        let questionnaire = catalog.questionnaires[read.version]
        for entry in read.entries {
            guard let assessment = entry.assessment else { continue }
            try expect(
                entry.problems.errors.isEmpty, .csv, "an entry has an assessment and errors",
                "\(entry.problems.errors)\ninput: \(shown(bytes))")
            try AnswersTarget.checkRoundTrip(assessment, questionnaire: questionnaire, input: bytes, target: .csv)
        }
        guard let detected, AnswerLoader.format(of: bytes) == .csv else { return }
        try checkOtherDialect(detected, read: read, of: bytes)
        // Both readers on the same records, whichever the header chose.
        let sheet = AnswerSheet.read(records: detected.rows, questionnaire: questionnaire)
        let wide = WideCSV.read(records: detected.rows, questionnaire: questionnaire)
        try messages.check(sheet.problems + wide.fileProblems + wide.rows.flatMap(\.problems), of: bytes)
        if let assessment = sheet.assessment {
            try AnswersTarget.checkRoundTrip(assessment, questionnaire: questionnaire, input: bytes, target: .csv)
        }
        for row in wide.rows {
            guard let assessment = row.assessment else { continue }
            try AnswersTarget.checkRoundTrip(assessment, questionnaire: questionnaire, input: bytes, target: .csv)
        }
    }

    static func checkError(_ error: CSVSyntaxError, in bytes: [UInt8]) throws(FuzzFailure) {
        let lines = 1 + bytes.count { $0 == 0x0A || $0 == 0x0D }
        try expect(
            error.line >= 1 && error.line <= lines && error.column >= 1, .csv,
            "a syntax error's place is outside the text", "\(error)\ninput: \(shown(bytes))")
        try expect(!error.message.isEmpty, .csv, "a syntax error without a message", shown(bytes))
    }

    static func checkRecords(_ document: CSVDocument, of bytes: [UInt8]) throws(FuzzFailure) {
        var previous: CSVRow?
        for row in document.rows {
            try expect(!row.fields.isEmpty, .csv, "a record without fields", shown(bytes))
            if let previous {
                try expect(
                    row.line > previous.line && row.spreadsheetRow > previous.spreadsheetRow, .csv,
                    "records do not start on increasing lines",
                    "\(previous.line)/\(previous.spreadsheetRow) then \(row.line)/\(row.spreadsheetRow)\ninput: \(shown(bytes))")
            }
            try expect(
                row.spreadsheetRow <= row.line, .csv, "a record's spreadsheet row is after its line",
                "line \(row.line), row \(row.spreadsheetRow)\ninput: \(shown(bytes))")
            previous = row
        }
        let fields = document.rows.map(\.fields)
        // A rewrite's dialect chosen by the bytes, so that each input tries one without costing all.
        let lineEnd = lineEnds[bytes.count % lineEnds.count]
        let byteOrderMark = bytes.count / 3 % 2 == 0
        if document.separator == .comma {
            let written = CSVWriter(lineEnd: lineEnd, byteOrderMark: byteOrderMark).bytes(fields)
            // The writer guards every cell against formulas; the reader keeps the apostrophe.
            let guarded = fields.map { $0.map(CSVWriter.safeCell) }
            try expectSameFields(guarded, written, separator: .comma, input: bytes, writer: "CSVWriter")
        }
        let quoted = quotedText(fields, separator: document.separator, lineEnd: lineEnd, byteOrderMark: byteOrderMark)
        try expectSameFields(fields, quoted, separator: document.separator, input: bytes, writer: "every field quoted")
    }

    static func expectSameFields(
        _ fields: [[String]], _ written: [UInt8], separator: CSVSeparator, input: [UInt8], writer: String
    ) throws(FuzzFailure) {
        // `fields` are what the written bytes must read back as.
        let reread: [[String]]
        do {
            reread = try CSVReader.read(written, separator: separator).rows.map(\.fields)
        } catch {
            throw FuzzFailure(.csv, "records written again (\(writer)) do not read", "\(error)\nwritten: \(shown(written))")
        }
        try expect(
            reread == fields, .csv, "records written again (\(writer)) read back different",
            "read: \(fields)\nread back: \(reread)\nwritten: \(shown(written))\ninput: \(shown(input))")
    }

    /// The records as UTF-8 with every field quoted, as a spreadsheet set to quote all text writes them.
    static func quotedText(_ rows: [[String]], separator: CSVSeparator, lineEnd: String, byteOrderMark: Bool) -> [UInt8] {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        let between = String(UnicodeScalar(separator.rawValue))
        for row in rows {
            text += row.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: between) + lineEnd
        }
        return Array(text.utf8)
    }

    /// The records in another dialect (separator, line end, byte order mark) read to the same assessments.
    static func checkOtherDialect(
        _ document: CSVDocument, read: (entries: [AnswerLoader.Entry], fileProblems: [Problem], version: Int),
        of bytes: [UInt8]
    ) throws(FuzzFailure) {
        let fields = document.rows.map(\.fields)
        // A first record of one field is detected as comma-separated whatever the rest says.
        let separators = fields.first?.count == 1 ? [CSVSeparator.comma] : CSVSeparator.allCases
        let separator = separators[(bytes.count / 7) % separators.count]
        let other = quotedText(
            fields, separator: separator, lineEnd: lineEnds[(bytes.count / 5) % lineEnds.count],
            byteOrderMark: bytes.count % 2 == 1)
        let reread = AnswerLoader.readAll(InputFile(displayName: "fuzz.csv", bytes: other), in: FuzzFixtures.catalog)
        try expect(
            reread.entries.map(\.assessment) == read.entries.map(\.assessment) && reread.version == read.version, .csv,
            "the same records in another dialect (\(separator)) read to other assessments",
            "read: \(read.entries.map(\.assessment))\nread back: \(reread.entries.map(\.assessment))\nwritten: \(shown(other))\ninput: \(shown(bytes))"
        )
    }
}
