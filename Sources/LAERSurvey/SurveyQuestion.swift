import LAERValues

/// One question of the interview, in the order the survey asks them.
package enum SurveyQuestion: Sendable, Equatable, Hashable {
    /// A respondent detail: asked when the answer file and the flags do not give it, editable always.
    case respondent(RespondentField)
    /// The reporting period the answers are for, such as 2026-Q4.
    case period
    /// "Which of these four reads most like you today?" for one marker.
    case placement(MarkerID)
    /// A capability to rate, by id.
    case capability(String)
    /// A road sign, yes or no, by id.
    case roadSign(String)

    package enum RespondentField: String, Sendable, CaseIterable {
        case name, role, organization
    }

    /// The marker a question belongs to (respondent details, the period and road signs belong to none).
    package func marker(in questionnaire: Questionnaire) -> MarkerID? {
        switch self {
        case .placement(let marker): marker
        case .capability(let id): questionnaire.capability(id)?.marker
        case .respondent, .period, .roadSign: nil
        }
    }
}

/// The questions of one interview: the respondent's details and the period, then for each marker
/// its placement and its capabilities in questionnaire order, then the road signs.
///
/// The same for every answer file of a questionnaire, so a question keeps its number on resume;
/// what a file or flag already gives counts as answered and is not asked again.
package struct SurveyPlan: Sendable, Equatable {
    package let questions: [SurveyQuestion]
    /// The marker of each question, by place, worked out once: the screen asks on every key.
    package let markers: [MarkerID?]

    package init(questionnaire: Questionnaire) {
        var questions: [SurveyQuestion] = SurveyQuestion.RespondentField.allCases.map(SurveyQuestion.respondent)
        questions.append(.period)
        for marker in questionnaire.markers {
            questions.append(.placement(marker.id))
            questions += questionnaire.capabilities.filter { $0.marker == marker.id }.map { .capability($0.id) }
        }
        questions += questionnaire.roadSigns.map { .roadSign($0.id) }
        self.questions = questions
        markers = questions.map { $0.marker(in: questionnaire) }
    }
}

/// An answer to any kind of question, as both the full-screen and the line mode produce it.
package enum SurveyAnswer: Sendable, Equatable {
    case text(String)
    case rating(Rating)
    case phase(PhaseID)
    case yesNo(Bool)
}
