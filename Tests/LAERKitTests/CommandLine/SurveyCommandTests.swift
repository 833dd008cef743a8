import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERReports
@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERTerminal
@testable import LAERValues

/// `laer survey` in line mode, in process: scripted standard input, the answer file on disk.
@Suite struct SurveyCommandTests {
    let directory: URL
    let questionnairePath = TestFiles.fixture("mini-questionnaire.json").path
    var answerFile: String { directory.appendingPathComponent("answers.json").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-survey-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func survey(_ stdin: String, _ extra: [String] = []) -> CommandRun {
        CommandRun(["survey", answerFile, "--questionnaire", questionnairePath] + extra, stdin: stdin, environment: [:])
    }

    func saved() throws -> Assessment {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let file = try InputFile.read(path: answerFile)
        let (entries, problems) = AnswerLoader.readAll(file, questionnaire: questionnaire)
        #expect(problems.isEmpty)
        return try #require(entries.first?.assessment)
    }

    /// Every question of the mini questionnaire after the respondent's details.
    static let allAnswers = String(repeating: "2\nf\nl\np\n", count: 5) + "yes\nno\n"

    @Test func aWholeSurveyEndsWithTheSummaryAndTheOfferOfTheReport() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = survey("Ada\nCRO\nAcme\n" + Self.allAnswers + "finish\n\n", ["--period", "2026-Q4"])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(run.output.contains("New answer file \(answerFile): 26 questions"))
        #expect(run.output.contains("LAER (Land, Adopt, Expand, Renew) is how a subscription business"))
        #expect(run.output.contains("Every question is answered (26 of 26)."))
        #expect(run.output.contains("You are at LAER Effective"))
        #expect(run.output.contains("Your answers are saved in \(answerFile)."))
        #expect(run.output.contains("Enter writes \(directory.appendingPathComponent("answers.html").path); type another path"))
        #expect(run.output.contains("Wrote \(directory.appendingPathComponent("answers.html").path)\n"))
        #expect(!run.output.contains("\u{1B}"))
        let assessment = try saved()
        #expect(assessment.respondent == Respondent(name: "Ada", role: "CRO", organization: "Acme"))
        #expect(assessment.period == "2026-Q4")
        #expect(assessment.answers.count == 15)
        #expect(assessment.placements.count == 5)
        #expect(assessment.roadSigns == ["sales-admits": true, "adoption-funded": false])
        #expect(!FileManager.default.fileExists(atPath: answerFile + ".lock"))
        let html = try String(contentsOfFile: directory.appendingPathComponent("answers.html").path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func endOfInputInTheMiddleSavesAndExitsZeroAndTheNextRunResumes() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = survey("", ["--name", "Ada", "--role", "CRO", "--organization", "Acme", "--period", "2026-Q4"])
        #expect(first.exitCode == .success)
        #expect(first.output.contains("Input ended with 22 questions unanswered"))
        #expect(try saved().respondent.name == "Ada")

        let second = survey("3\nfully\n\n?\nmaybe\nl\n")
        #expect(second.exitCode == .success)
        #expect(second.output.contains("Resuming \(answerFile) at question 5 of 26, 4 answered."))
        #expect(!second.output.contains("LAER (Land, Adopt"))
        #expect(second.output.contains("\"maybe\" is not a rating."))
        #expect(second.output.contains("What counts as evidence:"))
        #expect(second.output.contains("Input ended with 19 questions unanswered"))
        let assessment = try saved()
        #expect(assessment.placements == [.kpis: .laerEffective])
        #expect(assessment.answers == ["k2": Answer(.fully), "k4": Answer(.largely)])

        let third = survey("")
        #expect(third.output.contains("Resuming \(answerFile) at question 7 of 26, 7 answered."))
        #expect(third.output.contains("We track retention."))
    }

    @Test func quitSaysWhereTheAnswersAreAndHowToGoOn() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = survey("Ada\n:quit\nnever read\n")
        #expect(run.exitCode == .success)
        #expect(run.output.contains("Saved to \(answerFile). 25 questions left; run 'laer survey \(answerFile)' to go on."))
        #expect(try saved().respondent == Respondent(name: "Ada"))
    }

    @Test func whatTheFileHoldsThatTheSurveyIgnoresIsSaidBeforeItIsRewritten() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = survey("", ["--name", "Ada", "--role", "CRO", "--organization", "Acme", "--period", "2026-Q4"])
        var text = try String(contentsOfFile: answerFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"schema\"", with: "\"reviewer\": \"Bob\",\n  \"schema\"")
        try text.write(toFile: answerFile, atomically: true, encoding: .utf8)
        let run = survey("2\n")
        #expect(run.exitCode == .success)
        #expect(
            run.errorOutput == """
                \(answerFile): reviewer: warning: unknown member "reviewer" is ignored
                \(answerFile): the survey rewrites this file with each answer, so what is ignored above will not be kept

                """)
        #expect(try saved().placements == [.kpis: .laerExperiment])
    }

    @Test func aFileOfAnotherQuestionnaireIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try Array(
            AnswerTemplate.json(for: try QuestionnaireLoader.load(QuestionnaireLoader.builtInFile), today: "2026-11-30").utf8
        )
        .withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: answerFile)) }
        let run = survey("1\n")
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains(answerFile))
        #expect(!FileManager.default.fileExists(atPath: answerFile + ".lock"))
    }

    @Test func aLockInAMissingDirectoryIsRefusedWithWhatToDo() {
        let run = CommandRun(["survey", "/nonexistent-laer-dir/answers.json", "--questionnaire", questionnairePath], stdin: "")
        #expect(run.exitCode == .cannotCreate)
        #expect(run.errorOutput.contains("create the directory first"))
    }

    @Test func aFailedSaveKeepsTheAnswersAndOffersAnotherPath() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let questionnaire = try TestFiles.miniQuestionnaire()
        let doomed = directory.appendingPathComponent("doomed")
        try FileManager.default.createDirectory(at: doomed, withIntermediateDirectories: true)
        let store = try AnswerStore.open(
            path: doomed.appendingPathComponent("a.json").path, questionnaire: questionnaire, today: "2026-11-30")
        defer { store.close() }
        // The directory goes away under the survey, as a removed USB stick or network share would.
        try FileManager.default.removeItem(at: doomed)
        let rescue = directory.appendingPathComponent("rescue.json").path
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = Respondent(name: "A", role: "B", organization: "C")
        assessment.period = "2026-Q4"
        var transcript = ""
        var session = LineSurvey(
            dialogue: LineDialogue(interview: Interview(questionnaire: questionnaire, assessment: assessment)),
            saver: store, source: BufferedLineSource(Array("2\n/nonexistent-laer-dir/x.json\n\(rescue)\nf\n".utf8)),
            write: { transcript += $0 })
        #expect(session.run() == .stopped)
        #expect(transcript.contains("the answers could not be saved"))
        #expect(transcript.contains("Your answers are kept in memory. Type another path"))
        #expect(transcript.contains("create the directory first"))
        #expect(transcript.contains("Saved to \(rescue); every answer from now on goes there."))
        #expect(store.path == rescue)
        let file = try InputFile.read(path: rescue)
        let reloaded = try #require(AnswerLoader.readAll(file, questionnaire: questionnaire).entries.first?.assessment)
        #expect(reloaded.placements == [.kpis: .laerExperiment])
        #expect(reloaded.answers == ["k2": Answer(.fully)])
    }

    @Test func answersThatCouldNotBeSavedAreRescuedWhenTheSurveyEnds() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = survey("", ["--name", "Ada", "--role", "CRO", "--organization", "Acme", "--period", "2026-Q4"])
        #expect(chmod(answerFile, 0o444) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: answerFile))
        let run = CommandRun(
            ["survey", answerFile, "--questionnaire", questionnairePath], stdin: "3\n\nf\n\n",
            environment: ["TMPDIR": directory.path])
        #expect(run.exitCode == .success)
        #expect(run.output.contains("is read-only, so the survey will not replace it"))
        #expect(run.output.contains("Going on without saving; the next answer tries again."))
        // In process, the survey's pid is the test's.
        let rescue = "\(directory.path)/laer-survey-rescue-\(getpid()).json"
        #expect(
            run.errorOutput == "\nThe last answers could not be saved to \(answerFile); all of them are in \(rescue) instead.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: answerFile)) == before)
        let rescued = try InputFile.read(path: rescue)
        let assessment = try #require(
            AnswerLoader.readAll(rescued, questionnaire: try TestFiles.miniQuestionnaire()).entries.first?.assessment)
        #expect(assessment.placements == [.kpis: .laerEffective])
        #expect(assessment.answers == ["k2": Answer(.fully)])
        #expect(assessment.respondent.name == "Ada")
    }

    @Test func fullScreenOnlyOnTwoTerminalsWithNothingAskingForLineMode() {
        func full(
            plain: Bool = false, _ environment: [String: String] = ["TERM": "xterm"], input: Bool = true, output: Bool = true
        ) -> Bool {
            SurveyCommand.usesFullScreen(plain: plain, environment: environment, inputIsTerminal: input, outputIsTerminal: output)
        }
        #expect(full())
        #expect(full([:]))
        #expect(full(["ACCESSIBLE": ""]))
        #expect(!full(plain: true))
        #expect(!full(["TERM": "xterm", "ACCESSIBLE": "1"]))
        #expect(!full(["TERM": "dumb"]))
        #expect(!full(input: false))
        #expect(!full(output: false))
    }

    @Test func lineModeAsksPlainQuestions() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = CommandRun(["survey", answerFile, "--questionnaire", questionnairePath], stdin: "")
        #expect(run.output.contains("Question 1 of 26 (0 answered). About you."))
        #expect(!run.output.contains("\u{1B}"))
    }
}
