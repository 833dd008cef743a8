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

    /// The newest version of the questionnaire compiled into the binary.
    package static var builtInFile: InputFile { file(BuiltInQuestionnaire.newest) }

    /// Every released version compiled into the binary, oldest first.
    package static var builtInFiles: [InputFile] { BuiltInQuestionnaire.history.map(file) }

    static func file(_ document: BuiltInQuestionnaire.Document) -> InputFile {
        InputFile(displayName: document.displayName, bytes: document.bytes)
    }

    /// Loads the newest built-in questionnaire; the test suite guarantees every version validates.
    package static func builtIn() throws(LoadError) -> Questionnaire {
        try load(builtInFile)
    }

    /// The released version `version` of the built-in questionnaire, with its file; nil when
    /// there is none.
    package static func builtIn(version: String) throws(LoadError) -> (Questionnaire, InputFile)? {
        for file in builtInFiles {
            let questionnaire = try load(file)
            if questionnaire.version.description == version { return (questionnaire, file) }
        }
        return nil
    }

    /// Every released version of the built-in questionnaire, newest first.
    package static func builtInHistory() throws(LoadError) -> [Questionnaire] {
        var history: [Questionnaire] = []
        for file in builtInFiles.reversed() { history.append(try load(file)) }
        return history
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
        if document.objectValue != nil, decoded.capabilitiesRead {
            problems += QuestionnaireValidator.problems(in: decoded.questionnaire, entries: decoded.entries)
        }
        return Check(questionnaire: problems.errors.isEmpty ? decoded.questionnaire : nil, problems: problems.listed)
    }
}
