import LAERFormats
import LAERValues

/// The wide CSV that survey tools export: one respondent per row, one column per capability id,
/// plus `respondent` (or `name`), `role`, `organization`, `assessedOn` (or `date`) and `period`,
/// and optionally `placement.<marker id>` and `roadsign.<road sign id>` columns.
///
/// Column names are read in any case and order, surrounding spaces ignored. Cells take the same
/// values as the answer sheet's rating column (`AnswerRules`); an empty cell is unanswered. The
/// questionnaire is the one given, since exports do not name theirs.
package enum WideCSV {
    /// True when `header` (the first row's fields) is a wide export for `questionnaire`: at least one
    /// column is a capability id and there is no `rating` column (that is the answer sheet's shape).
    package static func isWide(header: [String], questionnaire: Questionnaire) -> Bool {
        let ids = Set(questionnaire.capabilities.map { $0.id.lowercased() })
        var hasCapability = false
        for field in header {
            let name = field.trimmingSpaces().lowercased()
            if name == "rating" { return false }
            if ids.contains(name) { hasCapability = true }
        }
        return hasCapability
    }

    /// One respondent row: its spreadsheet row number, the assessment when the row has no error, and its problems.
    package struct Row: Sendable, Equatable {
        /// The row a spreadsheet shows it on (`CSVRow.spreadsheetRow`).
        package var row: Int
        package var assessment: Assessment?
        /// Every problem of the row, each placed as `row N, column NAME`.
        package var problems: [Problem]
    }

    /// Every respondent row, plus the problems of the file as a whole (syntax error, header warnings).
    ///
    /// Rows whose cells are all empty are skipped. When the file has an error of its own (a CSV
    /// syntax error, no header, a column named twice, no date column) there are no rows: no row
    /// could be read with confidence.
    package static func read(_ file: InputFile, questionnaire: Questionnaire) -> (rows: [Row], fileProblems: [Problem]) {
        do {
            return read(records: try CSVReader.parse(file.bytes), questionnaire: questionnaire)
        } catch {
            return ([], [Problem(at: .text(line: error.line, column: error.column), error.message)])
        }
    }

    /// `read(_:questionnaire:)` for records already parsed, such as by a caller that looked at the
    /// header to tell a wide export from an answer sheet.
    package static func read(records: [CSVRow], questionnaire: Questionnaire) -> (rows: [Row], fileProblems: [Problem]) {
        guard let headerRecord = records.first else {
            return (
                [],
                [
                    Problem(
                        "",
                        "the file is empty; the first row names the columns: respondent, assessedOn and one column per capability id"
                    )
                ]
            )
        }
        let header = WideHeader(headerRecord, questionnaire: questionnaire)
        guard header.problems.errors.isEmpty else { return ([], header.problems) }
        var fileProblems = header.problems
        var reader = WideRowReader(header: header, questionnaire: questionnaire)
        var rows: [Row] = []
        rows.reserveCapacity(records.count - 1)
        var strayRows: [Int] = []
        for record in records.dropFirst() {
            guard let row = reader.read(record) else { continue }
            if reader.hasStrayCells(record) { strayRows.append(record.spreadsheetRow) }
            rows.append(row)
        }
        if let first = strayRows.first {
            let more = strayRows.count > 1 ? ", here and on \(strayRows.count - 1) more row\(strayRows.count > 2 ? "s" : "")" : ""
            fileProblems.append(
                Problem(
                    at: .cell(row: first, column: nil),
                    "cells under no column name are ignored\(more); name their column in row \(headerRecord.spreadsheetRow) to read them",
                    severity: .warning))
        }
        if rows.isEmpty {
            fileProblems.append(
                Problem("", "there are no respondent rows under the header; nothing to score", severity: .warning))
        }
        return (rows, fileProblems)
    }
}

/// The header mapped once to column indexes, so that each row is read by index alone.
struct WideHeader {
    enum Kind: Hashable {
        case name, role, organization, assessedOn, period
        case capability(String)
        case placement(MarkerID)
        case roadSign(String)
    }

    struct Column {
        var index: Int
        /// The name as the header writes it (trimmed), for places: `row 7, column K3`.
        var name: String
        var kind: Kind
    }

    /// What the header's fixed columns may be called, lowercased.
    static let fixedNames: [String: Kind] = [
        "respondent": .name, "name": .name, "respondent.name": .name,
        "role": .role, "respondent.role": .role,
        "organization": .organization, "respondent.organization": .organization,
        "assessedon": .assessedOn, "date": .assessedOn,
        "period": .period,
    ]

    /// The name messages use for each fixed column.
    static let canonicalNames: [(Kind, String)] = [
        (.name, "respondent"), (.role, "role"), (.organization, "organization"), (.assessedOn, "assessedOn"), (.period, "period"),
    ]

    private enum Classified {
        case unnamed
        case known(Kind)
        /// Not a column we read: why, when its prefix promised something.
        case unknown(reason: String?)
    }

    let row: Int
    var columns: [Column] = []
    /// How many fields the header has; cells to the right of it have no name.
    let width: Int
    /// Columns without a name, whose cells are ignored.
    var unnamed: [Int] = []
    var problems: [Problem] = []

    init(_ header: CSVRow, questionnaire: Questionnaire) {
        row = header.spreadsheetRow
        width = header.fields.count
        var capabilityIDs: [String: String] = [:]
        for capability in questionnaire.capabilities where capabilityIDs[capability.id.lowercased()] == nil {
            capabilityIDs[capability.id.lowercased()] = capability.id
        }
        var roadSignIDs: [String: String] = [:]
        for sign in questionnaire.roadSigns where roadSignIDs[sign.id.lowercased()] == nil {
            roadSignIDs[sign.id.lowercased()] = sign.id
        }
        let names = header.fields.map { $0.trimmingSpaces() }
        let classified = names.map {
            Self.classify($0, capabilityIDs: capabilityIDs, roadSignIDs: roadSignIDs, questionnaire: questionnaire)
        }

        // Only a column the header lacks is worth suggesting for a misspelt one.
        var present = Set<Kind>()
        for case .known(let kind) in classified { present.insert(kind) }
        let candidates =
            Self.canonicalNames.filter { !present.contains($0.0) }.map(\.1)
            + questionnaire.capabilities.map(\.id).filter { !present.contains(.capability($0)) }

        var firstColumn: [Kind: Int] = [:]
        for (index, name) in names.enumerated() {
            let place = Place.cell(row: row, column: name)
            switch classified[index] {
            case .unnamed:
                unnamed.append(index)
            case .unknown(let reason):
                var message = "unknown column \"\(name)\" is ignored"
                if let reason {
                    message += ": " + reason
                } else if let closest = Suggestion.closest(to: name, among: candidates) {
                    message += "; did you mean \"\(closest)\"?"
                }
                problems.append(Problem(at: place, message, severity: .warning))
            case .known(let kind):
                if let first = firstColumn[kind] {
                    let firstName = names[first]
                    problems.append(
                        Problem(
                            at: place,
                            firstName.lowercased() == name.lowercased()
                                ? "the header names \"\(name)\" twice; delete one of the two columns"
                                : "\"\(name)\" is another name for \"\(firstName)\", which the header has already; delete one of the two columns"
                        ))
                    continue
                }
                firstColumn[kind] = index
                columns.append(Column(index: index, name: name, kind: kind))
            }
        }
        if firstColumn[.assessedOn] == nil {
            problems.append(
                Problem(
                    at: .cell(row: row, column: nil),
                    "the header has no assessedOn column; add one (or a date column) with the date of each assessment, such as 2026-11-25"
                ))
        }
        let missing = questionnaire.capabilities.map(\.id).filter { firstColumn[.capability($0)] == nil }
        if !missing.isEmpty {
            let listed = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            let message =
                missing.count == 1
                ? "1 capability has no column (\(listed)); it is left unanswered"
                : "\(missing.count) capabilities have no column (\(listed)); they are left unanswered"
            problems.append(Problem(at: .cell(row: row, column: nil), message, severity: .warning))
        }
    }

    private static func classify(
        _ name: String, capabilityIDs: [String: String], roadSignIDs: [String: String], questionnaire: Questionnaire
    ) -> Classified {
        guard !name.isEmpty else { return .unnamed }
        let lowered = name.lowercased()
        if let kind = fixedNames[lowered] { return .known(kind) }
        if let id = questionnaire.capability(name)?.id ?? capabilityIDs[lowered] { return .known(.capability(id)) }
        if lowered.hasPrefix("placement.") {
            let marker = String(name.dropFirst("placement.".count))
            if let found = MarkerID(rawValue: marker.lowercased()) { return .known(.placement(found)) }
            if case .failure(let violation) = AnswerRules.marker(marker) { return .unknown(reason: violation.message) }
        }
        if lowered.hasPrefix("roadsign.") {
            let sign = String(name.dropFirst("roadsign.".count))
            if let id = roadSignIDs[sign.lowercased()] { return .known(.roadSign(id)) }
            return .unknown(reason: AnswerRules.unknownRoadSignMessage(sign, in: questionnaire))
        }
        return .unknown(reason: nil)
    }
}

/// Reads one respondent row against a mapped header.
struct WideRowReader {
    let header: WideHeader
    let questionnaire: Questionnaire
    /// Every row starts from this copy, so that the questionnaire's identity is formatted once.
    let blank: Assessment
    /// Dates already read, by their day part: an export has few distinct days, and reading one is
    /// most of the work of a row.
    var dates: [String: String] = [:]

    init(header: WideHeader, questionnaire: Questionnaire) {
        self.header = header
        self.questionnaire = questionnaire
        blank = Assessment(blankFor: questionnaire, assessedOn: "")
    }

    /// The respondent's assessment and every problem of the row; nil for a row whose cells are all empty.
    mutating func read(_ record: CSVRow) -> WideCSV.Row? {
        let fields = record.fields
        guard fields.contains(where: { !Self.trimmed($0).isEmpty }) else { return nil }
        var assessment = blank
        assessment.answers.reserveCapacity(questionnaire.capabilities.count)
        var problems: [Problem] = []
        func problem(_ column: WideHeader.Column, _ message: String) {
            problems.append(Problem(at: .cell(row: record.spreadsheetRow, column: column.name), message))
        }
        for column in header.columns {
            let cell = column.index < fields.count ? Self.trimmed(fields[column.index]) : ""
            switch column.kind {
            case .capability(let id):
                guard !cell.isEmpty else { continue }
                if let rating = Self.quickRating(cell) {
                    assessment.answers[id] = Answer(rating)
                    continue
                }
                switch AnswerRules.rating(cell) {
                case .success(let rating): assessment.answers[id] = Answer(rating)
                case .failure(let violation): problem(column, violation.message)
                }
            case .assessedOn:
                guard !cell.isEmpty else {
                    problem(column, "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25")
                    continue
                }
                switch date(cell) {
                case .success(let date): assessment.assessedOn = date
                case .failure(let violation): problem(column, violation.message)
                }
            case .name: assessment.respondent.name = cell.isEmpty ? nil : cell
            case .role: assessment.respondent.role = cell.isEmpty ? nil : cell
            case .organization: assessment.respondent.organization = cell.isEmpty ? nil : cell
            case .period: assessment.period = cell.isEmpty ? nil : cell
            case .placement(let marker):
                guard !cell.isEmpty else { continue }
                switch AnswerRules.phase(cell, in: questionnaire) {
                case .success(let phase): assessment.placements[marker] = phase
                case .failure(let violation): problem(column, violation.message)
                }
            case .roadSign(let sign):
                guard !cell.isEmpty else { continue }
                switch AnswerRules.yesNo(cell) {
                case .success(let seen): assessment.roadSigns[sign] = seen
                case .failure(let violation): problem(column, violation.message)
                }
            }
        }
        return WideCSV.Row(row: record.spreadsheetRow, assessment: problems.isEmpty ? assessment : nil, problems: problems)
    }

    /// `SpreadsheetDate.normalized`, remembered by the part before a time (which it ignores).
    mutating func date(_ cell: String) -> Result<String, RuleViolation> {
        let day = String(cell.prefix { $0 != " " && $0 != "T" })
        if let known = dates[day] { return .success(known) }
        let result = SpreadsheetDate.normalized(cell)
        if case .success(let date) = result { dates[day] = date }
        return result
    }

    /// Whether the row has something in a cell that no column name covers.
    func hasStrayCells(_ record: CSVRow) -> Bool {
        let fields = record.fields
        if fields.count > header.width, fields[header.width...].contains(where: { !Self.trimmed($0).isEmpty }) { return true }
        return header.unnamed.contains { $0 < fields.count && !Self.trimmed(fields[$0]).isEmpty }
    }

    /// The cell without surrounding white space; a cell with printable ASCII at both ends, as most
    /// are, is returned as it is, without a copy.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return text }
        return text.trimmingSpaces()
    }

    /// The rating spellings `Rating(reading:)` accepts, lowercase, so that a cell is matched on its
    /// bytes in any case without a lowered copy; anything else goes to `AnswerRules.rating`, which
    /// has the last word (and the message).
    static let spellings: [(bytes: [UInt8], rating: Rating)] = Rating.spellings.map { (Array($0.text.utf8), $0.rating) }

    static func quickRating(_ cell: String) -> Rating? {
        var cell = cell
        return cell.withUTF8 { bytes -> Rating? in
            for spelling in spellings where spelling.bytes.count == bytes.count {
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    let expected = spelling.bytes[index]
                    // Setting bit 5 lowercases an ASCII capital letter; other bytes must match as they are.
                    guard byte == expected || ((0x41...0x5A).contains(byte) && byte | 0x20 == expected) else { break }
                    index += 1
                }
                if index == bytes.count { return spelling.rating }
            }
            return nil
        }
    }
}
