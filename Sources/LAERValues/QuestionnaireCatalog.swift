/// The questionnaires an answer may have been made with: the built-in history, or the files given
/// with `--questionnaire`.
///
/// An answer is scored with the version it names when that exact one is here; otherwise with the
/// newest one of the same id and major version.
package struct QuestionnaireCatalog: Sendable {
    /// Newest first.
    package let questionnaires: [Questionnaire]
    /// Each one's version as answers and results write it, made once: a batch asks per result.
    let versionTexts: [String]

    /// `questionnaires` must not be empty.
    package init(_ questionnaires: [Questionnaire]) {
        precondition(!questionnaires.isEmpty, "a catalog holds at least one questionnaire")
        self.questionnaires = questionnaires.enumerated().sorted { lhs, rhs in
            lhs.element.version != rhs.element.version ? lhs.element.version > rhs.element.version : lhs.offset < rhs.offset
        }.map(\.element)
        versionTexts = self.questionnaires.map(\.version.description)
    }

    /// The newest questionnaire: what answers that name none are read with.
    package var newest: Questionnaire { questionnaires[0] }

    /// Where the questionnaire `result` was scored with stands: exactly its id and version, or
    /// the newest (0) for a result of none of them.
    package func position(of result: ScoreResult) -> Int {
        if questionnaires.count == 1 || versionTexts[0] == result.questionnaireVersion { return 0 }
        return questionnaires.indices.first {
            versionTexts[$0] == result.questionnaireVersion && questionnaires[$0].id == result.questionnaireID
        } ?? 0
    }

    /// The questionnaire `result` was scored with, as `position(of:)` finds it.
    package func questionnaire(of result: ScoreResult) -> Questionnaire { questionnaires[position(of: result)] }

    /// Where in `questionnaires` the one for answers made with `id` at `version` stands: that
    /// exact version, or the newest of the same id and major version; nil when there is none.
    package func position(id: String, version: String) -> Int? {
        // As answer files usually write it: one comparison of text per version, no parsing.
        if let exact = versionTexts.firstIndex(of: version), questionnaires[exact].id == id { return exact }
        guard let wanted = SemanticVersion(version) else { return nil }
        if let exact = questionnaires.firstIndex(where: { $0.id == id && $0.version == wanted }) { return exact }
        return questionnaires.firstIndex { $0.id == id && $0.version.major == wanted.major }
    }
}
