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

    /// A few states an executive sees, built by the same events the keys send.
    func states() -> [(String, Interview)] {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = Respondent(name: "Ada Lovelace", role: "CRO")
        var interview = Interview(questionnaire: questionnaire, assessment: assessment)
        var result: [(String, Interview)] = []
        _ = interview.handle(.insert("Northwind"))
        result.append(("typing", interview))
        _ = interview.handle(.submitText)
        _ = interview.handle(.moveHighlight(1))
        result.append(("placement", interview))
        _ = interview.handle(.answer(.phase(.laerExperiment)))
        _ = interview.handle(.answer(.rating(.largely)))
        _ = interview.handle(.back)
        _ = interview.handle(.moveHighlight(1))
        result.append(("capability", interview))
        _ = interview.handle(.toggleHelp)
        result.append(("help", interview))
        _ = interview.handle(.toggleHelp)
        _ = interview.handle(.openNote)
        _ = interview.handle(.insert("Only for the enterprise segment"))
        result.append(("note", interview))
        _ = interview.handle(.submitText)
        result.append(("noted", interview))
        _ = interview.handle(.openJump)
        result.append(("jump", interview))
        _ = interview.handle(.jump(.culture))
        _ = interview.handle(.review)
        result.append(("review", interview))
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
        let (_, interview) = states()[2]
        let plain = InterviewScreen(width: 80, height: 24, style: PlainText()).render(interview)
        let coloured = InterviewScreen(width: 80, height: 24, style: ANSIStyle(colorEnabled: true)).render(interview)
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains("\u{1B}[36m"))
        #expect(coloured.count == plain.count)
    }

    @Test func theHighlightedChoiceIsMarkedWithoutColour() {
        let (_, interview) = states()[2]
        let lines = InterviewScreen(width: 80, height: 24, style: PlainText()).render(interview)
        #expect(lines.contains { $0.hasPrefix(" › 3  fully") })
        #expect(lines.contains { $0.hasPrefix("   2  largely ✓") })
    }

    @Test func aTinyTerminalStillGetsEveryLineWithinItsWidth() {
        for (_, interview) in states() {
            let lines = InterviewScreen(width: 20, height: 8, style: PlainText()).render(interview)
            #expect(lines.allSatisfy { $0.count <= 20 })
        }
    }
}
