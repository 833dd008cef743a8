import LAERValues

/// A re-assessment's defaults: last time's answers, read question by question.
extension Interview {
    /// Last time's answer to a question in a re-assessment; respondent details and the period have none.
    package func previousAnswer(to question: SurveyQuestion) -> SurveyAnswer? {
        guard let previous else { return nil }
        switch question {
        case .respondent, .period: return nil
        case .placement(let marker): return previous.placements[marker].map(SurveyAnswer.phase)
        case .capability(let id): return previous.answers[id].map { SurveyAnswer.rating($0.rating) }
        case .roadSign(let id): return previous.roadSigns[id].map(SurveyAnswer.yesNo)
        }
    }

    /// What keeping the question's default records: last time's answer, while the question is
    /// still unanswered (an answer given this time is kept as it is).
    package func defaultAnswer(to question: SurveyQuestion) -> SurveyAnswer? {
        isAnswered(question) ? nil : previousAnswer(to: question)
    }

    /// Last time's note on a capability, which goes with last time's rating when that is kept.
    package func previousNote(to question: SurveyQuestion) -> String? {
        question.capabilityID.flatMap { previous?.answers[$0]?.note }
    }
}
