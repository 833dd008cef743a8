import LAERDocuments
import LAERValues

extension CommandContext {
    /// Last time's assessment: any input `laer score` takes, as long as it holds exactly one.
    ///
    /// Its warnings go to standard error, as `score` writes them.
    ///
    /// Answers made with another version are read with theirs; those to capabilities that
    /// `questionnaire` lacks (retired, or moved under a new id) are left out, and said so.
    func loadPrevious(_ path: String, catalog: QuestionnaireCatalog, for questionnaire: Questionnaire) throws(LoadError)
        -> Assessment
    {
        let file = try files.read(path)
        let name = file.displayName
        let (entries, fileProblems, version) = AnswerLoader.readAll(file, in: catalog)
        if !fileProblems.errors.isEmpty { throw .invalid(file: name, fileProblems.errors) }
        guard let entry = entries.first else {
            throw .invalid(file: name, [Problem("", "holds no assessment; --from takes last time's answers: name that file")])
        }
        guard entries.count == 1 else {
            throw .invalid(
                file: name,
                [
                    Problem(
                        "",
                        "holds \(entries.count) assessments (a wide export, one respondent per row); --from takes one: pick it by copying the header and that respondent's row into a file of its own, and name that file"
                    )
                ])
        }
        guard var assessment = entry.assessment else { throw .invalid(file: name, entry.problems.errors) }
        for warning in fileProblems.warnings + entry.problems.warnings {
            errorOutput.write(warning.line(in: name) + "\n")
        }
        let made = catalog.questionnaires[version]
        let lacking = assessment.answers.keys.filter { !questionnaire.hasCapability($0) }.sorted()
        if !lacking.isEmpty {
            for id in lacking { assessment.answers[id] = nil }
            errorOutput.write(
                "\(name): made with \(made.id) \(made.version); its answers to \(lacking.count == 1 ? "1 capability" : "\(lacking.count) capabilities") that \(questionnaire.version) no longer asks (\(lacking.prefix(5).joined(separator: ", "))\(lacking.count > 5 ? ", …" : "")) are not offered as defaults\n"
            )
        }
        return assessment
    }

}
