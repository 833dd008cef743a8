/// Loads answers of any supported format, told apart by content: JSON answer files and CSV sheets.
public enum AnswerLoader {
    public enum Format: Sendable, Equatable {
        case json, csv
    }

    /// JSON when the first character after a byte-order mark and white space is `{` or `[`.
    public static func format(of bytes: [UInt8]) -> Format {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .json }
        return bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") ? .json : .csv
    }

    /// Every problem of an answer input, or the assessment when it has none.
    public static func read(_ file: InputFile, questionnaire: Questionnaire) -> (assessment: Assessment?, problems: [Problem]) {
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

    public static func load(_ file: InputFile, questionnaire: Questionnaire) throws(LoadError) -> Assessment {
        let result = read(file, questionnaire: questionnaire)
        guard let assessment = result.assessment else { throw LoadError.invalid(file: file.displayName, result.problems.errors) }
        return assessment
    }
}
