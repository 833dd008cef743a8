import LAERFormats
import LAERQuestionnaires
import LAERValues

/// Loads and validates questionnaires: the built-in one or a consultant's own file.
package enum QuestionnaireLoader {
    /// The outcome of checking a questionnaire: the document when it has no errors, and every problem.
    package struct Check: Sendable {
        package var questionnaire: Questionnaire?
        package var problems: [Problem]
    }

    /// The questionnaire compiled into the binary.
    package static var builtInFile: InputFile {
        InputFile(displayName: BuiltInQuestionnaire.displayName, bytes: BuiltInQuestionnaire.bytes)
    }

    /// Loads the built-in questionnaire; the test suite guarantees it validates.
    package static func builtIn() throws(LoadError) -> Questionnaire {
        try load(builtInFile)
    }

    /// Every released version of the built-in questionnaire, newest first.
    package static func builtInHistory() throws(LoadError) -> [Questionnaire] {
        [try builtIn()]
    }

    /// Parses and validates; throws every error problem at once, ignores warnings.
    package static func load(_ file: InputFile) throws(LoadError) -> Questionnaire {
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.bytes)
        } catch {
            throw LoadError.syntax(file: file.displayName, error)
        }
        let result = check(document)
        guard let questionnaire = result.questionnaire else {
            throw LoadError.invalid(file: file.displayName, result.problems.errors)
        }
        return questionnaire
    }

    /// Checks a parsed document against every rule of `laer-questionnaire/1`.
    package static func check(_ document: JSONValue) -> Check {
        let decoded = QuestionnaireDecoder.decode(document)
        var problems = decoded.problems
        if document.objectValue != nil {
            problems += QuestionnaireValidator.problems(in: decoded.questionnaire, entries: decoded.entries)
        }
        return Check(questionnaire: problems.errors.isEmpty ? decoded.questionnaire : nil, problems: problems)
    }
}
