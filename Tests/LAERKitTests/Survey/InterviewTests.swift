import LAERTestSupport
import Testing

@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// The interview on the mini questionnaire, 26 questions.
///
/// They are 4 details (name, role, organization, period), 5 markers × (placement + 3
/// capabilities) and 2 road signs.
@Suite struct InterviewTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestFiles.miniQuestionnaire()
    }

    func blank(_ respondent: Respondent = Respondent(), period: String? = nil) -> Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        assessment.period = period
        return assessment
    }

    /// Every detail given, so the interview opens at KPIs' placement (question 5).
    var known: Assessment { blank(Respondent(name: "Ada", role: "CRO", organization: "Northwind"), period: "2026-Q4") }

    // MARK: The plan and its numbering

    @Test func thePlanIsTheDetailsThenEachMarkerThenRoadSigns() {
        let plan = SurveyPlan(questionnaire: questionnaire)
        let expected: [SurveyQuestion] = [
            .respondent(.name), .respondent(.role), .respondent(.organization), .period, .placement(.kpis),
            .capability("k2"), .capability("k3"), .capability("k4"), .placement(.practices),
        ]
        #expect(Array(plan.questions.prefix(9)) == expected)
        #expect(plan.questions.suffix(2) == [.roadSign("sales-admits"), .roadSign("adoption-funded")])
        #expect(plan.questions.count == 4 + 20 + 2)
    }

    @Test func numberingIsTheSameWhateverTheFileAlreadyGives() {
        let fresh = Interview(questionnaire: questionnaire, assessment: blank())
        var partly = blank(Respondent(name: "Ada", organization: "Northwind"))
        partly.placements[.kpis] = .laerExperiment
        let resumed = Interview(questionnaire: questionnaire, assessment: partly)
        #expect(resumed.plan == fresh.plan)
        #expect(resumed.currentQuestion == .respondent(.role))
        #expect(resumed.questionNumber == 2)
        #expect(resumed.answeredCount == 3)
        #expect(Interview(questionnaire: questionnaire, assessment: known).questionNumber == 5)
    }

    @Test func resumeOpensAtTheFirstUnansweredQuestionAndCountsWhatIsLeft() {
        var assessment = known
        assessment.placements[.kpis] = .laerExperiment
        assessment.answers["k2"] = Answer(.largely)
        let interview = Interview(questionnaire: questionnaire, assessment: assessment)
        #expect(interview.currentQuestion == .capability("k3"))
        #expect(interview.questionNumber == 7)
        #expect(interview.unansweredCount == 20)
        #expect(interview.progress(of: .kpis) == (answered: 2, total: 4))
    }

    // MARK: Text fields

    @Test func aNewInterviewStartsTypingTheName() {
        let interview = Interview(questionnaire: questionnaire, assessment: blank())
        #expect(interview.position == .question(0))
        #expect(interview.mode == .typing(TextField()))
        #expect(interview.unansweredCount == 26)
        #expect(interview.choices.isEmpty)
    }

    @Test func typingADetailEditsAtTheCursorSavesItAndMovesOn() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        #expect(interview.handle(.edit(.insert("Aa"))) == [])
        _ = interview.handle(.edit(.left))
        _ = interview.handle(.edit(.insert("d")))
        guard case .typing(let field) = interview.mode else {
            Issue.record("not typing: \(interview.mode)")
            return
        }
        #expect(field.text == "Ada")
        #expect(field.cursor == 2)
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.respondent.name == "Ada")
        #expect(interview.currentQuestion == .respondent(.role))
    }

    @Test func theArrowsInATextFieldMoveTheCursorAndKeepTheText() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        _ = interview.handle(.edit(.insert("Ada Lovelace")))
        for _ in 0..<3 { _ = interview.handle(.edit(.left)) }
        _ = interview.handle(.edit(.right))
        #expect(interview.position == .question(0))
        guard case .typing(let field) = interview.mode else {
            Issue.record("not typing: \(interview.mode)")
            return
        }
        #expect(field.text == "Ada Lovelace")
        #expect(field.cursor == 10)
    }

    @Test func leavingATextFieldUpOrDownKeepsWhatWasTyped() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        _ = interview.handle(.edit(.insert("Ada")))
        #expect(interview.handle(.forward) == [.save])
        #expect(interview.assessment.respondent.name == "Ada")
        _ = interview.handle(.edit(.insert("CRO")))
        #expect(interview.handle(.back) == [.save])
        #expect(interview.assessment.respondent.role == "CRO")
        #expect(interview.mode == .typing(TextField("Ada")))
        #expect(interview.handle(.forward) == [])
    }

    @Test func goingToTheReviewFromATextFieldKeepsAndSavesWhatWasTyped() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        _ = interview.handle(.edit(.insert("Ada")))
        #expect(interview.handle(.review) == [.save])
        #expect(interview.assessment.respondent.name == "Ada")
        #expect(interview.review.picked == 0)
    }

    @Test func escUndoesTheEditsOfAField() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(Respondent(name: "Ada")))
        _ = interview.handle(.back)
        _ = interview.handle(.edit(.insert(" L.")))
        _ = interview.handle(.cancel)
        #expect(interview.mode == .typing(TextField("Ada")))
        #expect(interview.notice == "Undone: the text is as it was.")
        #expect(interview.assessment.respondent.name == "Ada")
    }

    @Test func aBlankDetailIsSkippedWhileErasingOneRemovesIt() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank(Respondent(role: "CRO")))
        #expect(interview.handle(.submitText) == [])
        #expect(interview.assessment.respondent.name == nil)
        #expect(interview.currentQuestion == .respondent(.organization))
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .respondent(.role))
        _ = interview.handle(.edit(.deleteToStart))
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.respondent.role == nil)
        #expect(interview.notice == "Removed: question 2 is unanswered again.")
    }

    @Test func thePeriodIsAQuestionLikeTheDetails() {
        var interview = Interview(
            questionnaire: questionnaire, assessment: blank(Respondent(name: "A", role: "B", organization: "C")))
        #expect(interview.currentQuestion == .period)
        _ = interview.handle(.edit(.insert("2026-Q4")))
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.period == "2026-Q4")
        #expect(interview.currentQuestion == .placement(.kpis))
    }

    // MARK: No answer without a choice

    @Test func sixEntersOnANewFileAnswerNothing() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        var effects: [Interview.Effect] = []
        for _ in 0..<6 { effects += interview.handle(.chooseHighlighted) }
        #expect(effects.isEmpty)
        #expect(interview.assessment == blank())
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.notice?.hasPrefix("Nothing picked yet: press 1–4") == true)
    }

    @Test func nothingIsPickedOnAnUnansweredQuestionUntilAnArrowPicksIt() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        #expect(interview.highlight == nil)
        _ = interview.handle(.moveHighlight(-1))
        #expect(interview.highlight == 3)
        for _ in 0..<9 { _ = interview.handle(.moveHighlight(-1)) }
        #expect(interview.highlight == 0)
        #expect(interview.notice == "That is the first choice.")
        _ = interview.handle(.moveHighlight(1))
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.placements[.kpis] == .laerExperiment)
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.highlight == nil)
        #expect(interview.handle(.chooseHighlighted) == [])
        #expect(interview.assessment.answers.isEmpty)
    }

    @Test func backspaceClearsAnAnswerAndItsNoteBackToUnanswered() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answerWithNote(.rating(.largely), note: "EMEA only"))
        _ = interview.handle(.back)
        #expect(interview.handle(.clear) == [.save])
        #expect(interview.assessment.answers["k2"] == nil)
        #expect(interview.notice == "Cleared with its note: question 6 is unanswered again.")
        #expect(interview.highlight == nil)
        #expect(interview.handle(.clear) == [])
        #expect(interview.notice == "Question 6 has no answer to clear.")
        _ = interview.handle(.back)
        #expect(interview.handle(.clear) == [.save])
        #expect(interview.assessment.placements.isEmpty)
    }

    // MARK: Answering and moving

    @Test func placementsRatingsAndRoadSignsAreRecordedAndSaved() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.handle(.answer(.phase(.laerEffective))) == [.save])
        #expect(interview.assessment.placements[.kpis] == .laerEffective)
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
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        #expect(interview.handle(.answer(.rating(.fully))) == [])
        #expect(interview.handle(.answer(.yesNo(true))) == [])
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.assessment == known)
    }

    @Test func backAndForwardBrowseWithThePickOnTheGivenAnswer() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.partially)))
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.highlight == 1)
        _ = interview.handle(.back)
        #expect(interview.highlight == 1)
        for _ in 0..<5 { _ = interview.handle(.back) }
        #expect(interview.position == .question(0))
        #expect(interview.notice == "This is the first question.")
        _ = interview.handle(.forward)
        #expect(interview.notice == nil)
        #expect(interview.currentQuestion == .respondent(.role))
    }

    @Test func skipSaysWhatItDid() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        #expect(interview.handle(.skip) == [])
        #expect(interview.notice == "Skipped question 5; it stays unanswered.")
        _ = interview.handle(.answer(.rating(.fully)))
        _ = interview.handle(.back)
        _ = interview.handle(.skip)
        #expect(interview.notice == "Question 6 keeps its answer.")
    }

    @Test func forwardFromTheLastQuestionAndSkipPastTheEndLeadToTheReview() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
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
        var assessment = known
        assessment.answers["k3"] = Answer(.fully)
        assessment.answers["k4"] = Answer(.not)
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.fully)))
        #expect(interview.currentQuestion == .placement(.practices))
    }

    @Test func everyKeyThatDoesNothingIsAcknowledged() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.unknownKey("“z”"))
        #expect(interview.notice == "“z” does nothing here; h lists the keys.")
        _ = interview.handle(.cancel)
        #expect(interview.notice?.hasPrefix("Esc: nothing to close here.") == true)
        _ = interview.handle(.paste("fff"))
        #expect(interview.notice?.hasPrefix("Pasted text ignored") == true)
        #expect(interview.assessment == known)
    }

    // MARK: Notes and paste

    @Test func aNoteNeedsARatingFirstAndIsKeptWithIt() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.openNote)
        #expect(interview.notice == "Notes go with a capability's rating.")
        _ = interview.handle(.skip)
        _ = interview.handle(.openNote)
        #expect(interview.notice == "Rate it first, then add a note (← goes back to note the previous answer).")
        _ = interview.handle(.answer(.rating(.partially)))
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        #expect(interview.mode == .note(TextField()))
        _ = interview.handle(.edit(.insert("Only in EMEA")))
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.partially, note: "Only in EMEA"))
        #expect(interview.notice == "Note kept.")
        _ = interview.handle(.answer(.rating(.largely)))
        #expect(interview.assessment.answers["k2"] == Answer(.largely, note: "Only in EMEA"))
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        _ = interview.handle(.edit(.insert(" and APAC")))
        _ = interview.handle(.cancel)
        #expect(interview.assessment.answers["k2"]?.note == "Only in EMEA")
        _ = interview.handle(.openNote)
        _ = interview.handle(.edit(.deleteToStart))
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.largely))
    }

    @Test func aPastedNoteWithLineBreaksChangesNoRating() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.partially)))
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        let before = interview.assessment
        _ = interview.handle(.paste("Pasted line one\nfff second line"))
        #expect(interview.assessment == before)
        #expect(interview.handle(.submitText) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.partially, note: "Pasted line one fff second line"))
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.assessment.answers.count == 1)
    }

    // MARK: Help, keys and the welcome

    @Test func helpOpensScrollsAndClosesWithoutChangingAnything() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.toggleHelp)
        #expect(interview.mode == .help(scroll: 0))
        _ = interview.handle(.scroll(5))
        _ = interview.handle(.scroll(-2))
        #expect(interview.mode == .help(scroll: 3))
        interview.limitScroll(to: 1)
        #expect(interview.mode == .help(scroll: 1))
        _ = interview.handle(.scroll(-10))
        #expect(interview.mode == .help(scroll: 0))
        _ = interview.handle(.cancel)
        #expect(interview.mode == .choosing)
        _ = interview.handle(.toggleKeys)
        #expect(interview.mode == .keys(scroll: 0))
        _ = interview.handle(.toggleKeys)
        #expect(interview.mode == .choosing)
        #expect(interview.assessment == known)
    }

    @Test func theWelcomeBeginsAtTheFirstUnansweredQuestion() {
        var interview = Interview(questionnaire: questionnaire, assessment: blank())
        interview.showWelcome()
        #expect(interview.position == .welcome)
        _ = interview.handle(.toggleHelp)
        #expect(interview.mode == .keys(scroll: 0))
        _ = interview.handle(.cancel)
        _ = interview.handle(.unknownKey("“z”"))
        #expect(interview.notice == "“z” does nothing here: Enter begins, h lists the keys, q quits.")
        _ = interview.handle(.chooseHighlighted)
        #expect(interview.position == .question(0))
        #expect(interview.assessment == blank())
    }

    // MARK: The review

    @Test func theReviewListsEveryQuestionAndFiltersTheUnansweredAndNA() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.na)))
        _ = interview.handle(.review)
        #expect(interview.position == .review)
        #expect(interview.review.picked == 6)
        #expect(interview.reviewRows.count == 26)
        _ = interview.handle(.reviewFilter(.unanswered))
        #expect(interview.reviewRows.count == 20)
        #expect(interview.notice == "Showing the 20 questions unanswered; u again shows all.")
        _ = interview.handle(.reviewFilter(.notApplicable))
        #expect(interview.reviewRows == [5])
        #expect(interview.review.picked == 5)
        _ = interview.handle(.reviewFilter(.notApplicable))
        #expect(interview.review.filter == .all)
    }

    @Test func theReviewOpensAQuestionAndComesBackAfterItIsChanged() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.na)))
        _ = interview.handle(.review)
        _ = interview.handle(.reviewMove(Int.min))
        #expect(interview.review.picked == 0)
        for _ in 0..<5 { _ = interview.handle(.reviewMove(1)) }
        #expect(interview.handle(.openPicked) == [])
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.highlight == 4)
        #expect(interview.handle(.answer(.rating(.fully))) == [.save])
        #expect(interview.position == .review)
        #expect(interview.review.picked == 5)
        #expect(interview.notice == "Question 6 changed.")
        _ = interview.handle(.reviewMove(Int.max))
        #expect(interview.review.picked == 25)
    }

    @Test func answeringFromTheUnansweredReviewPicksTheNextUnanswered() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.review)
        _ = interview.handle(.reviewFilter(.unanswered))
        #expect(interview.review.picked == 4)
        _ = interview.handle(.openPicked)
        _ = interview.handle(.answer(.phase(.laerEffective)))
        #expect(interview.position == .review)
        #expect(interview.review.picked == 5)
        #expect(interview.reviewRows.first == 5)
    }

    @Test func pastTheLastQuestionTheReviewPicksTheFirstLeftUnanswered() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.jump(.culture))
        for _ in 0..<5 { _ = interview.handle(.skip) }
        _ = interview.handle(.answer(.yesNo(true)))
        #expect(interview.position == .review)
        #expect(interview.review.picked == 4)
        _ = interview.handle(.back)
        _ = interview.handle(.forward)
        #expect(interview.review.picked == 25)
    }

    @Test func theReviewContinuesFinishesAndQuits() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.review)
        #expect(interview.handle(.quit) == [.quit])
        _ = interview.handle(.continueAnswering)
        #expect(interview.currentQuestion == .placement(.kpis))
        _ = interview.handle(.review)
        #expect(interview.handle(.finish) == [.finished])
        #expect(interview.position == .done)
        #expect(interview.handle(.back) == [])
    }

    @Test func theJumpListPicksAMarkerAtItsFirstUnansweredQuestion() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
        _ = interview.handle(.openJump)
        #expect(interview.mode == .jump)
        #expect(interview.choices.map(\.key) == ["1", "2", "3", "4", "5"])
        _ = interview.handle(.moveHighlight(1))
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

    @Test func quitAsksTheDriverToStopWithoutChangingTheAnswers() {
        var interview = Interview(questionnaire: questionnaire, assessment: known)
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
        #expect(Interview.choices(for: .period, in: questionnaire).isEmpty)
    }
}
