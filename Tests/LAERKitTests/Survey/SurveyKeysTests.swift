import LAERTestSupport
import Testing

@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERTerminal
@testable import LAERValues

@Suite struct SurveyKeysTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestFiles.miniQuestionnaire()
    }

    /// An interview at a question of each kind, with name, role and organization known.
    func interview(
        at question: SurveyQuestion? = nil, respondent: Respondent = Respondent(name: "A", role: "B", organization: "C")
    ) -> Interview {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        if let question {
            while interview.currentQuestion != question { _ = interview.handle(.forward) }
        }
        return interview
    }

    func action(_ key: Key, _ interview: Interview) -> SurveyKeys.Action {
        SurveyKeys.action(for: key, in: interview)
    }

    @Test func theContractsSingleKeysRateACapability() {
        let capability = interview(at: .capability("k2"))
        let expected: [(Character, Rating)] = [
            ("n", .not), ("p", .partially), ("l", .largely), ("f", .fully), ("0", .not), ("1", .partially),
            ("2", .largely), ("3", .fully), ("x", .na), ("F", .fully), ("X", .na),
        ]
        for (character, rating) in expected {
            #expect(action(.character(character), capability) == .event(.answer(.rating(rating))), "\(character)")
        }
        #expect(action(.character("4"), capability) == .none)
    }

    @Test func placementsTakeOneToFourAndRoadSignsYesOrNo() {
        let placement = interview(at: .placement(.kpis))
        #expect(action(.character("1"), placement) == .event(.answer(.phase(.traditionalTransactional))))
        #expect(action(.character("4"), placement) == .event(.answer(.phase(.laerEfficient))))
        #expect(action(.character("5"), placement) == .none)
        #expect(action(.character("n"), placement) == .none)
        let sign = interview(at: .roadSign("sales-admits"))
        #expect(action(.character("y"), sign) == .event(.answer(.yesNo(true))))
        #expect(action(.character("n"), sign) == .event(.answer(.yesNo(false))))
    }

    @Test func navigationKeys() {
        let capability = interview(at: .capability("k2"))
        let expected: [(Key, SurveyKeys.Action)] = [
            (.up, .event(.moveHighlight(-1))), (.down, .event(.moveHighlight(1))), (.enter, .event(.chooseHighlighted)),
            (.character(" "), .event(.chooseHighlighted)), (.left, .event(.back)), (.backspace, .event(.back)),
            (.character("b"), .event(.back)), (.right, .event(.forward)), (.tab, .event(.skip)), (.character("s"), .event(.skip)),
            (.character("?"), .event(.toggleHelp)), (.character("h"), .event(.toggleHelp)), (.character("m"), .event(.openJump)),
            (.character("r"), .event(.review)), (.character("a"), .event(.openNote)), (.character("q"), .event(.quit)),
            (.endOfFile, .event(.quit)), (.interrupt, .interrupt), (.control(0x0C), .redraw), (.home, .none),
        ]
        for (key, result) in expected { #expect(action(key, capability) == result, "\(key)") }
    }

    @Test func typingARespondentDetailTakesEveryCharacter() {
        let typing = interview(respondent: Respondent())
        #expect(typing.mode == .typing(""))
        for character in "qnx?mé 1" { #expect(action(.character(character), typing) == .event(.insert(String(character)))) }
        #expect(action(.backspace, typing) == .event(.deleteBackward))
        #expect(action(.enter, typing) == .event(.submitText))
        #expect(action(.escape, typing) == .event(.cancel))
        #expect(action(.tab, typing) == .event(.skip))
        #expect(action(.left, typing) == .event(.back))
        #expect(action(.right, typing) == .event(.forward))
        #expect(action(.interrupt, typing) == .interrupt)
    }

    @Test func aNoteTakesEveryCharacterButArrowsDoNotLeaveIt() {
        var noting = interview(at: .capability("k2"))
        _ = noting.handle(.answer(.rating(.fully)))
        _ = noting.handle(.back)
        _ = noting.handle(.openNote)
        #expect(action(.character("q"), noting) == .event(.insert("q")))
        #expect(action(.left, noting) == .none)
        #expect(action(.enter, noting) == .event(.submitText))
        #expect(action(.escape, noting) == .event(.cancel))
    }

    @Test func anyKeyLeavesHelpAndTheJumpListTakesNumbers() {
        var help = interview(at: .capability("k2"))
        _ = help.handle(.toggleHelp)
        #expect(action(.character("f"), help) == .event(.toggleHelp))
        var jump = interview(at: .capability("k2"))
        _ = jump.handle(.openJump)
        #expect(action(.character("3"), jump) == .event(.jump(.compensation)))
        #expect(action(.character("9"), jump) == .none)
        #expect(action(.escape, jump) == .event(.cancel))
        #expect(action(.down, jump) == .event(.moveHighlight(1)))
    }

    @Test func theReviewTakesItsNumberedChoices() {
        var review = interview(at: .capability("k2"))
        _ = review.handle(.review)
        #expect(action(.character("1"), review) == .event(.continueAnswering))
        #expect(action(.character("2"), review) == .event(.finish))
    }
}
