import LAERFormats
import LAERValues

/// Checks any `laer` document, telling its kind from its content: a CSV answer sheet or wide
/// export, or JSON whose `schema` says questionnaire or answer file.
package enum DocumentValidator {
    package struct Report: Sendable {
        package var problems: [Problem]
        /// One line that says what the document is, for a valid one.
        package var summary: String

        package var isValid: Bool { problems.errors.isEmpty }
    }

    /// - Parameters:
    ///   - questionnaire: what answer files are checked against.
    ///   - columns: the header names of a wide export's columns, as `score --columns` takes them.
    package static func validate(_ file: InputFile, questionnaire: Questionnaire, columns: ColumnMap = .none) -> Report {
        validate(file, in: QuestionnaireCatalog([questionnaire]), columns: columns)
    }

    /// `validate(_:questionnaire:columns:)` with answers checked against the version of `catalog`
    /// they were made with, as `score` would score them.
    package static func validate(_ file: InputFile, in catalog: QuestionnaireCatalog, columns: ColumnMap = .none) -> Report {
        if AnswerLoader.format(of: file) == .csv {
            // Read as `score` reads it, so that both say the same of it.
            let (entries, fileProblems, version) = AnswerLoader.readAll(file, in: catalog, columns: columns)
            let read = (entries: entries, fileProblems: fileProblems)
            let questionnaire = catalog.questionnaires[version]
            guard read.entries.count == 1, read.entries[0].place == nil else {
                return wideReport(read, questionnaire: questionnaire)
            }
            let entry = read.entries[0]
            return answerReport(
                (entry.assessment, read.fileProblems + entry.problems), questionnaire: questionnaire, kind: "answer sheet")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.bytes)
        } catch {
            return Report(problems: [Problem("", "\(error.description); fix the JSON at that place")], summary: "")
        }
        // A schema that is not a string says nothing: the other members tell an answer file.
        let answerMembers = ["answers", "assessedOn", "respondent", "placements", "roadSigns"]
        let schema =
            document.objectValue?["schema"]?.stringValue
            ?? (answerMembers.contains { document.objectValue?[$0] != nil } ? Assessment.schema : "")
        if schema.hasPrefix("laer-answers/") {
            let questionnaire = catalog.questionnaires[AnswerLoader.jsonVersion(document, in: catalog)]
            return answerReport(
                AssessmentDecoder.decode(document, questionnaire: questionnaire), questionnaire: questionnaire,
                kind: "answer file")
        }
        if schema.hasPrefix("laer-questionnaire/") || schema.isEmpty {
            let check = QuestionnaireLoader.check(document)
            let summary =
                check.questionnaire.map { questionnaire in
                    "valid questionnaire \(questionnaire.id) \(questionnaire.version) (\(questionnaire.capabilities.count) capabilities)"
                } ?? ""
            return Report(problems: check.problems, summary: summary)
        }
        let known = [Questionnaire.schema, Assessment.schema]
        return Report(
            problems: [
                Problem(
                    "schema",
                    "\(SafeText.quoted(schema)) is not a document laer can check; \(Suggestion.expectedOneOf(known, for: schema))"
                )
            ],
            summary: "")
    }

    /// A wide export: every problem of the file and its rows, and how many respondents it holds.
    static func wideReport(_ read: (entries: [AnswerLoader.Entry], fileProblems: [Problem]), questionnaire: Questionnaire)
        -> Report
    {
        let problems = (read.fileProblems + read.entries.flatMap(\.problems)).listed
        let valid = read.entries.count { $0.assessment != nil }
        let respondents = "\(valid) respondent\(valid == 1 ? "" : "s")"
        return Report(
            problems: problems, summary: "valid wide export for \(questionnaire.id) \(questionnaire.version) (\(respondents))")
    }

    static func answerReport(_ read: (assessment: Assessment?, problems: [Problem]), questionnaire: Questionnaire, kind: String)
        -> Report
    {
        let summary =
            read.assessment.map { assessment in
                let answered = questionnaire.capabilities.filter { assessment.answers[$0.id] != nil }.count
                return
                    "valid \(kind) for \(questionnaire.id) \(questionnaire.version) (\(answered) of \(questionnaire.capabilities.count) capabilities answered)"
            } ?? ""
        return Report(problems: read.problems, summary: summary)
    }
}
