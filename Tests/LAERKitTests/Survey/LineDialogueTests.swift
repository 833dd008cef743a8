import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERSurvey
@testable import LAERValues

@Suite struct LineDialogueTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestFiles.miniQuestionnaire()
    }

    func dialogue(_ respondent: Respondent = Respondent()) -> LineDialogue {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        return LineDialogue(interview: Interview(questionnaire: questionnaire, assessment: assessment))
    }

    /// Plays lines as a reader would type them and returns the transcript, prompts included.
    func play(_ lines: [String], on dialogue: inout LineDialogue) -> (transcript: String, saves: Int, rejected: Int) {
        var transcript = dialogue.prompt()
        var saves = 0
        var rejected = 0
        for line in lines {
            transcript += line + "\n"
            let reply = dialogue.receive(line)
            transcript += reply.text
            saves += reply.effects.count { $0 == .save }
            if reply.rejected {
                rejected += 1
                transcript += dialogue.shortPrompt()
            } else if !reply.effects.contains(.quit) {
                transcript += dialogue.prompt()
            }
        }
        return (transcript, saves, rejected)
    }

    @Test func aScriptedInterviewWithBadEntriesHelpBlanksAndNotes() throws {
        var dialogue = dialogue()
        let (transcript, saves, rejected) = play(
            [
                "Ada Lovelace", "", "Northwind",
                "maybe", "?", "experiment",
                "L", "partially only in EMEA", "",
                "9", "4",
            ], on: &dialogue)
        let assessment = dialogue.interview.assessment
        #expect(assessment.respondent == Respondent(name: "Ada Lovelace", organization: "Northwind"))
        #expect(assessment.placements == [.kpis: .laerExperiment, .practices: .laerEfficient])
        #expect(assessment.answers == ["k2": Answer(.largely), "k3": Answer(.partially, note: "only in EMEA")])
        #expect(saves == 6)
        #expect(rejected == 3)
        #expect(!transcript.contains("\u{1B}"))
        try assertSnapshot(transcript, named: "survey-line-mode.txt")
    }

    @Test func everyRatingSpellingIsAccepted() {
        for (entry, rating) in [
            ("fully", Rating.fully), ("F", .fully), ("3", .fully), ("na", .na), ("N/A", .na), ("x", .na),
            ("not", .not), ("n", .not), ("0", .not), ("Partially", .partially),
        ] {
            var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
            _ = dialogue.receive("1")
            let reply = dialogue.receive(entry)
            #expect(reply.effects == [.save], "\(entry)")
            #expect(dialogue.interview.assessment.answers["k2"]?.rating == rating, "\(entry)")
            #expect(reply.text.hasPrefix("Recorded: \(rating.label)"))
        }
    }

    @Test func aWrongRatingSaysWhatIsAcceptedAndAsksAgain() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("1")
        let reply = dialogue.receive("mostly")
        #expect(reply.rejected)
        #expect(reply.effects.isEmpty)
        #expect(reply.text == "\"mostly\" is not a rating. Type \(AnswerRules.ratingSpellings), then a note if you like.\n")
        #expect(dialogue.interview.currentQuestion == .capability("k2"))
        #expect(dialogue.shortPrompt().hasPrefix("Your rating"))
    }

    @Test func placementsTakeTheNumberOrAnUnambiguousPhaseWord() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        #expect(dialogue.receive("laer").rejected)
        #expect(dialogue.receive("5").rejected)
        #expect(!dialogue.receive("Traditional Transactional").rejected)
        #expect(dialogue.interview.assessment.placements[.kpis] == .traditionalTransactional)
        _ = dialogue.receive("back")
        #expect(dialogue.interview.currentQuestion == .placement(.kpis))
        #expect(dialogue.prompt().contains("Answered before: Traditional Transactional."))
        _ = dialogue.receive("effective")
        #expect(dialogue.interview.assessment.placements[.kpis] == .laerEffective)
    }

    @Test func roadSignsTakeYesOrNo() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        for _ in 0..<20 { _ = dialogue.receive("") }
        #expect(dialogue.interview.currentQuestion == .roadSign("sales-admits"))
        #expect(dialogue.prompt().contains("  y = yes"))
        let wrong = dialogue.receive("perhaps")
        #expect(wrong.text == "\"perhaps\" is not one of the choices. Type yes or no.\n")
        _ = dialogue.receive("Yes")
        _ = dialogue.receive("n")
        #expect(dialogue.interview.assessment.roadSigns == ["sales-admits": true, "adoption-funded": false])
        #expect(dialogue.interview.position == .review)
        #expect(dialogue.prompt().contains("  1 = Answer the 20 questions left"))
    }

    @Test func theReviewLeadsBackToTheSkippedQuestionsOrFinishes() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("review")
        _ = dialogue.receive("1")
        for _ in 0..<22 { _ = dialogue.receive("") }
        #expect(dialogue.interview.position == .review)
        #expect(dialogue.receive("3").rejected)
        _ = dialogue.receive("1")
        #expect(dialogue.interview.currentQuestion == .placement(.kpis))
        for _ in 0..<22 { _ = dialogue.receive("") }
        #expect(dialogue.receive("2").effects == [.finished])
        #expect(dialogue.interview.position == .done)
    }

    @Test func quitStopsAndEndOfInputSaysWhatIsLeft() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("2")
        #expect(dialogue.receive("quit").effects == [.quit])
        #expect(dialogue.endOfInput() == "\nInput ended with 21 questions unanswered; run the survey again to go on.\n")
    }

    @Test func helpIsShownAndTheQuestionStays() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("1")
        let reply = dialogue.receive("?")
        #expect(reply.rejected)
        #expect(reply.text.hasPrefix("What counts as evidence: "))
        #expect(dialogue.interview.currentQuestion == .capability("k2"))
    }
}
