import LAERFormats
import LAERValues

/// The CSV answer sheet (`laer template --format csv`): one row per question, filled in a
/// spreadsheet and scored as it is saved.
///
/// Rows are told apart by their `id`: `questionnaire`, `respondent.name`, `respondent.role`,
/// `respondent.organization`, `assessedOn`, `period`, `placement.<marker id>`, a capability id,
/// `roadsign.<road sign id>`. Every answer goes in the `rating` column; `note` is free text;
/// `help` says what evidence counts, and is not read back.
package enum AnswerSheet {
    /// The header of the template; a sheet needs only `id` and `rating`, in any order.
    ///
    /// `help` comes last so that the rating stays next to the statement, in column E where sheets
    /// always had it, and the long texts (note, help) are at the right, where they can run on.
    package static let columns = ["id", "marker", "phase", "statement", "rating", "note", "help"]

    static let scaleInstruction = "Rate each capability: \(AnswerRules.ratingSpellings)"

    /// A blank sheet for `questionnaire`: UTF-8 with a byte order mark (so that spreadsheets read
    /// it as UTF-8) and CRLF line ends.
    ///
    /// `today` fills in the date of the assessment, which the respondent may change; `respondent`
    /// and `period`, what is known of them.
    package static func template(
        for questionnaire: Questionnaire, today: String = "", respondent: Respondent = Respondent(), period: String? = nil
    ) -> [UInt8] {
        var rows = [columns]
        func row(
            _ id: String, marker: String = "", phase: String = "", _ statement: String, rating: String = "", note: String = "",
            help: String = ""
        ) {
            // Statements and help come from a questionnaire file, which anyone may have written:
            // the writer makes every cell formula-safe.
            rows.append([id, marker, phase, statement, rating, note, help])
        }
        row(
            "questionnaire", "Questionnaire and version (leave as it is)",
            rating: "\(questionnaire.id) \(questionnaire.version)", note: scaleInstruction)
        row("respondent.name", "Your name", rating: respondent.name ?? "")
        row("respondent.role", "Your role", rating: respondent.role ?? "")
        row("respondent.organization", "Your organization", rating: respondent.organization ?? "")
        row("assessedOn", "Date of this assessment, YYYY-MM-DD", rating: today)
        row("period", "Reporting period such as 2026-Q1 (optional)", rating: period ?? "")
        for marker in questionnaire.markers {
            row("placement.\(marker.id.rawValue)", marker: marker.id.rawValue, placementQuestion(marker, in: questionnaire))
        }
        for capability in questionnaire.capabilities {
            row(
                capability.id, marker: capability.marker.rawValue, phase: capability.phase.rawValue, capability.statement,
                help: capability.help)
        }
        for sign in questionnaire.roadSigns {
            row("roadsign.\(sign.id)", sign.statement + " (yes or no)")
        }
        return CSVWriter(lineEnd: "\r\n", byteOrderMark: true).bytes(rows)
    }

    /// A marker's placement question, in the sheet's words.
    ///
    /// "Which phase reads most like your KPIs today? Answer with the phase: traditional, experiment,
    /// effective or efficient. Traditional Transactional: …; LAER Experiment: …"
    ///
    /// By name, not number, since the same column takes ratings 0–3 on the rows below.
    static func placementQuestion(_ marker: Marker, in questionnaire: Questionnaire) -> String {
        let choices = questionnaire.phases.map { phase in
            var profile = marker.profiles[phase.id] ?? ""
            if profile.hasSuffix(".") { profile.removeLast() }
            return profile.isEmpty ? phase.name : "\(phase.name): \(profile)"
        }
        return
            "Which phase reads most like your \(lowercasedName(marker.name)) today? Answer with the phase: \(PhaseID.spellingsHint). "
            + Marker.placementRule + " " + choices.joined(separator: "; ")
    }

    /// "Selling culture" → "selling culture", but "KPIs" stays.
    static func lowercasedName(_ name: String) -> String {
        let letters = Array(name)
        guard letters.count > 1, letters[0].isUppercase, !letters[1].isUppercase else { return name }
        return letters[0].lowercased() + String(letters.dropFirst())
    }

    /// Reads a filled sheet: the assessment when there is no error, and every problem, each placed
    /// as `row N, column NAME` (the row a spreadsheet shows).
    package static func read(_ file: InputFile, questionnaire: Questionnaire) -> (assessment: Assessment?, problems: [Problem]) {
        let input = CSVInput.read(file.bytes)
        guard let document = input.document else { return (nil, input.problems) }
        let read = read(records: document.rows, questionnaire: questionnaire, separator: document.separator)
        return (read.assessment, input.problems + read.problems)
    }

    /// `read(_:questionnaire:)` for records already parsed, with the separator they were read with.
    package static func read(records: [CSVRow], questionnaire: Questionnaire, separator: CSVSeparator = .comma) -> (
        assessment: Assessment?, problems: [Problem]
    ) {
        var reader = SheetReader(questionnaire: questionnaire, separator: separator)
        reader.read(records)
        return (reader.problems.errors.isEmpty ? reader.assessment : nil, reader.problems.listed)
    }

    /// The questionnaire id and version a sheet names on its `questionnaire` row, when it has
    /// that row and it names both.
    package static func identity(in rows: [CSVRow]) -> (id: String, version: String)? {
        guard let header = rows.first?.fields.map({ $0.trimmingSpaces().lowercased() }),
            let id = header.firstIndex(of: "id"), let rating = header.firstIndex(of: "rating")
        else { return nil }
        for row in rows.dropFirst() where id < row.fields.count && row.fields[id].trimmingSpaces() == "questionnaire" {
            return rating < row.fields.count ? identity(of: row.fields[rating]) : nil
        }
        return nil
    }

    /// "laer-efficient 1.1.0" as its id and version; nil for anything but two words.
    static func identity(of value: String) -> (id: String, version: String)? {
        let parts = value.split(whereSeparator: \.isWhitespace)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }

    /// Reads a filled sheet; throws every error at once and ignores warnings.
    package static func load(_ file: InputFile, questionnaire: Questionnaire) throws(LoadError) -> Assessment {
        let result = read(file, questionnaire: questionnaire)
        guard let assessment = result.assessment else {
            throw LoadError.invalid(file: file.displayName, result.problems.errors)
        }
        return assessment
    }
}

/// One pass over the rows of a sheet, collecting the answers and the problems.
private struct SheetReader {
    let questionnaire: Questionnaire
    let separator: CSVSeparator
    var problems: [Problem] = []
    var assessment: Assessment
    /// How many fields the header has: a row with more was split where it should not be.
    var headerWidth = 0
    var sawDate = false
    var columns: (id: Int, rating: Int, note: Int?) = (0, 0, nil)
    /// The row each id was first seen on, to report duplicates.
    var seen: [String: Int] = [:]
    var digits = DigitRatingTally()

    init(questionnaire: Questionnaire, separator: CSVSeparator) {
        self.questionnaire = questionnaire
        self.separator = separator
        assessment = Assessment(blankFor: questionnaire, assessedOn: "")
    }

    mutating func read(_ rows: [CSVRow]) {
        guard let header = rows.first else {
            problems.append(Problem("", "the sheet is empty; start from the sheet 'laer template --format csv' writes"))
            return
        }
        guard readHeader(header) else { return }
        for row in rows.dropFirst() { read(row) }
        if let warning = digits.shiftedScaleWarning {
            problems.append(Problem(at: .document, warning, severity: .warning))
        }
        if !sawDate {
            problems.append(
                Problem(
                    "",
                    "the sheet has no assessedOn row; add one with the date of this assessment in its rating column, such as 2026-11-25"
                ))
        }
    }

    mutating func readHeader(_ header: CSVRow) -> Bool {
        var found: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let name = name.trimmingSpaces().lowercased()
            guard ["id", "rating", "note"].contains(name) else { continue }
            if found[name] != nil {
                problems.append(
                    Problem(
                        at: .cell(row: header.spreadsheetRow, column: name),
                        "the header names \(SafeText.quoted(name)) twice; delete one of the two columns"))
            }
            found[name] = found[name] ?? index
        }
        for name in ["id", "rating"] where found[name] == nil {
            problems.append(
                Problem(
                    at: .cell(row: header.spreadsheetRow, column: nil),
                    "the header has no \(SafeText.quoted(name)) column; the first row names the columns, id and rating at least, as in the sheet 'laer template --format csv' writes"
                ))
        }
        guard let id = found["id"], let rating = found["rating"] else { return false }
        columns = (id, rating, found["note"])
        headerWidth = header.fields.count
        return true
    }

    mutating func read(_ row: CSVRow) {
        func cell(_ index: Int?, multiline: Bool = false) -> String {
            guard let index, index < row.fields.count else { return "" }
            return FieldReader.text(row.fields[index], multiline: multiline) ?? ""
        }
        let id = cell(columns.id)
        let value = cell(columns.rating)
        let note = cell(columns.note, multiline: true)
        let place = row.spreadsheetRow
        if let first = row.fields.first, first.unicodeScalars.first == WideRowReader.byteOrderMark {
            return problem(place, columns.id == 0 ? "id" : nil, WideRowReader.byteOrderMarkMessage)
        }
        if id.utf8.count > InputLimits.identifierLength, id.count > InputLimits.identifierLength {
            return problem(
                place, "id",
                "this id is \(NumberFormat.grouped(id.count)) characters long, and no id is longer than \(InputLimits.identifierLength); put back the id of its question from the template, or delete the row"
            )
        }
        if id.isEmpty {
            // Blank rows and headings a user adds carry no answer; only an answer without its id is lost.
            guard value.isEmpty, note.isEmpty else {
                problem(
                    place, "id",
                    "this row has an answer but no id; put back the id of its question from the template, or delete the row")
                return
            }
            return
        }
        let kind = RowKind(id)
        if let first = seen[kind.key] {
            problem(place, "id", "\(SafeText.quoted(id)) is on row \(first) already; keep one of the two rows")
            return
        }
        seen[kind.key] = place
        switch kind {
        case .questionnaire: readIdentity(value, place)
        case .name: assessment.respondent.name = value.isEmpty ? nil : value
        case .role: assessment.respondent.role = value.isEmpty ? nil : value
        case .organization: assessment.respondent.organization = value.isEmpty ? nil : value
        case .period: assessment.period = value.isEmpty ? nil : value
        case .assessedOn: readDate(value, place)
        case .placement(let marker): readPlacement(marker, value, place)
        case .roadSign(let sign): readRoadSign(sign, value, place)
        case .capability(let capability): readAnswer(capability, value, note: note, place, fields: row.fields.count)
        }
    }

    mutating func readIdentity(_ value: String, _ place: Int) {
        // An emptied cell is taken as the questionnaire the sheet is scored against.
        guard !value.isEmpty else { return }
        guard let (id, version) = AnswerSheet.identity(of: value) else {
            problem(
                place, "rating",
                "\(SafeText.quoted(value)) does not name a questionnaire and its version; write \"\(questionnaire.id) \(questionnaire.version)\" as the template had it"
            )
            return
        }
        if let message = AnswerRules.identityMessage(id: id, version: version, for: questionnaire) {
            problem(place, "rating", message)
            return
        }
        assessment.questionnaireID = id
        assessment.questionnaireVersion = version
    }

    mutating func readDate(_ value: String, _ place: Int) {
        sawDate = true
        guard !value.isEmpty else {
            problem(place, "rating", "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25")
            return
        }
        switch SpreadsheetDate.normalized(value) {
        case .success(let date): assessment.assessedOn = date
        case .failure(let violation): problem(place, "rating", violation.message)
        }
    }

    mutating func readPlacement(_ markerText: String, _ value: String, _ place: Int) {
        let marker: MarkerID
        switch AnswerRules.marker(markerText) {
        case .success(let found): marker = found
        case .failure(let violation): return problem(place, "id", violation.message)
        }
        guard !value.isEmpty else { return }
        switch AnswerRules.phase(value, in: questionnaire) {
        case .success(let phase): assessment.placements[marker] = phase
        case .failure(let violation): problem(place, "rating", violation.message)
        }
    }

    mutating func readRoadSign(_ sign: String, _ value: String, _ place: Int) {
        if let message = AnswerRules.unknownRoadSignMessage(sign, in: questionnaire) {
            return problem(place, "id", message)
        }
        guard !value.isEmpty else { return }
        switch AnswerRules.yesNo(value) {
        case .success(let seen): assessment.roadSigns[sign] = seen
        case .failure(let violation): problem(place, "rating", violation.message)
        }
    }

    mutating func readAnswer(_ capability: String, _ value: String, note: String, _ place: Int, fields: Int) {
        if let unknown = AnswerRules.unknownCapability(
            capability, answersVersion: assessment.questionnaireVersion, in: questionnaire,
            suggesting: problems.count < InputLimits.listedProblems)
        {
            guard unknown.severity == .warning else { return problem(place, "id", unknown.message) }
            return problems.append(Problem(at: .cell(row: place, column: "id"), unknown.message, severity: .warning))
        }
        guard !value.isEmpty else {
            if !note.isEmpty {
                problems.append(
                    Problem(
                        at: .cell(row: place, column: "note"),
                        "a note without a rating is not kept; rate the capability (na if it does not apply) to keep it",
                        severity: .warning))
            }
            return
        }
        digits.count(value)
        switch AnswerRules.rating(value) {
        case .success(let rating): assessment.answers[capability] = Answer(rating, note: note.isEmpty ? nil : note)
        case .failure(let violation):
            var message = violation.message
            if fields > headerWidth {
                message +=
                    "; this row has \(fields) cells where the header has \(headerWidth): a \(separator) inside a text that is not in double quotes splits it, so the rating column holds text. Put that text in double quotes, or save the sheet again from the spreadsheet"
            }
            problem(place, "rating", message)
        }
    }

    mutating func problem(_ row: Int, _ column: String?, _ message: String) {
        problems.append(Problem(at: .cell(row: row, column: column), message))
    }
}

/// What a sheet row answers, from its id.
///
/// The fixed ids are read in any case, since spreadsheets
/// like to capitalise; capability and road sign ids are the questionnaire's, exactly.
private enum RowKind {
    case questionnaire, name, role, organization, assessedOn, period
    case placement(String)
    case roadSign(String)
    case capability(String)

    init(_ id: String) {
        let lowered = id.lowercased()
        switch lowered {
        case "questionnaire": self = .questionnaire
        case "respondent.name": self = .name
        case "respondent.role": self = .role
        case "respondent.organization": self = .organization
        case "assessedon": self = .assessedOn
        case "period": self = .period
        default:
            if lowered.hasPrefix("placement.") {
                self = .placement(String(id.dropFirst("placement.".count)))
            } else if lowered.hasPrefix("roadsign.") {
                self = .roadSign(String(id.dropFirst("roadsign.".count)))
            } else {
                self = .capability(id)
            }
        }
    }

    /// The same question always gives the same key, however its id is capitalised.
    var key: String {
        switch self {
        case .questionnaire: "questionnaire"
        case .name: "respondent.name"
        case .role: "respondent.role"
        case .organization: "respondent.organization"
        case .assessedOn: "assessedOn"
        case .period: "period"
        case .placement(let marker): "placement." + marker
        case .roadSign(let sign): "roadsign." + sign
        case .capability(let id): id
        }
    }
}
