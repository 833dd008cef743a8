import LAERFormats
import LAERValues

/// The wide CSV that survey tools export: one respondent per row, one column per capability id,
/// plus the respondent's columns (`WideCSV.recognizedNames`), and optionally `placement.<marker id>`
/// and `roadsign.<road sign id>` columns.
///
/// Column names are read in any case and order, surrounding spaces ignored; a `ColumnMap` names
/// columns a survey tool headed its own way. Cells take the same values as the answer sheet's
/// rating column (`AnswerRules`); an empty cell is unanswered. The questionnaire is the one given,
/// since exports do not name theirs.
package enum WideCSV {
    /// The header names read as the respondent's columns without a column map.
    ///
    /// As survey tools write them:
    ///
    /// | Column       | Names                                                                     |
    /// |--------------|---------------------------------------------------------------------------|
    /// | respondent   | Respondent, Name, Full name, Your name; else Email, Email address, Respondent email |
    /// | role         | Role, Job title, Title, Position                                          |
    /// | organization | Organization, Organisation, Company, Company name, Account                |
    /// | assessedOn   | assessedOn, Date, Timestamp, Submitted at, Submit date, Submission date,  |
    /// |              | Completed, Completion time, End date                                      |
    /// | period       | Period, Quarter                                                           |
    ///
    /// A name matches whatever its case, spaces and punctuation (`Submitted At:`, `E-mail address`,
    /// `End Date (UTC)`: a last part in brackets is ignored); the answer sheet's ids
    /// (`respondent.name`, …) match too. An email column is the respondent only in a file with no
    /// name column.
    package static let recognizedNames: [(column: ColumnMap.Field, names: [String])] = [
        (.respondent, ["Respondent", "Name", "Full name", "Your name", "respondent.name"]),
        (.role, ["Role", "Job title", "Title", "Position", "respondent.role"]),
        (.organization, ["Organization", "Organisation", "Company", "Company name", "Account", "respondent.organization"]),
        (
            .assessedOn,
            [
                "assessedOn", "Date", "Timestamp", "Submitted at", "Submit date", "Submission date", "Completed",
                "Completion time", "End date",
            ]
        ),
        (.period, ["Period", "Quarter"]),
    ]

    /// The names of an email column, taken as the respondent when no column names them.
    package static let emailNames = ["Email", "Email address", "Respondent email"]

    /// True when `header` (the first row's fields) is a wide export for `questionnaire`: at least one
    /// column is a capability (by id, or by the header `columns` gives it) and there is no `rating`
    /// column (that is the answer sheet's shape).
    package static func isWide(header: [String], questionnaire: Questionnaire, columns: ColumnMap = .none) -> Bool {
        let ids = Set(questionnaire.capabilities.map { $0.id.lowercased() })
        let mapped = Set(columns.capabilities.values.map { $0.lowercased() })
        var hasCapability = false
        for field in header {
            let name = field.trimmingSpaces().lowercased()
            if name == "rating" { return false }
            if ids.contains(name) || mapped.contains(name) { hasCapability = true }
        }
        return hasCapability
    }

    /// The header row a survey tool's export must have for `questionnaire`, ready to paste into a
    /// survey tool's column names or to fill row by row: UTF-8 with a byte order mark and CRLF, as
    /// `AnswerSheet.template(for:)`.
    package static func template(for questionnaire: Questionnaire) -> [UInt8] {
        let header =
            ColumnMap.Field.allCases.map(\.rawValue) + questionnaire.markers.map { "placement.\($0.id.rawValue)" }
            + questionnaire.capabilities.map(\.id) + questionnaire.roadSigns.map { "roadsign.\($0.id)" }
        return CSVWriter(lineEnd: "\r\n", byteOrderMark: true).bytes([header])
    }

    /// One respondent row: its spreadsheet row number, the assessment when the row has no error, and its problems.
    package struct Row: Sendable, Equatable {
        /// The row a spreadsheet shows it on (`CSVRow.spreadsheetRow`).
        package var row: Int
        package var assessment: Assessment?
        /// Every problem of the row, each placed as `row N, column NAME`.
        package var problems: [Problem]
    }

    /// Every respondent row, plus the problems of the file as a whole (syntax error, a guessed
    /// encoding, header warnings).
    ///
    /// Rows whose cells are all empty are skipped. When the file has an error of its own (a CSV
    /// syntax error, no header, a column named twice, no date column, a mapped column it lacks,
    /// dates that read both as day/month and month/day) there are no rows: no row could be read
    /// with confidence.
    package static func read(_ file: InputFile, questionnaire: Questionnaire, columns: ColumnMap = .none) -> (
        rows: [Row], fileProblems: [Problem]
    ) {
        let input = CSVInput.read(file.bytes)
        guard let document = input.document else { return ([], input.problems) }
        let read = read(records: document.rows, questionnaire: questionnaire, columns: columns)
        return (read.rows, input.problems + read.fileProblems)
    }

    /// `read(_:questionnaire:columns:)` for records already parsed, such as by a caller that looked
    /// at the header to tell a wide export from an answer sheet.
    package static func read(records: [CSVRow], questionnaire: Questionnaire, columns: ColumnMap = .none) -> (
        rows: [Row], fileProblems: [Problem]
    ) {
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
        let header = WideHeader(headerRecord, questionnaire: questionnaire, columns: columns)
        guard header.problems.errors.isEmpty else { return ([], header.problems.listed) }
        var fileProblems = header.problems
        var reader = WideRowReader(header: header, questionnaire: questionnaire)
        if let date = header.columns.first(where: { $0.kind == .assessedOn }) {
            let cells = records.dropFirst().map { date.index < $0.fields.count ? $0.fields[date.index] : "" }
            switch SpreadsheetDate.order(of: cells) {
            case .ambiguous(let example):
                fileProblems.append(
                    Problem(
                        at: .cell(row: header.row, column: date.name),
                        "every date in this column reads both as month/day and as day/month (\(SafeText.quoted(example)) is one), so none can be told; re-save the column with dates written YYYY-MM-DD, such as 2026-11-25"
                    ))
                return ([], fileProblems)
            case .order(let order): reader.dateOrder = order
            case .none: break
            }
        }
        var rows: [Row] = []
        rows.reserveCapacity(records.count - 1)
        var strayRows: [Int] = []
        var digits = DigitRatingTally()
        for record in records.dropFirst() {
            guard let row = reader.read(record, digits: &digits) else { continue }
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
        if let warning = digits.shiftedScaleWarning {
            fileProblems.append(Problem(at: .document, warning, severity: .warning))
        }
        if rows.isEmpty {
            fileProblems.append(
                Problem("", "there are no respondent rows under the header; nothing to score", severity: .warning))
        }
        return (rows, fileProblems.listed)
    }
}

/// The header mapped once to column indexes, so that each row is read by index alone.
struct WideHeader {
    enum Kind: Hashable {
        case name, role, organization, assessedOn, period
        case capability(String)
        case placement(MarkerID)
        case roadSign(String)

        init(_ field: ColumnMap.Field) {
            switch field {
            case .respondent: self = .name
            case .role: self = .role
            case .organization: self = .organization
            case .assessedOn: self = .assessedOn
            case .period: self = .period
            }
        }
    }

    struct Column {
        var index: Int
        /// The name as the header writes it (trimmed), for places: `row 7, column K3`.
        var name: String
        var kind: Kind
    }

    /// What the header's fixed columns may be called, in `normalized` form.
    static let fixedNames: [String: Kind] = {
        var names: [String: Kind] = [:]
        for (field, spellings) in WideCSV.recognizedNames {
            for spelling in spellings { names[normalized(spelling)] = Kind(field) }
        }
        return names
    }()

    static let emailNames = Set(WideCSV.emailNames.map(normalized))

    /// A header name without case, a last part in brackets, or anything but letters and digits:
    /// "Submitted At:" and "submitted_at" are both "submittedat".
    static func normalized(_ name: String) -> String {
        var name = Substring(name.trimmingSpaces())
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex {
            name = name[..<open]
        }
        return String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private enum Classified {
        case unnamed
        case known(Kind)
        case email
        /// A column the column map replaced with another: ignored without a word.
        case superseded
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

    init(_ header: CSVRow, questionnaire: Questionnaire, columns map: ColumnMap = .none) {
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
        var mapped: [String: Kind] = [:]
        for (field, name) in map.fields { mapped[name.lowercased()] = Kind(field) }
        for (id, name) in map.capabilities.sorted(by: { $0.key < $1.key }) {
            guard
                let capability = questionnaire.capability(id) ?? capabilityIDs[id.lowercased()].flatMap(questionnaire.capability)
            else {
                let suggestion = Suggestion.closest(to: id, among: questionnaire.capabilities.map(\.id)).map {
                    "; did you mean \"\($0)\"?"
                }
                problems.append(
                    Problem(
                        at: .document,
                        "the column map names \(SafeText.quoted(id)), which is not a capability of questionnaire \(questionnaire.id) \(questionnaire.version)\(suggestion ?? "; check the id against 'laer questionnaire'")",
                        cause: .usage))
                continue
            }
            mapped[name.lowercased()] = .capability(capability.id)
        }
        let mappedKinds = Set(mapped.values)
        var classified = names.map { name -> Classified in
            if let kind = mapped[name.lowercased()] { return .known(kind) }
            let found = Self.classify(name, capabilityIDs: capabilityIDs, roadSignIDs: roadSignIDs, questionnaire: questionnaire)
            switch found {
            case .known(let kind) where mappedKinds.contains(kind): return .superseded
            case .email where mappedKinds.contains(.name): return .superseded
            default: return found
            }
        }
        if classified.contains(where: { if case .known(.name) = $0 { true } else { false } }) {
            classified = classified.map { if case .email = $0 { .superseded } else { $0 } }
        } else {
            classified = classified.map { if case .email = $0 { .known(.name) } else { $0 } }
        }

        let entries =
            ColumnMap.Field.allCases.compactMap { field in map.fields[field].map { (field.rawValue, $0) } }
            + map.capabilities.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let lowercasedNames = Set(names.map { $0.lowercased() })
        let nonEmptyNames = names.filter { !$0.isEmpty }
        for (key, value) in entries where !lowercasedNames.contains(value.lowercased()) {
            var message = "the column map gives \(SafeText.quoted(value)) for \(key), but the header has no such column"
            if problems.count < InputLimits.listedProblems, let closest = Suggestion.closest(to: value, among: nonEmptyNames) {
                message += "; did you mean \"\(closest)\"?"
            } else {
                message += "; write the header text as row \(row) has it"
            }
            problems.append(Problem(at: .cell(row: row, column: nil), message, cause: .usage))
        }

        // Only a column the header lacks is worth suggesting for a misspelt one.
        var present = Set<Kind>()
        for case .known(let kind) in classified { present.insert(kind) }
        let canonical = ColumnMap.Field.allCases.map { (Kind($0), $0.rawValue) }
        let candidates =
            canonical.filter { !present.contains($0.0) }.map(\.1)
            + questionnaire.capabilities.map(\.id).filter { !present.contains(.capability($0)) }

        var firstColumn: [Kind: Int] = [:]
        // Columns with no reason to be ignored but their name: one warning for them all.
        var unknownNames: [String] = []
        for (index, name) in names.enumerated() {
            let place = Place.cell(row: row, column: name)
            switch classified[index] {
            case .unnamed:
                unnamed.append(index)
            case .superseded, .email:
                continue
            case .unknown(let reason?):
                problems.append(
                    Problem(
                        at: place, "unknown column \(SafeText.quoted(name)) is ignored: " + reason, severity: .warning))
            case .unknown(nil):
                unknownNames.append(name)
            case .known(let kind):
                if let first = firstColumn[kind] {
                    let firstName = names[first]
                    problems.append(
                        Problem(
                            at: place,
                            firstName.lowercased() == name.lowercased()
                                ? "the header names \(SafeText.quoted(name)) twice; delete one of the two columns"
                                : "\(SafeText.quoted(name)) is another name for \(SafeText.quoted(firstName)), which the header has already; delete one of the two columns"
                        ))
                    continue
                }
                firstColumn[kind] = index
                columns.append(Column(index: index, name: name, kind: kind))
            }
        }
        if let warning = Self.unknownColumnsWarning(unknownNames, candidates: candidates, row: row) {
            problems.append(warning)
        }
        if firstColumn[.assessedOn] == nil {
            problems.append(
                Problem(
                    at: .cell(row: row, column: nil),
                    "the header has no assessedOn column; add one (or a Date or Timestamp column) with the date of each assessment, such as 2026-11-25"
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

    /// How many names of unknown columns one warning shows, each with a suggestion.
    static let shownUnknownColumns = 5

    /// One warning for every column ignored for its name: the first few, with the closest
    /// known name of each, and how many more.
    static func unknownColumnsWarning(_ names: [String], candidates: [String], row: Int) -> Problem? {
        guard let first = names.first else { return nil }
        func described(_ name: String) -> String {
            let closest = Suggestion.closest(to: name, among: candidates).map { " (did you mean \"\($0)\"?)" }
            return "\(SafeText.quoted(name))\(closest ?? "")"
        }
        guard names.count > 1 else {
            let closest = Suggestion.closest(to: first, among: candidates).map { "; did you mean \"\($0)\"?" }
            return Problem(
                at: .cell(row: row, column: first), "unknown column \(SafeText.quoted(first)) is ignored\(closest ?? "")",
                severity: .warning)
        }
        let shown = names.prefix(shownUnknownColumns).map(described).joined(separator: ", ")
        let more = names.count > shownUnknownColumns ? " and \(NumberFormat.grouped(names.count - shownUnknownColumns)) more" : ""
        return Problem(
            at: .cell(row: row, column: nil),
            "\(NumberFormat.grouped(names.count)) unknown columns are ignored: \(shown)\(more); name them as 'laer template --format wide-csv' does, or map them with --columns",
            severity: .warning)
    }

    /// The first column read from `index` on, found by halving, so that a short row costs no
    /// walk over a wide header.
    func firstColumn(from index: Int) -> Column? {
        var (low, high) = (0, columns.count)
        while low < high {
            let middle = (low + high) / 2
            if columns[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < columns.count ? columns[low] : nil
    }

    private static func classify(
        _ name: String, capabilityIDs: [String: String], roadSignIDs: [String: String], questionnaire: Questionnaire
    ) -> Classified {
        guard !name.isEmpty else { return .unnamed }
        let lowered = name.lowercased()
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
        let key = normalized(name)
        if let kind = fixedNames[key] { return .known(kind) }
        if emailNames.contains(key) { return .email }
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
    /// How the file's `a/b/year` dates read, when its dates settle it.
    var dateOrder: SpreadsheetDate.Order?

    init(header: WideHeader, questionnaire: Questionnaire) {
        self.header = header
        self.questionnaire = questionnaire
        blank = Assessment(blankFor: questionnaire, assessedOn: "")
    }

    /// U+FEFF, which belongs at the start of a file only.
    static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"

    /// What is said of a row that starts with a byte order mark.
    static let byteOrderMarkMessage =
        "this row starts with an invisible byte order mark (U+FEFF), which belongs only at the start of a file, as when rows are pasted from another saved file; delete the first character of the row (or re-type its first cell), or save the file again from the spreadsheet"

    /// The respondent's assessment and every problem of the row; nil for a row whose cells are all empty.
    mutating func read(_ record: CSVRow, digits: inout DigitRatingTally) -> WideCSV.Row? {
        let fields = record.fields
        guard fields.contains(where: { !Self.trimmed($0).isEmpty }) else { return nil }
        if fields[0].unicodeScalars.first == Self.byteOrderMark {
            let message = Problem(at: .cell(row: record.spreadsheetRow, column: nil), Self.byteOrderMarkMessage)
            return WideCSV.Row(row: record.spreadsheetRow, assessment: nil, problems: [message])
        }
        if fields.count < header.width {
            // The cells a short row lacks would be read as unanswered: the row was cut short or damaged.
            let missing = header.firstColumn(from: fields.count).map {
                " from column \(SafeText.shown($0.name)) on"
            }
            let message = Problem(
                at: .cell(row: record.spreadsheetRow, column: nil),
                "this row has \(NumberFormat.grouped(fields.count)) cells where the header has \(NumberFormat.grouped(header.width)), so its cells\(missing ?? "") are missing, as when a row is cut short; restore the row from the survey tool's export (an unanswered question is an empty cell between two separators)"
            )
            return WideCSV.Row(row: record.spreadsheetRow, assessment: nil, problems: [message])
        }
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
                digits.count(cell)
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
            case .name: assessment.respondent.name = FieldReader.text(cell)
            case .role: assessment.respondent.role = FieldReader.text(cell)
            case .organization: assessment.respondent.organization = FieldReader.text(cell)
            case .period: assessment.period = FieldReader.text(cell)
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
        return WideCSV.Row(
            row: record.spreadsheetRow, assessment: problems.isEmpty ? assessment : nil, problems: problems.listed)
    }

    /// `SpreadsheetDate.normalized`, remembered by the part before a time (which it ignores).
    mutating func date(_ cell: String) -> Result<String, RuleViolation> {
        let day = String(cell.prefix { $0 != " " && $0 != "T" })
        if let known = dates[day] { return .success(known) }
        let result = SpreadsheetDate.normalized(cell, order: dateOrder)
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
