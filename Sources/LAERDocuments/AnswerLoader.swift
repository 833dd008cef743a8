import LAERFormats
import LAERValues

/// Loads answers of any supported format, told apart by content: JSON answer files and CSV sheets.
package enum AnswerLoader {
    package enum Format: Sendable, Equatable {
        case json, csv
    }

    /// JSON when the first character after a byte-order mark and white space is `{` or `[`.
    package static func format(of bytes: [UInt8]) -> Format {
        var index = UTF8Bytes.textStart(of: bytes)
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .json }
        return bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") ? .json : .csv
    }

    /// Every problem of an answer input, or the assessment when it has none.
    package static func read(_ file: InputFile, questionnaire: Questionnaire) -> (assessment: Assessment?, problems: [Problem]) {
        switch format(of: file.bytes) {
        case .csv:
            return AnswerSheet.read(file, questionnaire: questionnaire)
        case .json:
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

    /// Every assessment of an input, whatever its format, with the problems of each and of the input as a whole.
    package static func readAll(_ file: InputFile, questionnaire: Questionnaire) -> (entries: [Entry], fileProblems: [Problem]) {
        // A CSV is parsed once: its first row tells a survey export from an answer sheet.
        if format(of: file.bytes) == .csv, let records = try? CSVReader.parse(file.bytes),
            let header = records.first, WideCSV.isWide(header: header.fields, questionnaire: questionnaire)
        {
            let read = WideCSV.read(records: records, questionnaire: questionnaire)
            return (
                read.rows.map { Entry(place: "row \($0.row)", assessment: $0.assessment, problems: $0.problems) },
                read.fileProblems
            )
        }
        let single = read(file, questionnaire: questionnaire)
        return ([Entry(place: nil, assessment: single.assessment, problems: single.problems)], [])
    }

    /// Every assessment of an input, read with the questionnaire of `catalog` its answers name
    /// (or the newest, for answers that name none), and where that questionnaire stands in the
    /// catalog (0 for the newest).
    ///
    /// A JSON file is parsed once: the version it names is read from the parsed document.
    package static func readAll(_ file: InputFile, in catalog: QuestionnaireCatalog) -> (
        entries: [Entry], fileProblems: [Problem], version: Int
    ) {
        guard catalog.questionnaires.count > 1, format(of: file.bytes) == .json, let document = try? JSONParser.parse(file.bytes)
        else {
            let read = readAll(file, questionnaire: catalog.newest)
            return (read.entries, read.fileProblems, 0)
        }
        let identity = document.objectValue?["questionnaire"]?.objectValue
        let version =
            identity.flatMap { identity in
                guard let id = identity["id"]?.stringValue, let version = identity["version"]?.stringValue else { return nil }
                return catalog.position(id: id, version: version)
            } ?? 0
        let decoded = AssessmentDecoder.decode(document, questionnaire: catalog.questionnaires[version])
        return ([Entry(place: nil, assessment: decoded.assessment, problems: decoded.problems)], [], version)
    }

    package static func load(_ file: InputFile, questionnaire: Questionnaire) throws(LoadError) -> Assessment {
        let result = read(file, questionnaire: questionnaire)
        guard let assessment = result.assessment else { throw LoadError.invalid(file: file.displayName, result.problems.errors) }
        return assessment
    }
}
