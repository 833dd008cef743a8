import LAERValues

/// One question of the interview, in the order the survey asks them.
package enum SurveyQuestion: Sendable, Equatable, Hashable {
    /// A respondent detail the answer file and the flags do not give.
    case respondent(RespondentField)
    /// "Which of these four reads most like you today?" for one marker.
    case placement(MarkerID)
    /// A capability to rate, by id.
    case capability(String)
    /// A road sign, yes or no, by id.
    case roadSign(String)

    package enum RespondentField: String, Sendable, CaseIterable {
        case name, role, organization
    }

    /// The marker a question belongs to (respondent details and road signs belong to none).
    package func marker(in questionnaire: Questionnaire) -> MarkerID? {
        switch self {
        case .placement(let marker): marker
        case .capability(let id): questionnaire.capability(id)?.marker
        case .respondent, .roadSign: nil
        }
    }
}

/// The questions of one interview: respondent details still missing, then for each marker its
/// placement and its capabilities in questionnaire order, then the road signs.
package struct SurveyPlan: Sendable, Equatable {
    package let questions: [SurveyQuestion]

    package init(questionnaire: Questionnaire, respondent: Respondent) {
        var questions: [SurveyQuestion] = []
        if respondent.name == nil { questions.append(.respondent(.name)) }
        if respondent.role == nil { questions.append(.respondent(.role)) }
        if respondent.organization == nil { questions.append(.respondent(.organization)) }
        for marker in questionnaire.markers {
            questions.append(.placement(marker.id))
            questions += questionnaire.capabilities.filter { $0.marker == marker.id }.map { .capability($0.id) }
        }
        questions += questionnaire.roadSigns.map { .roadSign($0.id) }
        self.questions = questions
    }
}

/// An answer to any kind of question, as both the full-screen and the line mode produce it.
package enum SurveyAnswer: Sendable, Equatable {
    case text(String)
    case rating(Rating)
    case phase(PhaseID)
    case yesNo(Bool)
}
