import LAERTestSupport
import Testing

@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// The mini questionnaire: 5 markers × (placement + 3 capabilities), 2 road signs.
@Suite struct InterviewTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestFiles.miniQuestionnaire()
    }

    func blank(_ respondent: Respondent = Respondent()) -> Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        return assessment
    }

    var known: Respondent { Respondent(name: "Ada", role: "CRO", organization: "Northwind") }

    @Test func planAsksMissingDetailsThenEachMarkerThenRoadSigns() {
        let plan = SurveyPlan(questionnaire: questionnaire, respondent: Respondent(name: "Ada"))
        #expect(
            plan.questions.prefix(7) == [
                .respondent(.role), .respondent(.organization), .placement(.kpis), .capability("k2"), .capability("k3"),
                .capability("k4"), .placement(.practices),
            ])
        #expect(plan.questions.suffix(2) == [.roadSign("sales-admits"), .roadSign("adoption-funded")])
        #expect(plan.questions.count == 2 + 20 + 2)
    }

    @Test func aNewInterviewStartsAtTheFirstQuestionTypingTheName() {
        let interview = Interview(questionnaire: questionnaire, assessment: blank())
        #expect(interview.position == .question(0))
        #expect(interview.mode == .typing(""))
        #expect(interview.unansweredCount == 25)
        #expect(interview.choices.isEmpty)
    }

    @Test func typingARespondentDetailSavesItAndMovesOn() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        #expect(interview.handle(.insert("Ad")) == [])
        _ = interview.handle(.insert("x"))
        _ = interview.handle(.deleteBackward)
        _ = interview.handle(.insert("a  "))
        #expect(interview.mode == .typing("Ada  "))
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.respondent.name == "Ada")
        #expect(interview.currentQuestion == .respondent(.role))
        #expect(interview.mode == .typing(""))
    }

    @Test func aBlankDetailIsSkippedAndStaysUnanswered() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        #expect(interview.handle(.chooseHighlighted) == [])
        #expect(interview.assessment.respondent.name == nil)
        #expect(interview.currentQuestion == .respondent(.role))
    }

    @Test func placementsRatingsAndRoadSignsAreRecordedAndSaved() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.handle(.answer(.phase(.laerEffective))) == [.save])
        #expect(interview.assessment.placements[.kpis] == .laerEffective)
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.handle(.answer(.rating(.largely))) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.largely))
        _ = interview.handle(.jump(.culture))
        #expect(interview.currentQuestion == .placement(.culture))
        for _ in 0..<4 { _ = interview.handle(.skip) }
        #expect(interview.currentQuestion == .roadSign("sales-admits"))
        #expect(interview.handle(.answer(.yesNo(true))) == [.save])
        #expect(interview.assessment.roadSigns["sales-admits"] == true)
    }

    @Test func anAnswerOfTheWrongKindIsIgnored() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        #expect(interview.handle(.answer(.rating(.fully))) == [])
        #expect(interview.handle(.answer(.yesNo(true))) == [])
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.assessment == blank(known))
    }

    @Test func arrowsMoveTheHighlightWithinTheChoicesAndEnterPicksIt() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        #expect(interview.highlight == 0)
        _ = interview.handle(.moveHighlight(-1))
        #expect(interview.highlight == 0)
        for _ in 0..<9 { _ = interview.handle(.moveHighlight(1)) }
        #expect(interview.highlight == 3)
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.placements[.kpis] == .laerEfficient)
    }

    @Test func backAndForwardBrowseWithTheHighlightOnTheGivenAnswer() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.partially)))
        #expect(interview.currentQuestion == .capability("k3"))
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.highlight == 1)
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.highlight == 1)
        _ = interview.handle(.back)
        #expect(interview.position == .question(0))
        #expect(interview.notice == "This is the first question.")
        _ = interview.handle(.forward)
        #expect(interview.notice == nil)
        #expect(interview.currentQuestion == .capability("k2"))
    }

    @Test func forwardFromTheLastQuestionAndSkipPastTheEndLeadToTheReview() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.jump(.culture))
        for _ in 0..<5 { _ = interview.handle(.forward) }
        #expect(interview.currentQuestion == .roadSign("adoption-funded"))
        _ = interview.handle(.forward)
        #expect(interview.position == .review)
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .roadSign("adoption-funded"))
        _ = interview.handle(.skip)
        #expect(interview.position == .review)
    }

    @Test func answeringGoesToTheNextUnansweredQuestionNotTheNextOne() {
        var assessment = blank(known)
        assessment.answers["k3"] = Answer(.fully)
        assessment.answers["k4"] = Answer(.not)
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.fully)))
        #expect(interview.currentQuestion == .placement(.practices))
    }

    @Test func resumeOpensAtTheFirstUnansweredQuestionAndCountsWhatIsLeft() {
        var assessment = blank(known)
        assessment.placements[.kpis] = .laerExperiment
        assessment.answers["k2"] = Answer(.largely)
        let interview = Interview(questionnaire: questionnaire, assessment: assessment)
        #expect(interview.currentQuestion == .capability("k3"))
        #expect(interview.questionNumber == 3)
        #expect(interview.unansweredCount == 20)
        #expect(interview.progress(of: .kpis) == (answered: 2, total: 4))
    }

    @Test func resumeAsksOnlyTheRespondentDetailsStillMissing() {
        let interview = Interview(
            questionnaire: questionnaire, assessment: blank(Respondent(name: "Ada", organization: "Northwind")))
        #expect(interview.plan.questions.first == .respondent(.role))
        #expect(interview.plan.questions.count == 23)
    }

    @Test func aCompleteFileOpensAtTheReviewOfferingToFinish() {
        var assessment = blank(known)
        for marker in questionnaire.markers { assessment.placements[marker.id] = .laerExperiment }
        for capability in questionnaire.capabilities { assessment.answers[capability.id] = Answer(.fully) }
        for sign in questionnaire.roadSigns { assessment.roadSigns[sign.id] = false }
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        #expect(interview.position == .review)
        #expect(interview.choices.map(\.event) == [.finish, .back])
        #expect(interview.handle(.chooseHighlighted) == [.finished])
        #expect(interview.position == .done)
        #expect(interview.handle(.back) == [])
        #expect(interview.position == .done)
    }

    @Test func theReviewOffersToAnswerWhatIsLeftOrFinish() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.answer(.phase(.laerEfficient)))
        _ = interview.handle(.review)
        #expect(interview.position == .review)
        #expect(
            interview.choices.map(\.label) == [
                "Answer the 21 questions left", "Finish now; what is unanswered is listed to verify",
            ])
        _ = interview.handle(.continueAnswering)
        #expect(interview.currentQuestion == .capability("k2"))
        _ = interview.handle(.review)
        _ = interview.handle(.moveHighlight(1))
        #expect(interview.handle(.chooseHighlighted) == [.finished])
    }

    @Test func theJumpListPicksAMarkerAtItsFirstUnansweredQuestion() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.openJump)
        #expect(interview.mode == .jump)
        #expect(interview.choices.map(\.key) == ["1", "2", "3", "4", "5"])
        _ = interview.handle(.moveHighlight(1))
        _ = interview.handle(.chooseHighlighted)
        #expect(interview.currentQuestion == .placement(.practices))
        #expect(interview.mode == .choosing)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.jump(.kpis))
        _ = interview.handle(.jump(.practices))
        #expect(interview.currentQuestion == .capability("p2"))
        _ = interview.handle(.openJump)
        _ = interview.handle(.cancel)
        #expect(interview.mode == .choosing)
        #expect(interview.currentQuestion == .capability("p2"))
    }

    @Test func helpOpensAndClosesWithoutChangingAnything() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.toggleHelp)
        #expect(interview.mode == .help)
        _ = interview.handle(.toggleHelp)
        #expect(interview.mode == .choosing)
        _ = interview.handle(.toggleHelp)
        _ = interview.handle(.cancel)
        #expect(interview.mode == .choosing)
        #expect(interview.assessment == blank(known))
    }

    @Test func aNoteNeedsARatingFirstAndIsKeptWithIt() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.openNote)
        #expect(interview.notice == "Notes go with a capability's rating.")
        _ = interview.handle(.skip)
        _ = interview.handle(.openNote)
        #expect(interview.notice == "Rate it first, then add a note (← goes back to note the previous answer).")
        _ = interview.handle(.answer(.rating(.partially)))
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        #expect(interview.mode == .note(""))
        _ = interview.handle(.insert("Only in EMEA\n"))
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.partially, note: "Only in EMEA"))
        #expect(interview.notice == "Note kept.")
        _ = interview.handle(.answer(.rating(.largely)))
        #expect(interview.assessment.answers["k2"] == Answer(.largely, note: "Only in EMEA"))
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        #expect(interview.mode == .note("Only in EMEA"))
        _ = interview.handle(.cancel)
        #expect(interview.assessment.answers["k2"]?.note == "Only in EMEA")
        _ = interview.handle(.openNote)
        for _ in 0..<20 { _ = interview.handle(.deleteBackward) }
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.largely))
    }

    @Test func quitAsksTheDriverToStopWithoutChangingTheAnswers() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(known))
        _ = interview.handle(.answer(.phase(.laerEffective)))
        let before = interview.assessment
        #expect(interview.handle(.quit) == [.quit])
        #expect(interview.assessment == before)
    }

    @Test func choicesSpellOutEveryAnswerWithItsMeaning() {
        let rating = Interview.choices(for: .capability("k2"), in: questionnaire)
        #expect(rating.map(\.key) == ["0", "1", "2", "3", "na"])
        #expect(rating.map(\.label) == ["not", "partially", "largely", "fully", "N/A"])
        #expect(rating.allSatisfy { $0.detail != nil })
        let placement = Interview.choices(for: .placement(.kpis), in: questionnaire)
        #expect(placement.map(\.key) == ["1", "2", "3", "4"])
        #expect(placement[2].detail == questionnaire.marker(.kpis)?.profiles[.laerEffective])
        #expect(Interview.choices(for: .roadSign("sales-admits"), in: questionnaire).map(\.label) == ["yes", "no"])
    }
}
