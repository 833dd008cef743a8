/// Checks any `laer` document, telling its kind from its `schema` member.
public enum DocumentValidator {
    public struct Report: Sendable {
        public var problems: [Problem]
        /// One line that says what the document is, for a valid one.
        public var summary: String

        public var isValid: Bool { problems.errors.isEmpty }
    }

    public static func validate(_ file: InputFile) -> Report {
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.bytes)
        } catch {
            return Report(problems: [Problem("", "\(error.description); fix the JSON at that place")], summary: "")
        }
        let schema = document.objectValue?["schema"]?.stringValue ?? ""
        if schema.hasPrefix("laer-questionnaire/") || schema.isEmpty {
            let check = QuestionnaireLoader.check(document)
            let summary = check.questionnaire.map { questionnaire in
                "valid questionnaire \(questionnaire.id) \(questionnaire.version) (\(questionnaire.capabilities.count) capabilities)"
            } ?? ""
            return Report(problems: check.problems, summary: summary)
        }
        let known = [Questionnaire.schema]
        return Report(
            problems: [Problem("schema", "\"\(schema)\" is not a document laer can check; \(Suggestion.expectedOneOf(known, for: schema))")],
            summary: "")
    }
}
