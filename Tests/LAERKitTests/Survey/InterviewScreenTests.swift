import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERTerminal
@testable import LAERValues

/// Golden screens of the built-in questionnaire at 80×24 and 60×20, framed so the snapshot shows
/// the terminal's edges.
@Suite struct InterviewScreenTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(QuestionnaireLoader.builtInFile)
    }

    /// The states an executive sees, built by the same events the keys send.
    func states() -> [(String, Interview)] {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = Respondent(name: "Ada Lovelace", role: "CRO")
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        var result: [(String, Interview)] = []
        var welcome = interview
        welcome.showWelcome()
        result.append(("welcome", welcome))
        _ = welcome.handle(.toggleKeys)
        result.append(("keys", welcome))
        _ = interview.handle(.edit(.insert("Northwind Traders")))
        for _ in 0..<8 { _ = interview.handle(.edit(.left)) }
        result.append(("typing", interview))
        _ = interview.handle(.submitText)
        result.append(("period", interview))
        _ = interview.handle(.edit(.insert("2026-Q4")))
        _ = interview.handle(.submitText)
        result.append(("placement, nothing picked", interview))
        _ = interview.handle(.chooseHighlighted)
        result.append(("enter with nothing picked", interview))
        _ = interview.handle(.moveHighlight(1))
        _ = interview.handle(.moveHighlight(1))
        result.append(("placement, picked", interview))
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.largely)))
        _ = interview.handle(.back)
        _ = interview.handle(.moveHighlight(1))
        result.append(("capability", interview))
        _ = interview.handle(.toggleHelp)
        result.append(("help", interview))
        _ = interview.handle(.cancel)
        _ = interview.handle(.openNote)
        _ = interview.handle(.paste("Only for the enterprise segment,\nnot for SMB"))
        result.append(("note", interview))
        _ = interview.handle(.submitText)
        result.append(("noted", interview))
        _ = interview.handle(.paste("fff"))
        result.append(("paste outside a field", interview))
        _ = interview.handle(.openJump)
        result.append(("jump", interview))
        _ = interview.handle(.jump(.culture))
        _ = interview.handle(.review)
        result.append(("review", interview))
        _ = interview.handle(.reviewMove(Int.min))
        result.append(("review, top", interview))
        _ = interview.handle(.reviewFilter(.unanswered))
        result.append(("review, unanswered", interview))
        return result
    }

    func framed(_ lines: [String], width: Int) -> String {
        let edge = "+" + String(repeating: "-", count: width) + "+"
        return ([edge] + lines.map { "|" + $0.padded(to: width) + "|" } + [edge]).joined(separator: "\n") + "\n"
    }

    @Test(arguments: [(80, 24), (60, 20)])
    func goldenScreens(width: Int, height: Int) throws {
        let screen = InterviewScreen(width: width, height: height, style: PlainText())
        var text = ""
        for (name, interview) in states() {
            let lines = screen.render(interview)
            #expect(lines.count == height, "\(name) has \(lines.count) lines")
            for line in lines { #expect(line.count <= width, "\(name): \(line)") }
            text += "\(name)\n" + framed(lines, width: width) + "\n"
        }
        try assertSnapshot(text, named: "survey-screens-\(width)x\(height).txt")
    }

    @Test func colourOnlyWhenTheStyleAllowsIt() {
        let interview = states().first { $0.0 == "capability" }!.1
        let plain = InterviewScreen(width: 80, height: 24, style: PlainText()).render(interview)
        let coloured = InterviewScreen(width: 80, height: 24, style: ANSIStyle(colorEnabled: true)).render(interview)
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains("\u{1B}[36m"))
        #expect(coloured.count == plain.count)
    }

    @Test func theHighlightedChoiceIsMarkedWithoutColour() {
        let interview = states().first { $0.0 == "capability" }!.1
        let lines = InterviewScreen(width: 80, height: 24, style: PlainText()).render(interview)
        #expect(lines.contains { $0.hasPrefix(" › 3  fully") })
        #expect(lines.contains { $0.hasPrefix("   2  largely ✓") })
    }

    @Test func aTinyTerminalIsAskedToGrowWithinItsWidth() {
        for (_, interview) in states() {
            let lines = InterviewScreen(width: 20, height: 8, style: PlainText()).render(interview)
            #expect(lines.count == 8)
            #expect(lines.allSatisfy { $0.count <= 20 })
            #expect(lines[0].hasPrefix(" Make the window"))
        }
    }

    @Test func helpNamesWhereACapabilityComesFromNeverItsFile() {
        for capability in questionnaire.capabilities {
            let help = SurveyWording.help(for: .capability(capability.id), in: questionnaire)
            #expect(!help.contains(capability.source.file), "\(capability.id)")
            #expect(!help.contains(".txt"), "\(capability.id)")
            #expect(help.contains("Where it comes from"), "\(capability.id)")
            // The work by author and title, from the questionnaire's references.
            let reference = questionnaire.references.first { $0.file == capability.source.file }
            #expect(reference != nil, "\(capability.id)")
            if let reference {
                #expect(
                    help.contains("\(capability.source.basis.phrase) \(reference.author), “\(reference.title)”"),
                    "\(capability.id)")
            }
        }
    }

    @Test func theWindowTooSmallScreen() throws {
        let interview = states().first { $0.0 == "capability" }!.1
        let lines = InterviewScreen(width: 30, height: 10, style: PlainText()).render(interview)
        try assertSnapshot(framed(lines, width: 30), named: "survey-screen-too-small.txt")
    }

    @Test func atTheMinimumSizeEveryChoiceStillShows() {
        let minimum = InterviewScreen.minimumSize
        let screen = InterviewScreen(width: minimum.columns, height: minimum.rows, style: PlainText())
        for (name, interview) in states() where interview.currentQuestion?.isChoice == true && interview.mode == .choosing {
            let lines = screen.render(interview)
            #expect(lines.count == minimum.rows, "\(name)")
            for choice in interview.choices {
                let key = choice.key == "na" ? "x" : choice.key
                #expect(lines.contains { $0.dropFirst(3).hasPrefix(key + "  " + choice.label) }, "\(name): \(lines)")
            }
        }
    }

    @Test func aWideTerminalKeepsTheTextToAReadingWidth() {
        for (_, interview) in states() {
            let lines = InterviewScreen(width: 200, height: 50, style: PlainText()).render(interview)
            #expect(lines.allSatisfy { $0.count <= InterviewScreen.readingWidth })
        }
    }

    @Test func helpLongerThanTheScreenScrollsToItsEnd() {
        var interview = states().first { $0.0 == "help" }!.1
        let screen = InterviewScreen(width: 60, height: 16, style: PlainText())
        let first = screen.render(interview)
        #expect(first.contains { $0.contains("more lines: ↓ or Space scrolls") })
        let limit = screen.scrollLimit(interview)
        #expect(limit > 0)
        _ = interview.handle(.scroll(100))
        interview.limitScroll(to: limit)
        let last = screen.render(interview)
        #expect(last.contains(" (the end)"))
        #expect(last.contains { $0.contains("Where it comes from") })
        #expect(!first.contains { $0.contains("Where it comes from") })
    }

    /// The mini questionnaire re-assessed: last quarter rated k2 fully, with a note.
    func reassessment() throws -> Interview {
        let mini = try TestFiles.miniQuestionnaire()
        var last = Assessment(blankFor: mini, assessedOn: "2026-09-30")
        last.placements = [.kpis: .laerEfficient]
        last.answers = ["k2": Answer(.fully, note: "Weekly dashboard")]
        var now = Assessment(blankFor: mini, assessedOn: "2026-12-31")
        now.respondent = Respondent(name: "Ada", role: "CRO", organization: "Northwind")
        now.period = "2026-Q4"
        return Interview(questionnaire: mini, assessment: now, previous: last)
    }

    @Test func aReassessmentMarksLastTimesChoiceAndSaysEnterKeepsIt() throws {
        var interview = try reassessment()
        let screen = InterviewScreen(width: 80, height: 24, style: PlainText())
        var lines = screen.render(interview)
        #expect(lines.contains { $0.hasPrefix(" › 4  LAER Efficient (last time): Lifetime value.") }, "\(lines)")
        #expect(lines.contains(" Last time: LAER Efficient; Enter keeps it, a key changes it."))
        _ = interview.handle(.chooseHighlighted)
        lines = screen.render(interview)
        #expect(lines.contains { $0.hasPrefix(" › 3  fully (last time)    in place, used and kept up") }, "\(lines)")
        #expect(lines.contains(" Last time: fully; Enter keeps it, a key changes it."))
        #expect(lines.contains(" Last time's note: Weekly dashboard"))
        // Off the default, Enter picks what is highlighted: the screen no longer says it keeps last time's.
        _ = interview.handle(.moveHighlight(-1))
        lines = screen.render(interview)
        #expect(lines.contains(" Last time: fully."))
        _ = interview.handle(.moveHighlight(1))
        _ = interview.handle(.chooseHighlighted)
        _ = interview.handle(.back)
        lines = screen.render(interview)
        // Kept: the note is the respondent's now, and the default line is gone.
        #expect(lines.contains { $0.hasPrefix(" › 3  fully ✓ (last time)") })
        #expect(!lines.contains { $0.hasPrefix(" Last time") })
        #expect(lines.contains(" Your note: Weekly dashboard"))
        for (width, height) in [(80, 24), (60, 20)] {
            let rendered = InterviewScreen(width: width, height: height, style: PlainText()).render(interview)
            #expect(rendered.count == height)
            #expect(rendered.allSatisfy { $0.count <= width })
        }
        #expect(InterviewScreen(width: 20, height: 8, style: PlainText()).render(interview).allSatisfy { $0.count <= 20 })
    }

    @Test func withoutLastTimeNothingSaysLastTime() {
        for (_, interview) in states() {
            let lines = InterviewScreen(width: 80, height: 24, style: PlainText()).render(interview)
            #expect(!lines.joined().contains("last time"))
            #expect(!lines.joined().contains("Last time"))
        }
    }
}
