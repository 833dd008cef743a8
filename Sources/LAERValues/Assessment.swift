/// One respondent's answers to a questionnaire (`laer-answers/1`).
package struct Assessment: Sendable, Equatable {
    package static let schema = "laer-answers/1"

    package var questionnaireID: String
    package var questionnaireVersion: String
    package var respondent: Respondent
    /// ISO 8601 date, `YYYY-MM-DD`.
    package var assessedOn: String
    /// A reporting period such as `2026-Q1`.
    package var period: String?
    /// Answers by capability id; a capability with no entry is unanswered.
    package var answers: [String: Answer]
    /// The phase the respondent placed each marker in, before the evidence.
    package var placements: [MarkerID: PhaseID]
    /// Road signs by id: true when the respondent sees the sign.
    package var roadSigns: [String: Bool]

    package init(
        questionnaireID: String, questionnaireVersion: String, respondent: Respondent = Respondent(), assessedOn: String,
        period: String? = nil, answers: [String: Answer] = [:], placements: [MarkerID: PhaseID] = [:],
        roadSigns: [String: Bool] = [:]
    ) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.respondent = respondent
        self.assessedOn = assessedOn
        self.period = period
        self.answers = answers
        self.placements = placements
        self.roadSigns = roadSigns
    }

    /// An empty assessment of `questionnaire`.
    package init(blankFor questionnaire: Questionnaire, assessedOn: String) {
        self.init(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description, assessedOn: assessedOn)
    }
}

/// Who answered.
///
/// Every part is optional.
package struct Respondent: Sendable, Equatable {
    package var name: String?
    package var role: String?
    package var organization: String?

    package init(name: String? = nil, role: String? = nil, organization: String? = nil) {
        self.name = name
        self.role = role
        self.organization = organization
    }
}

/// One rated capability, with the respondent's note.
package struct Answer: Sendable, Equatable {
    package var rating: Rating
    package var note: String?

    package init(_ rating: Rating, note: String? = nil) {
        self.rating = rating
        self.note = note
    }
}
