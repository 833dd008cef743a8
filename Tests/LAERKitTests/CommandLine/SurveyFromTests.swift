import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// `laer survey NEW --from PREVIOUS` in line mode, through `CommandRegistry.run`, with the files in memory.
///
/// PREVIOUS is the mini answers fixture: KPIs placed at LAER Efficient, k2 fully (with a note),
/// k3 largely, k4 not; practices not placed.
@Suite struct SurveyFromTests {
    static let today = "2027-03-02"

    static func files() throws -> InMemoryFiles {
        InMemoryFiles([
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
            "prev.json": Array(try TestFiles.fixtureText("answers-mini.json").utf8),
            "wide.csv": Array(try TestFiles.fixtureText("wide-mini.csv").utf8),
            "sheet.csv": Array(try TestFiles.fixtureText("sheet-libreoffice-mini.csv").utf8),
        ])
    }

    static func survey(_ stdin: String, _ extra: [String] = [], files: InMemoryFiles) -> CommandRun {
        CommandRun(
            ["survey", "new.json", "--questionnaire", "q.json"] + extra, stdin: stdin, files: files, today: today)
    }

    static func saved(_ files: InMemoryFiles, _ path: String = "new.json") throws -> Assessment {
        let questionnaire = try QuestionnaireLoader.load(try files.read("q.json"))
        return try AnswerLoader.load(try files.read(path), questionnaire: questionnaire)
    }

    @Test func blankLinesKeepLastTimesAnswersAndEverythingElseIsAsTyped() throws {
        let files = try Self.files()
        let run = Self.survey("\n\n\nn\n:skip\nskip\n", ["--from", "prev.json"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(run.errorOutput == "")
        #expect(
            run.output.hasPrefix(
                "New answer file new.json: 26 questions; last time's answers from prev.json are the defaults; each answer is saved as you go.\nLAER (Land, Adopt, Expand, Renew)"
            ))
        #expect(run.output.contains("where you left off.\n" + LineDialogue.reassessmentHelp + "\n"))
        #expect(run.output.contains("Your choice (1 to 4 or the phase name) [last time: LAER Efficient; Enter keeps it]: "))
        #expect(run.output.contains("Kept: LAER Efficient.\n"))
        #expect(run.output.contains("Kept: fully, in place, used and kept up across the business. Note: Usage dashboard"))
        #expect(run.output.contains("Input ended with 20 questions unanswered"))
        #expect(run.output.contains("run 'laer survey new.json --from prev.json' to go on"))

        let saved = try Self.saved(files)
        // The respondent carries over; the date is today's and the period is not last time's.
        #expect(saved.respondent == Respondent(name: "Zoë Müller", role: "CRO", organization: "Acme, Inc."))
        #expect(saved.assessedOn == Self.today)
        #expect(saved.period == nil)
        #expect(saved.placements == [.kpis: .laerEfficient])
        #expect(saved.answers == ["k2": Answer(.fully, note: "Usage dashboard, \"weekly\"."), "k3": Answer(.not)])
        #expect(saved.roadSigns.isEmpty)
        #expect(try Self.saved(files, "prev.json").assessedOn == "2026-11-25")
    }

    @Test func flagsOverrideLastTimesRespondentAndGiveThePeriod() throws {
        let files = try Self.files()
        let run = Self.survey(
            "", ["--from", "prev.json", "--name", "Grace Hopper", "--period", "2027-Q1"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let saved = try Self.saved(files)
        #expect(saved.respondent == Respondent(name: "Grace Hopper", role: "CRO", organization: "Acme, Inc."))
        #expect(saved.period == "2027-Q1")
        #expect(saved.answers.isEmpty && saved.placements.isEmpty)
    }

    @Test func aSecondRunResumesWithTheDefaultsAndARunWithoutThemWorksAsEver() throws {
        let files = try Self.files()
        _ = Self.survey("\n\n\n:skip\n", ["--from", "prev.json", "--period", "2027-Q1"], files: files)
        #expect(try Self.saved(files).answers.count == 2)

        let again = Self.survey("\n", ["--from", "prev.json"], files: files)
        #expect(again.exitCode == .success, "\(again.errorOutput)")
        #expect(
            again.output.hasPrefix(
                "Resuming new.json at question 8 of 26, 7 answered; last time's answers from prev.json are the defaults.\n"
            ))
        #expect(again.output.contains("We track lifetime value."))
        #expect(again.output.contains("[last time: not; Enter keeps it]: Kept: not"))
        #expect(try Self.saved(files).answers["k4"] == Answer(.not))

        let plain = Self.survey("\n", [], files: files)
        #expect(plain.exitCode == .success, "\(plain.errorOutput)")
        #expect(
            plain.output.hasPrefix("Resuming new.json at question 9 of 26, 8 answered.\n" + LineDialogue.commandsHelp))
        #expect(!plain.output.contains("last time"))
        #expect(plain.output.contains("Skipped; it stays unanswered."))
        #expect(plain.output.contains("run 'laer survey new.json' to go on"))
        #expect(try Self.saved(files).placements == [.kpis: .laerEfficient])
    }

    @Test func anExistingFileWithAnswersKeepsItsOwnRespondent() throws {
        let files = try Self.files()
        _ = Self.survey("2\n", ["--name", "Ada", "--role", "CEO", "--organization", "Acme"], files: files)
        let run = Self.survey("", ["--from", "prev.json"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(try Self.saved(files).respondent == Respondent(name: "Ada", role: "CEO", organization: "Acme"))
    }

    @Test func aCSVAnswerSheetOrAOneRowExportWillDo() throws {
        let files = try Self.files()
        let run = Self.survey("\n", ["--from", "sheet.csv"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(try Self.saved(files).respondent.name == "Zoë Müller")

        // Rows end in CR LF; a quoted note holds a bare LF.
        let rows = String(decoding: try #require(files.files["wide.csv"]), as: UTF8.self).components(separatedBy: "\r\n")
        try files.write(rows.prefix(2).joined(separator: "\r\n") + "\r\n", to: "one-row.csv")
        let oneRow = CommandRun(
            ["survey", "other.json", "--questionnaire", "q.json", "--from", "one-row.csv"], stdin: "", files: files)
        #expect(oneRow.exitCode == .success, "\(oneRow.errorOutput)")
        #expect(try Self.saved(files, "other.json").respondent.organization == "Acme, Inc.")
    }

    @Test func aMissingPreviousIs66AndNothingIsWritten() throws {
        let files = try Self.files()
        let run = Self.survey("\n", ["--from", "nowhere.json"], files: files)
        #expect(run.exitCode == .noInput)
        #expect(run.errorOutput == "nowhere.json: no such file; check the path and the current directory\n")
        #expect(files.files["new.json"] == nil)
    }

    @Test func anInvalidPreviousIs65WithWhatIsWrong() throws {
        let files = try Self.files()
        try files.write("{\"schema\": \"laer-answers/1\",", to: "broken.json")
        let broken = Self.survey("\n", ["--from", "broken.json"], files: files)
        #expect(broken.exitCode == .dataError)
        #expect(broken.errorOutput.hasPrefix("broken.json: "))
        #expect(files.files["new.json"] == nil)

        let text = try TestFiles.fixtureText(
            "answers-mini.json", replacing: [("\"k3\": {\"rating\": \"largely\"}", "\"k3\": {\"rating\": \"mostly\"}")])
        try files.write(text, to: "bad-rating.json")
        let badRating = Self.survey("\n", ["--from", "bad-rating.json"], files: files)
        #expect(badRating.exitCode == .dataError)
        #expect(badRating.errorOutput.contains("bad-rating.json: answers.k3.rating: \"mostly\" is not a rating"))
    }

    @Test func aWideExportOfSeveralIs65AndSaysToPickOne() throws {
        let files = try Self.files()
        let run = Self.survey("\n", ["--from", "wide.csv"], files: files)
        #expect(run.exitCode == .dataError)
        #expect(
            run.errorOutput.hasPrefix(
                "wide.csv: holds 3 assessments (a wide export, one respondent per row); --from takes one: pick it"))
        #expect(files.files["new.json"] == nil)
    }

    @Test(arguments: ["new.json", "./new.json", ".//new.json"])
    func previousNamingTheNewFileIsAUsageError(from: String) throws {
        let files = try Self.files()
        let run = Self.survey("\n", ["--from", from], files: files)
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.hasPrefix("laer: --from names \(from), the answer file this survey writes"))
        #expect(files.files["new.json"] == nil)
    }

    @Test func standardInputAsPreviousIsAUsageError() throws {
        let run = Self.survey("\n", ["--from", "-"], files: try Self.files())
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.contains("where the survey reads this time's; name a file"))
    }

    @Test func theDefaultAnswerFileIsComparedToo() throws {
        let run = CommandRun(
            ["survey", "--questionnaire", "q.json", "--from", SurveyCommand.defaultFile], stdin: "", files: try Self.files())
        #expect(run.exitCode == .usage)
    }
}
