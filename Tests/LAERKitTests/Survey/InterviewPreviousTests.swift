import LAERTestSupport
import Testing

@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// A re-assessment: last time's answers are each question's default, highlighted so that Enter
/// keeps one, and recorded only when kept.
@Suite struct InterviewPreviousTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestFiles.miniQuestionnaire()
    }

    var known: Respondent { Respondent(name: "Ada", role: "CRO", organization: "Northwind") }

    /// Last quarter: KPIs placed at LAER Efficient, its three capabilities rated, one road sign.
    var lastQuarter: Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-09-30")
        assessment.respondent = known
        assessment.period = "2026-Q3"
        assessment.placements = [.kpis: .laerEfficient]
        assessment.answers = ["k2": Answer(.fully, note: "Weekly dashboard"), "k3": Answer(.largely), "k4": Answer(.not)]
        assessment.roadSigns = ["sales-admits": false]
        return assessment
    }

    func reassessment() -> Interview {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-12-31")
        assessment.respondent = known
        assessment.period = "2026-Q4"
        return Interview(questionnaire: questionnaire, assessment: assessment, previous: lastQuarter)
    }

    @Test func theHighlightStartsOnLastTimesAnswer() {
        let interview = reassessment()
        #expect(interview.currentQuestion == .placement(.kpis))
        #expect(interview.highlight == 3)
        #expect(interview.defaultAnswer(to: .placement(.kpis)) == .phase(.laerEfficient))
        #expect(interview.defaultAnswer(to: .placement(.practices)) == nil)
        #expect(interview.previousAnswer(to: .respondent(.name)) == nil)
        #expect(interview.assessment.placements.isEmpty)
        #expect(interview.assessment.answers.isEmpty)
    }

    @Test func enterKeepsLastTimesAnswerAndItsNote() {
        var interview = reassessment()
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.placements == [.kpis: .laerEfficient])
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.highlight == Rating.allCases.firstIndex(of: .fully))
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.fully, note: "Weekly dashboard"))
    }

    @Test func aKeyChangesTheAnswerAndLeavesLastTimesNoteBehind() {
        var interview = reassessment()
        _ = interview.handle(.chooseHighlighted)
        #expect(interview.handle(.answer(.rating(.partially))) == [.save])
        #expect(interview.assessment.answers["k2"] == Answer(.partially))
        // Moving the highlight off the default and pressing Enter changes it too.
        _ = interview.handle(.moveHighlight(-1))
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.answers["k3"] == Answer(.partially))
    }

    @Test func theSameRatingByItsKeyIsLastTimesAnswerKeptWithItsNote() {
        var interview = reassessment()
        _ = interview.handle(.skip)
        _ = interview.handle(.answer(.rating(.fully)))
        #expect(interview.assessment.answers["k2"] == Answer(.fully, note: "Weekly dashboard"))
    }

    @Test func aNoteGivenNowReplacesLastTimes() {
        var interview = reassessment()
        _ = interview.handle(.skip)
        _ = interview.handle(.answerWithNote(.rating(.fully), note: "Now daily"))
        #expect(interview.assessment.answers["k2"] == Answer(.fully, note: "Now daily"))
    }

    @Test func aNoteRemovedThisTimeIsNotBroughtBackByRatingAgain() {
        var interview = reassessment()
        _ = interview.handle(.skip)
        _ = interview.handle(.chooseHighlighted)
        _ = interview.handle(.back)
        _ = interview.handle(.openNote)
        #expect(interview.mode == .note(TextField("Weekly dashboard")))
        for _ in 0..<"Weekly dashboard".count { _ = interview.handle(.edit(.deleteBackward)) }
        #expect(interview.handle(.submitText) == [.save])
        _ = interview.handle(.answer(.rating(.fully)))
        #expect(interview.assessment.answers["k2"] == Answer(.fully))
    }

    @Test func skippedAndUnvisitedQuestionsAreNeverRecorded() {
        var interview = reassessment()
        #expect(interview.handle(.skip) == [])
        _ = interview.handle(.forward)
        #expect(interview.currentQuestion == .capability("k3"))
        _ = interview.handle(.answer(.rating(.not)))
        _ = interview.handle(.jump(.culture))
        _ = interview.handle(.review)
        _ = interview.handle(.openJump)
        _ = interview.handle(.cancel)
        #expect(interview.handle(.quit) == [.quit])
        #expect(interview.assessment.placements.isEmpty)
        #expect(interview.assessment.answers == ["k3": Answer(.not)])
        #expect(interview.assessment.roadSigns.isEmpty)
        #expect(interview.assessment.period == "2026-Q4")
        #expect(interview.unansweredCount == 21)
    }

    @Test func anAnswerGivenThisTimeIsNoLongerADefault() {
        var interview = reassessment()
        _ = interview.handle(.skip)
        _ = interview.handle(.answer(.rating(.partially)))
        _ = interview.handle(.back)
        #expect(interview.currentQuestion == .capability("k2"))
        #expect(interview.defaultAnswer(to: .capability("k2")) == nil)
        #expect(interview.previousAnswer(to: .capability("k2")) == .rating(.fully))
        #expect(interview.highlight == Rating.allCases.firstIndex(of: .partially))
    }

    @Test func aResumedReassessmentOpensAtTheFirstUnansweredQuestionWithItsDefault() {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-12-31")
        assessment.respondent = known
        assessment.period = "2026-Q4"
        assessment.placements = [.kpis: .laerEffective]
        assessment.answers = ["k2": Answer(.largely)]
        let interview = Interview(questionnaire: questionnaire, assessment: assessment, previous: lastQuarter)
        #expect(interview.currentQuestion == .capability("k3"))
        #expect(interview.defaultAnswer(to: .capability("k3")) == .rating(.largely))
        #expect(interview.highlight == Rating.allCases.firstIndex(of: .largely))
    }

    @Test func roadSignsKeepLastTimesYesOrNo() {
        var interview = reassessment()
        _ = interview.handle(.jump(.culture))
        for _ in 0..<4 { _ = interview.handle(.skip) }
        #expect(interview.currentQuestion == .roadSign("sales-admits"))
        #expect(interview.highlight == 1)
        #expect(interview.handle(.chooseHighlighted) == [.save])
        #expect(interview.assessment.roadSigns == ["sales-admits": false])
        #expect(interview.defaultAnswer(to: .roadSign("adoption-funded")) == nil)
    }
}
