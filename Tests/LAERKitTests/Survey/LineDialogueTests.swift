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

    /// A dialogue on a new file; with a respondent, the period is known too, so it opens at KPIs.
    func dialogue(_ respondent: Respondent = Respondent()) -> LineDialogue {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = respondent
        assessment.period = respondent.name == nil ? nil : "2026-Q4"
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
                "Ada Lovelace", "", "Northwind", "2026-Q4",
                "maybe", "?", "experiment",
                "L", "partially only in EMEA", "",
                "9", "4",
            ], on: &dialogue)
        let assessment = dialogue.interview.assessment
        #expect(assessment.respondent == Respondent(name: "Ada Lovelace", organization: "Northwind"))
        #expect(assessment.period == "2026-Q4")
        #expect(assessment.placements == [.kpis: .laerExperiment, .practices: .laerEfficient])
        #expect(assessment.answers == ["k2": Answer(.largely), "k3": Answer(.partially, note: "only in EMEA")])
        #expect(saves == 7)
        #expect(rejected == 3)
        #expect(!transcript.contains("\u{1B}"))
        try assertSnapshot(transcript, named: "survey-line-mode.txt")
    }

    /// A line mode answer (typed, or piped in from a file) keeps no control character.
    @Test func aLineKeepsNoControlCharacter() {
        var dialogue = dialogue()
        let (transcript, _, _) = play(
            ["Dana\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{202E}", "", "Acme\u{9B}31m", "2026-Q4", "1", "p seen\u{1B}[31m here\u{8} only"],
            on: &dialogue)
        let assessment = dialogue.interview.assessment
        #expect(assessment.respondent == Respondent(name: "Dana]0;PWNED[2J", organization: "Acme31m"))
        #expect(assessment.answers["k2"] == Answer(.partially, note: "seen[31m here only"))
        let echoed = transcript.split(separator: "\n").filter { $0.hasPrefix("Recorded") }.joined()
        #expect(echoed.unicodeScalars.allSatisfy { !SafeText.isControl($0) })
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
        #expect(dialogue.prompt().contains("Your answer: Traditional Transactional; a blank line keeps it."))
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
        #expect(dialogue.prompt().contains("continue to answer the 20 questions left"))
    }

    @Test func theReviewLeadsBackToTheSkippedQuestionsOrFinishes() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive(":review")
        #expect(dialogue.interview.position == .review)
        _ = dialogue.receive("continue")
        #expect(dialogue.interview.currentQuestion == .placement(.kpis))
        for _ in 0..<22 { _ = dialogue.receive("") }
        #expect(dialogue.interview.position == .review)
        #expect(dialogue.receive("maybe").rejected)
        _ = dialogue.receive("c")
        #expect(dialogue.interview.currentQuestion == .placement(.kpis))
        for _ in 0..<22 { _ = dialogue.receive("") }
        #expect(dialogue.receive("finish").effects == [.finished])
        #expect(dialogue.interview.position == .done)
    }

    @Test func theReviewListsEveryAnswerAndOpensAQuestionByNumber() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("2")
        _ = dialogue.receive("fully, except EMEA")
        _ = dialogue.receive(":review")
        let listing = dialogue.receive("list")
        #expect(listing.rejected)
        #expect(listing.text.contains("KPIs:\n  5. Where you stand on KPIs. Answer: LAER Experiment.\n"))
        #expect(listing.text.contains("  6. We track usage. Answer: fully. Note: except EMEA\n"))
        #expect(listing.text.contains("  7. We track retention. Unanswered.\n"))
        #expect(!dialogue.receive("unanswered").text.contains("Where KPIs stand"))
        #expect(dialogue.receive("99").text == "There is no question 99; the questions are numbered 1 to 26.\n")
        _ = dialogue.receive("6")
        #expect(dialogue.interview.currentQuestion == .capability("k2"))
        _ = dialogue.receive("largely")
        #expect(dialogue.interview.position == .review)
        #expect(dialogue.interview.assessment.answers["k2"] == Answer(.largely, note: "except EMEA"))
    }

    /// The review as line mode reads it out: the prompt, every answer and note, the unanswered.
    @Test func theReviewReadsOutEveryAnswer() throws {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        let (transcript, _, _) = play(["2", "fully, except EMEA", "na", ":review", "list", "unanswered"], on: &dialogue)
        try assertSnapshot(transcript, named: "survey-line-review.txt")
    }

    @Test func aRatingMayBeFollowedByACommaOrADashBeforeTheNote() {
        for (entry, note) in [("Fully, except EMEA", "except EMEA"), ("l - EMEA lags", "EMEA lags"), ("2: in EMEA", "in EMEA")] {
            var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
            _ = dialogue.receive("1")
            #expect(!dialogue.receive(entry).rejected, "\(entry)")
            #expect(dialogue.interview.assessment.answers["k2"]?.note == note, "\(entry)")
        }
    }

    @Test func theRatingPromptShortensAfterThreeRatings() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("1")
        for _ in 0..<3 {
            #expect(dialogue.prompt().contains("a note may follow it"))
            _ = dialogue.receive("p")
        }
        _ = dialogue.receive("1")
        #expect(dialogue.prompt().hasSuffix("Your rating (? for the scale): "))
        #expect(!dialogue.prompt().contains("  0 = not"))
        #expect(dialogue.receive("?").text.contains("The scale:\n  0 = not: nothing of it exists today\n"))
    }

    @Test func aBlankLineOnAnAnsweredQuestionKeepsItAndSaysSo() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("1")
        _ = dialogue.receive(":back")
        #expect(dialogue.interview.currentQuestion == .placement(.kpis))
        let reply = dialogue.receive("")
        #expect(reply.text == "Kept: Traditional Transactional.\n")
        #expect(dialogue.interview.assessment.placements[.kpis] == .traditionalTransactional)
    }

    @Test func clearRemovesAnAnswer() {
        var dialogue = dialogue(Respondent(name: "A", role: "B", organization: "C"))
        _ = dialogue.receive("1")
        _ = dialogue.receive(":back")
        #expect(dialogue.receive(":clear").effects == [.save])
        #expect(dialogue.interview.assessment.placements.isEmpty)
        #expect(dialogue.receive(":clear").text == "There is no answer to clear here.\n")
        #expect(dialogue.receive(":frobnicate").rejected)
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

    /// A re-assessment of the mini questionnaire: last quarter placed KPIs at LAER Efficient and rated k2 and k3.
    func reassessment() -> LineDialogue {
        var last = Assessment(blankFor: questionnaire, assessedOn: "2026-09-30")
        last.placements = [.kpis: .laerEfficient]
        last.answers = ["k2": Answer(.fully, note: "Weekly dashboard"), "k3": Answer(.largely)]
        var now = Assessment(blankFor: questionnaire, assessedOn: "2026-12-31")
        now.respondent = Respondent(name: "A", role: "B", organization: "C")
        now.period = "2026-Q4"
        return LineDialogue(interview: Interview(questionnaire: questionnaire, assessment: now, previous: last))
    }

    @Test func aBlankLineKeepsLastTimesAnswerAndItsNote() {
        var dialogue = reassessment()
        #expect(
            dialogue.prompt().hasSuffix("Your choice (1 to 4 or the phase name) [last time: LAER Efficient; Enter keeps it]: "))
        var reply = dialogue.receive("")
        #expect(reply.text == "Kept: LAER Efficient.\n")
        #expect(reply.effects == [.save])
        let prompt = dialogue.prompt()
        #expect(prompt.contains("We track usage.\nLast time's note: Weekly dashboard\n"))
        #expect(prompt.hasSuffix("a note may follow it) [last time: fully; Enter keeps it]: "))
        reply = dialogue.receive("  ")
        #expect(reply.text == "Kept: fully, in place, used and kept up across the business. Note: Weekly dashboard.\n")
        #expect(dialogue.interview.assessment.placements == [.kpis: .laerEfficient])
        #expect(dialogue.interview.assessment.answers == ["k2": Answer(.fully, note: "Weekly dashboard")])
    }

    @Test func anAnswerChangesItAndSkipLeavesItUnanswered() {
        var dialogue = reassessment()
        #expect(dialogue.receive(":skip").text == "Skipped; it stays unanswered.\n")
        #expect(dialogue.interview.currentQuestion == .capability("k2"))
        let rejected = dialogue.receive("mostly")
        #expect(rejected.rejected)
        // The short prompt after a bad entry still says what a blank line keeps.
        #expect(dialogue.shortPrompt().hasSuffix("[last time: fully; Enter keeps it]: "))
        #expect(dialogue.receive("p").text == "Recorded: partially, started, in places or on paper.\n")
        #expect(dialogue.receive("L").text.hasPrefix("Recorded: largely"))
        #expect(dialogue.receive("skip").effects.isEmpty)
        // No default here: a blank line skips, as without --from.
        #expect(dialogue.interview.currentQuestion == .placement(.practices))
        #expect(!dialogue.prompt().contains("last time"))
        #expect(dialogue.receive("").text == "Skipped; it stays unanswered.\n")
        #expect(dialogue.interview.assessment.placements.isEmpty)
        #expect(dialogue.interview.assessment.answers == ["k2": Answer(.partially), "k3": Answer(.largely)])
    }

    @Test func theSameRatingAsLastTimeSaysItKeptLastTimesNote() {
        var dialogue = reassessment()
        _ = dialogue.receive(":skip")
        #expect(
            dialogue.receive("f").text
                == "Recorded: fully, in place, used and kept up across the business. Last time's note kept: Weekly dashboard.\n")
        #expect(dialogue.interview.assessment.answers["k2"] == Answer(.fully, note: "Weekly dashboard"))
    }

    @Test func oneLetterAndCommandWordsAreTextWhereADetailIsTyped() {
        var dialogue = dialogue()
        for (index, entry) in ["b", "q", "back"].enumerated() {
            let reply = dialogue.receive(entry)
            #expect(reply.effects == [.save], "\(entry)")
            #expect(dialogue.interview.questionNumber == index + 2)
        }
        #expect(dialogue.interview.assessment.respondent == Respondent(name: "b", role: "q", organization: "back"))
        _ = dialogue.receive(":back")
        #expect(dialogue.interview.currentQuestion == .respondent(.organization))
        #expect(dialogue.receive(":quit").effects == [.quit])
    }
}
