import LAERDocuments
import LAERFormats
import LAERSurvey
import LAERTerminal
import LAERValues

/// The small parsers, the first byte choosing which one reads the rest.
///
/// - Semantic versions: one that parses is written back as the same text, and orders irreflexively.
/// - Quarters and dates: a period that parses is its own label; an ISO date is digits and dashes,
///   and has a quarter whose label parses.
/// - Ratings and phases: what parses reads back from its id (and a phase from its number), and
///   the answer rules read the same.
/// - Organization names: the folded key of a key is the key.
/// - Column maps (`--columns`): a map that parses has no blank key or header.
/// - Dates in a wide export's date column: what reads is an ISO date, and an ISO date reads as itself.
/// - The survey's line mode: the lines (split as the terminal's line source splits them) answer an
///   interview, and every assessment it saves reads back the same; the in-memory line source
///   splits the lines alike.
enum ValuesTarget {
    enum Parser: UInt8, CaseIterable {
        case semanticVersion, quarter, date, rating, phase, organization, columnMap, spreadsheetDate, lineMode
    }

    static func check(_ bytes: [UInt8], messages: MessageCheck) throws(FuzzFailure) {
        guard let selector = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        let text = String(decoding: rest, as: UTF8.self)
        let parsers = Parser.allCases
        switch parsers[Int(selector) % parsers.count] {
        case .semanticVersion: try checkSemanticVersion(text)
        case .quarter: try checkQuarter(text)
        case .date: try checkDate(text)
        case .rating: try checkRating(text)
        case .phase: try checkPhase(text)
        case .organization: try checkOrganization(text)
        case .columnMap: try checkColumnMap(text, messages: messages)
        case .spreadsheetDate: try checkSpreadsheetDate(text, messages: messages)
        case .lineMode: try LineModeCheck.check(rest, messages: messages)
        }
    }

    static func checkSemanticVersion(_ text: String) throws(FuzzFailure) {
        guard let version = SemanticVersion(text) else { return }
        try expect(
            version.description == text && SemanticVersion(version.description) == version, .values,
            "a semantic version is not written back as it was read", "\(shown(Array(text.utf8))) → \(version)")
        try expect(!(version < version), .values, "a semantic version precedes itself", text)
    }

    static func checkQuarter(_ text: String) throws(FuzzFailure) {
        guard let quarter = Quarter(period: text) else { return }
        try expect(
            quarter.label == text && Quarter(period: quarter.label) == quarter, .values,
            "a period is not its quarter's label", "\(shown(Array(text.utf8))) → \(quarter.label)")
    }

    static func checkDate(_ text: String) throws(FuzzFailure) {
        guard CalendarDate.isISODate(text) else { return }
        try expect(
            text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }, .values,
            "an ISO date holds something else than digits and dashes", shown(Array(text.utf8)))
        let quarter = Quarter(date: text)
        try expect(
            quarter.flatMap { Quarter(period: $0.label) } == quarter && quarter != nil, .values,
            "an ISO date's quarter is not a period that reads back",
            "\(text) → \(String(describing: quarter?.label))")
    }

    static func checkRating(_ text: String) throws(FuzzFailure) {
        let read = Rating(reading: text)
        if let read {
            try expect(Rating(reading: read.rawValue) == read, .values, "a rating does not read back from its id", text)
        }
        let ruled = try? AnswerRules.rating(text).get()
        try expect(
            read == nil || ruled == read, .values, "the answer rules read a rating differently",
            "\(shown(Array(text.utf8))): \(String(describing: read)) and \(String(describing: ruled))")
    }

    static func checkPhase(_ text: String) throws(FuzzFailure) {
        guard let phase = PhaseID(spelling: text) else { return }
        try expect(
            PhaseID(spelling: phase.rawValue) == phase && PhaseID(spelling: String(phase.number)) == phase
                && (try? AnswerRules.phase(text, in: FuzzFixtures.newest).get()) == phase, .values,
            "a phase does not read back from its id and number, or the answer rules read it differently",
            "\(shown(Array(text.utf8))) → \(phase)")
    }

    static func checkOrganization(_ text: String) throws(FuzzFailure) {
        let key = OrganizationName.key(text)
        try expect(
            OrganizationName.key(key) == key, .values, "an organization's key folds again to another key",
            "\(shown(Array(text.utf8))) → \(shown(Array(key.utf8))) → \(shown(Array(OrganizationName.key(key).utf8)))")
    }

    static func checkColumnMap(_ text: String, messages: MessageCheck) throws(FuzzFailure) {
        let map: ColumnMap
        do {
            map = try ColumnMap(parsing: text)
        } catch {
            try messages.check(error.description, of: Array(text.utf8))
            return
        }
        let texts = Array(map.fields.values) + Array(map.capabilities.keys) + Array(map.capabilities.values)
        try expect(
            !texts.contains { $0.allSatisfy(\.isWhitespace) }, .values, "a column map keeps a blank key or header",
            shown(Array(text.utf8)))
    }

    /// Dates are read where a wide export has them: one row under `respondent,assessedOn,<capability>`.
    static func checkSpreadsheetDate(_ text: String, messages: MessageCheck) throws(FuzzFailure) {
        let questionnaire = FuzzFixtures.newest
        guard let capability = questionnaire.capabilities.first?.id else { return }
        let bytes = CSVWriter().bytes([["respondent", "assessedOn", capability], ["Fuzz", text, "f"]])
        let read = WideCSV.read(InputFile(displayName: "dates.csv", bytes: bytes), questionnaire: questionnaire)
        try messages.check(read.fileProblems + read.rows.flatMap(\.problems), of: bytes)
        let date = read.rows.first?.assessment?.assessedOn
        if let date {
            try expect(
                CalendarDate.isISODate(date), .values, "a spreadsheet date reads as something else than an ISO date",
                "\(shown(Array(text.utf8))) → \(date)")
        }
        if CalendarDate.isISODate(text) {
            try expect(
                date == text, .values, "an ISO date in a wide export does not read as itself",
                "\(text) → \(String(describing: date)); \(read.fileProblems + read.rows.flatMap(\.problems))")
        }
    }
}
