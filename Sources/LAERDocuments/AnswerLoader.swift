import LAERFormats
import LAERValues

/// Loads answers of any supported format, told apart by content: JSON answer files and CSV sheets.
package enum AnswerLoader {
    package enum Format: Sendable, Equatable {
        case json, csv
    }

    /// The format of an input by its name's extension (`.json`, `.csv`, any case), so that a
    /// damaged file gets the advice of its kind; by its content (`format(of:)`) for any other
    /// name and for standard input.
    package static func format(of file: InputFile) -> Format {
        let name = file.displayName.lowercased()
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".csv") { return .csv }
        return format(of: file.bytes)
    }

    /// JSON when the first character after a byte-order mark and white space is `{` or `[`, in
    /// UTF-8 or in UTF-16 (told by its byte order mark, or by NULs among its first bytes).
    package static func format(of bytes: [UInt8]) -> Format {
        guard let first = firstCharacter(of: bytes) else { return .json }
        return first == UInt32(UInt8(ascii: "{")) || first == UInt32(UInt8(ascii: "[")) ? .json : .csv
    }

    /// The first character that is not white space, as a UTF-16 code unit or a UTF-8 byte.
    static func firstCharacter(of bytes: [UInt8]) -> UInt32? {
        let space: Set<UInt32> = [0x20, 0x09, 0x0A, 0x0D]
        guard let (start, bigEndian) = utf16Layout(of: bytes) else {
            let index = bytes[UTF8Bytes.textStart(of: bytes)...].firstIndex { !space.contains(UInt32($0)) }
            return index.map { UInt32(bytes[$0]) }
        }
        var index = start
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            let unit = UInt32(high) << 8 | UInt32(low)
            if !space.contains(unit) { return unit }
            index += 2
        }
        return nil
    }

    /// Where the text of UTF-16 bytes starts, and their byte order; nil for other text (a stray
    /// NUL is not UTF-16: its pattern of NULs is `TextDecoding`'s).
    static func utf16Layout(of bytes: [UInt8]) -> (start: Int, bigEndian: Bool)? {
        guard bytes.count >= 2 else { return nil }
        if (bytes[0], bytes[1]) == (0xFF, 0xFE) { return (2, false) }
        if (bytes[0], bytes[1]) == (0xFE, 0xFF) { return (2, true) }
        return TextDecoding.utf16WithoutByteOrderMark(bytes).map { (0, $0) }
    }

    /// Every problem of an answer input, or the assessment when it has none.
    package static func read(_ file: InputFile, questionnaire: Questionnaire) -> (assessment: Assessment?, problems: [Problem]) {
        switch format(of: file) {
        case .csv:
            return AnswerSheet.read(file, questionnaire: questionnaire)
        case .json:
            if let problem = utf16JSONProblem(file.bytes) { return (nil, [problem]) }
            do {
                return AssessmentDecoder.decode(try JSONParser.parse(file.bytes), questionnaire: questionnaire)
            } catch {
                return (nil, [Problem("", "\(error.description); fix the JSON at that place")])
            }
        }
    }

    /// One assessment read from an input: a file holds one, a wide CSV export one per row.
    package struct Entry: Sendable {
        /// Where in the input, for messages and file names: nil for a whole file, `row 7` for a wide CSV row.
        package var place: String?
        package var assessment: Assessment?
        package var problems: [Problem]

        package init(place: String?, assessment: Assessment?, problems: [Problem]) {
            self.place = place
            self.assessment = assessment
            self.problems = problems
        }
    }

    /// A JSON answer file in UTF-16 is refused, not decoded: the contract has answer files in
    /// UTF-8, and every other reader of them (the fast batch reader, `git diff`) reads UTF-8 only.
    static func utf16JSONProblem(_ bytes: [UInt8]) -> Problem? {
        guard utf16Layout(of: bytes) != nil else { return nil }
        let encoding = (try? TextDecoding.decode(bytes))?.encoding.description ?? "UTF-16"
        return Problem(
            "",
            "this JSON answer file is written in \(encoding); laer reads answer files in UTF-8 only: save it again as UTF-8 (in an editor, \"Save with encoding\" → UTF-8)"
        )
    }

    /// Every assessment of an input, whatever its format, with the problems of each and of the input as a whole.
    ///
    /// A `columns` map applies to a wide export only. A CSV's warning that its encoding was
    /// guessed is a problem of the file for a wide export, and of the one entry for a sheet.
    package static func readAll(_ file: InputFile, questionnaire: Questionnaire, columns: ColumnMap = .none) -> (
        entries: [Entry], fileProblems: [Problem]
    ) {
        guard format(of: file) == .csv else {
            let single = read(file, questionnaire: questionnaire)
            return ([Entry(place: nil, assessment: single.assessment, problems: single.problems)], [])
        }
        // A CSV is parsed once: its first row tells a survey export from an answer sheet.
        let input = CSVInput.read(file.bytes)
        guard let document = input.document else { return ([Entry(place: nil, assessment: nil, problems: input.problems)], []) }
        return readCSV(document, problems: input.problems, questionnaire: questionnaire, columns: columns)
    }

    static func readCSV(_ document: CSVDocument, problems: [Problem], questionnaire: Questionnaire, columns: ColumnMap) -> (
        entries: [Entry], fileProblems: [Problem]
    ) {
        if let header = document.rows.first,
            WideCSV.isWide(header: header.fields, questionnaire: questionnaire, columns: columns)
        {
            let read = WideCSV.read(records: document.rows, questionnaire: questionnaire, columns: columns)
            return (
                read.rows.map { Entry(place: "row \($0.row)", assessment: $0.assessment, problems: $0.problems) },
                problems + read.fileProblems
            )
        }
        let sheet = AnswerSheet.read(records: document.rows, questionnaire: questionnaire, separator: document.separator)
        return ([Entry(place: nil, assessment: sheet.assessment, problems: problems + sheet.problems)], [])
    }

    /// Every assessment of an input, read with the questionnaire of `catalog` its answers were
    /// made with, and where that questionnaire stands in the catalog (0 for the newest).
    ///
    /// A JSON file and a sheet name their version; a wide export names none, so it is read with
    /// the newest version that has every capability its header names (or, failing that, the one
    /// that has the most of them). Answers naming no version present are read with the newest.
    /// Each input is parsed once.
    package static func readAll(_ file: InputFile, in catalog: QuestionnaireCatalog, columns: ColumnMap = .none) -> (
        entries: [Entry], fileProblems: [Problem], version: Int
    ) {
        guard catalog.questionnaires.count > 1 else {
            let read = readAll(file, questionnaire: catalog.newest, columns: columns)
            return (read.entries, read.fileProblems, 0)
        }
        switch format(of: file) {
        case .json:
            guard utf16JSONProblem(file.bytes) == nil, let document = try? JSONParser.parse(file.bytes) else {
                let read = readAll(file, questionnaire: catalog.newest, columns: columns)
                return (read.entries, read.fileProblems, 0)
            }
            let version = jsonVersion(document, in: catalog)
            let decoded = AssessmentDecoder.decode(document, questionnaire: catalog.questionnaires[version])
            return ([Entry(place: nil, assessment: decoded.assessment, problems: decoded.problems)], [], version)
        case .csv:
            let input = CSVInput.read(file.bytes)
            guard let document = input.document else {
                return ([Entry(place: nil, assessment: nil, problems: input.problems)], [], 0)
            }
            let version = csvVersion(document.rows, in: catalog, columns: columns)
            let read = readCSV(
                document, problems: input.problems, questionnaire: catalog.questionnaires[version], columns: columns)
            return (read.entries, read.fileProblems, version)
        }
    }

    /// Where in `catalog` the version an input was made with stands, as `readAll(_:in:columns:)`
    /// decides it, without reading its answers (0, the newest, for an input that cannot be read).
    package static func version(of file: InputFile, in catalog: QuestionnaireCatalog, columns: ColumnMap = .none) -> Int {
        guard catalog.questionnaires.count > 1 else { return 0 }
        switch format(of: file) {
        case .json:
            if let identity = FastAnswerReader.identity(of: file.bytes) {
                return catalog.position(id: identity.id, version: identity.version) ?? 0
            }
            return (try? JSONParser.parse(file.bytes)).map { jsonVersion($0, in: catalog) } ?? 0
        case .csv:
            return CSVInput.read(file.bytes).document.map { csvVersion($0.rows, in: catalog, columns: columns) } ?? 0
        }
    }

    /// Which version of `catalog` a JSON answer file names (0, the newest, when it names none there).
    package static func jsonVersion(_ document: JSONValue, in catalog: QuestionnaireCatalog) -> Int {
        guard let identity = document.objectValue?["questionnaire"]?.objectValue,
            let id = identity["id"]?.stringValue, let version = identity["version"]?.stringValue
        else { return 0 }
        return catalog.position(id: id, version: version) ?? 0
    }

    /// Which version of `catalog` a CSV's answers were made with: the one its sheet names, or
    /// for a wide export the newest that knows every capability column of its header.
    static func csvVersion(_ rows: [CSVRow], in catalog: QuestionnaireCatalog, columns: ColumnMap) -> Int {
        guard let header = rows.first else { return 0 }
        if let identity = AnswerSheet.identity(in: rows) {
            return catalog.position(id: identity.id, version: identity.version) ?? 0
        }
        let named = Set(header.fields.map { $0.trimmingSpaces().lowercased() })
        let mapped = Set(columns.capabilities.keys.map { $0.lowercased() })
        let known = catalog.questionnaires.map { questionnaire in
            questionnaire.capabilities.count { named.contains($0.id.lowercased()) || mapped.contains($0.id.lowercased()) }
        }
        let everyVersion = Set(catalog.questionnaires.flatMap { $0.capabilities.map { $0.id.lowercased() } })
        let capabilityColumns = named.union(mapped).intersection(everyVersion).count
        if let complete = known.firstIndex(of: capabilityColumns) { return complete }
        return known.indices.max { known[$0] < known[$1] || (known[$0] == known[$1] && $0 > $1) } ?? 0
    }

    package static func load(_ file: InputFile, questionnaire: Questionnaire) throws(LoadError) -> Assessment {
        let result = read(file, questionnaire: questionnaire)
        guard let assessment = result.assessment else { throw LoadError.invalid(file: file.displayName, result.problems.errors) }
        return assessment
    }
}
