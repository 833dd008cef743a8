/// One respondent's answers to a questionnaire (`laer-answers/1`).
public struct Assessment: Sendable, Equatable {
    public static let schema = "laer-answers/1"

    public var questionnaireID: String
    public var questionnaireVersion: String
    public var respondent: Respondent
    /// ISO 8601 date, `YYYY-MM-DD`.
    public var assessedOn: String
    /// A reporting period such as `2026-Q1`.
    public var period: String?
    /// Answers by capability id; a capability with no entry is unanswered.
    public var answers: [String: Answer]
    /// The phase the respondent placed each marker in, before the evidence.
    public var placements: [MarkerID: PhaseID]
    /// Road signs by id: true when the respondent sees the sign.
    public var roadSigns: [String: Bool]

    public init(
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
    public init(blankFor questionnaire: Questionnaire, assessedOn: String) {
        self.init(questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description, assessedOn: assessedOn)
    }
}

/// Who answered. Every part is optional.
public struct Respondent: Sendable, Equatable {
    public var name: String?
    public var role: String?
    public var organization: String?

    public init(name: String? = nil, role: String? = nil, organization: String? = nil) {
        self.name = name
        self.role = role
        self.organization = organization
    }
}

/// One rated capability, with the respondent's note.
public struct Answer: Sendable, Equatable {
    public var rating: Rating
    public var note: String?

    public init(_ rating: Rating, note: String? = nil) {
        self.rating = rating
        self.note = note
    }
}
