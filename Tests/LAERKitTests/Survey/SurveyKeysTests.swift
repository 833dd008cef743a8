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

    /// An interview at a question of each kind, with every detail known.
    func interview(
        at question: SurveyQuestion? = nil, respondent: Respondent = Respondent(name: "A", role: "B", organization: "C")
    ) -> Interview {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        assessment.period = respondent.name == nil ? nil : "2026-Q4"
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
        #expect(action(.character("4"), capability) == .event(.unknownKey("“4”")))
    }

    @Test func placementsTakeOneToFourAndRoadSignsYesOrNo() {
        let placement = interview(at: .placement(.kpis))
        #expect(action(.character("1"), placement) == .event(.answer(.phase(.traditionalTransactional))))
        #expect(action(.character("4"), placement) == .event(.answer(.phase(.laerEfficient))))
        #expect(action(.character("5"), placement) == .event(.unknownKey("“5”")))
        #expect(action(.character("n"), placement) == .event(.unknownKey("“n”")))
        let sign = interview(at: .roadSign("sales-admits"))
        #expect(action(.character("y"), sign) == .event(.answer(.yesNo(true))))
        #expect(action(.character("n"), sign) == .event(.answer(.yesNo(false))))
    }

    @Test func navigationKeys() {
        let capability = interview(at: .capability("k2"))
        let expected: [(Key, SurveyKeys.Action)] = [
            (.up, .event(.moveHighlight(-1))), (.down, .event(.moveHighlight(1))), (.enter, .event(.chooseHighlighted)),
            (.character(" "), .event(.chooseHighlighted)), (.left, .event(.back)), (.backspace, .event(.clear)),
            (.delete, .event(.clear)), (.right, .event(.forward)), (.tab, .event(.skip)), (.character("s"), .event(.skip)),
            (.character("?"), .event(.toggleHelp)), (.character("h"), .event(.toggleKeys)), (.character("m"), .event(.openJump)),
            (.character("r"), .event(.review)), (.character("a"), .event(.openNote)), (.character("q"), .event(.quit)),
            (.endOfFile, .event(.quit)), (.interrupt, .interrupt), (.control(0x0C), .redraw),
            (.escape, .event(.cancel)), (.home, .event(.unknownKey("Home"))), (.character("b"), .event(.unknownKey("“b”"))),
        ]
        for (key, result) in expected { #expect(action(key, capability) == result, "\(key)") }
    }

    @Test func aPasteIsAlwaysOnePasteNeverKeys() {
        #expect(action(.paste("fff\nlpn"), interview(at: .capability("k2"))) == .event(.paste("fff\nlpn")))
        #expect(action(.paste("q"), interview(respondent: Respondent())) == .event(.paste("q")))
    }

    @Test func typingADetailTakesEveryCharacterAndTheLineEditingKeys() {
        let typing = interview(respondent: Respondent())
        #expect(typing.mode == .typing(TextField()))
        for character in "qnx?mé 1" {
            #expect(action(.character(character), typing) == .event(.edit(.insert(String(character)))))
        }
        let expected: [(Key, Interview.Event)] = [
            (.backspace, .edit(.deleteBackward)), (.delete, .edit(.deleteForward)), (.left, .edit(.left)),
            (.right, .edit(.right)), (.home, .edit(.home)), (.end, .edit(.end)), (.control(0x01), .edit(.home)),
            (.control(0x05), .edit(.end)), (.control(0x15), .edit(.deleteToStart)), (.control(0x17), .edit(.deleteWordBackward)),
            (.control(0x0B), .edit(.deleteToEnd)), (.enter, .submitText), (.escape, .cancel), (.tab, .forward),
            (.down, .forward), (.up, .back), (.backTab, .back), (.endOfFile, .quit),
        ]
        for (key, event) in expected { #expect(action(key, typing) == .event(event), "\(key)") }
        #expect(action(.interrupt, typing) == .interrupt)
    }

    @Test func aNoteTakesEveryCharacterAndItsArrowsMoveTheCursor() {
        var noting = interview(at: .capability("k2"))
        _ = noting.handle(.answer(.rating(.fully)))
        _ = noting.handle(.back)
        _ = noting.handle(.openNote)
        #expect(action(.character("q"), noting) == .event(.edit(.insert("q"))))
        #expect(action(.left, noting) == .event(.edit(.left)))
        #expect(action(.up, noting) == .event(.unknownKey("↑")))
        #expect(action(.enter, noting) == .event(.submitText))
        #expect(action(.escape, noting) == .event(.cancel))
    }

    @Test func helpScrollsAndAnyOtherKeyLeavesIt() {
        var help = interview(at: .capability("k2"))
        _ = help.handle(.toggleHelp)
        #expect(action(.down, help) == .event(.scroll(1)))
        #expect(action(.pageUp, help) == .event(.scroll(-SurveyKeys.page)))
        #expect(action(.character(" "), help) == .event(.scroll(SurveyKeys.page)))
        #expect(action(.character("f"), help) == .event(.cancel))
        var jump = interview(at: .capability("k2"))
        _ = jump.handle(.openJump)
        #expect(action(.character("3"), jump) == .event(.jump(.compensation)))
        #expect(action(.character("9"), jump) == .event(.unknownKey("“9”")))
        #expect(action(.escape, jump) == .event(.cancel))
        #expect(action(.down, jump) == .event(.moveHighlight(1)))
    }

    @Test func theReviewsKeys() {
        var review = interview(at: .capability("k2"))
        _ = review.handle(.review)
        let expected: [(Key, Interview.Event)] = [
            (.up, .reviewMove(-1)), (.down, .reviewMove(1)), (.pageDown, .reviewMove(SurveyKeys.page)),
            (.home, .reviewMove(Int.min)), (.end, .reviewMove(Int.max)), (.enter, .openPicked),
            (.character("u"), .reviewFilter(.unanswered)), (.character("x"), .reviewFilter(.notApplicable)),
            (.character("a"), .reviewFilter(.all)), (.character("c"), .continueAnswering), (.character("f"), .finish),
            (.character("q"), .quit), (.character("h"), .toggleKeys), (.character("?"), .toggleKeys),
            (.character("1"), .unknownKey("“1”")),
        ]
        for (key, event) in expected { #expect(action(key, review) == .event(event), "\(key)") }
    }

    @Test func theWelcomesKeys() {
        var welcome = interview(respondent: Respondent())
        welcome.showWelcome()
        #expect(action(.enter, welcome) == .event(.begin))
        #expect(action(.character("q"), welcome) == .event(.quit))
        #expect(action(.character("h"), welcome) == .event(.toggleKeys))
        #expect(action(.character("l"), welcome) == .event(.unknownKey("“l”")))
    }
}
