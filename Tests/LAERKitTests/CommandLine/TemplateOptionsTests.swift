import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERSurvey
@testable import LAERValues

/// `laer template` with the respondent's details, `--from` and the HTML form, through
/// `CommandRegistry.run` with the files in memory.
@Suite struct TemplateOptionsTests {
    static let today = "2027-03-02"

    static func files() throws -> InMemoryFiles {
        InMemoryFiles([
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
            "prev.json": Array(try TestFiles.fixtureText("answers-mini.json").utf8),
            "wide.csv": Array(try TestFiles.fixtureText("wide-mini.csv").utf8),
        ])
    }

    static func template(_ arguments: [String], files: InMemoryFiles) -> CommandRun {
        CommandRun(["template", "--questionnaire", "q.json"] + arguments, files: files, today: today)
    }

    static func questionnaire(_ files: InMemoryFiles) throws -> Questionnaire {
        try QuestionnaireLoader.load(try files.read("q.json"))
    }

    static func text(_ files: InMemoryFiles, _ path: String) throws -> String {
        String(decoding: try files.read(path).bytes, as: UTF8.self)
    }

    @Test func anOutFileEndingInHTMLIsTheFormAndFormatOverridesTheExtension() throws {
        let files = try Self.files()
        let run = Self.template(["--out", "form.html"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(try Self.text(files, "form.html") == AnswerForm.document(for: try Self.questionnaire(files)))
        #expect(Self.template(["--out", "f.HTM"], files: files).exitCode == .success)
        #expect(try Self.text(files, "f.HTM") == (try Self.text(files, "form.html")))
        #expect(Self.template(["--out", "paper.md"], files: files).exitCode == .success)
        #expect(try Self.text(files, "paper.md") == AnswerTemplate.markdown(for: try Self.questionnaire(files)))
        #expect(Self.template(["--out", "answers.html", "--format", "json"], files: files).exitCode == .success)
        #expect(try Self.text(files, "answers.html").hasPrefix("{\n  \"schema\": \"laer-answers/1\""))
        #expect(Self.template(["--out", "answers.txt"], files: files).exitCode == .success)
        #expect(try Self.text(files, "answers.txt").hasPrefix("{"), "an extension that names no template is json")
    }

    @Test func theDetailsFillTheForm() throws {
        let files = try Self.files()
        let run = Self.template(
            ["--format", "html", "--name", "Ada", "--role", "CRO", "--organization", "Acme", "--period", "2027-Q1"],
            files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let prefill = AnswerForm.Prefill(
            respondent: Respondent(name: "Ada", role: "CRO", organization: "Acme"), period: "2027-Q1")
        #expect(run.output == AnswerForm.document(for: try Self.questionnaire(files), prefill: prefill))
    }

    @Test func fromStartsTheFormWithLastTimesRespondentAndAnswersAndTheDetailsOverrideIt() throws {
        let files = try Self.files()
        let questionnaire = try Self.questionnaire(files)
        let previous = try AnswerLoader.load(try files.read("prev.json"), questionnaire: questionnaire)
        let run = Self.template(
            ["--format", "html", "--from", "prev.json", "--role", "CEO", "--period", "2027-Q1"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        var respondent = previous.respondent
        respondent.role = "CEO"
        let prefill = AnswerForm.Prefill(respondent: respondent, period: "2027-Q1", previous: previous, previousFile: "prev.json")
        #expect(run.output == AnswerForm.document(for: questionnaire, prefill: prefill))
        #expect(run.output.contains("value=\"Zoë Müller\""), "last time's name")
        #expect(!run.output.contains("value=\"2026-Q4\""), "not last time's period")
    }

    @Test func fromTakesOneAssessmentAndNamesTheFileThatHoldsSeveral() throws {
        let files = try Self.files()
        let run = Self.template(["--format", "html", "--from", "wide.csv"], files: files)
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains("wide.csv: holds"), "\(run.errorOutput)")
        let missing = Self.template(["--format", "html", "--from", "nope.json"], files: files)
        #expect(missing.exitCode == .noInput)
    }

    @Test(arguments: [["--format", "json"], ["--out", "sheet.csv"], ["--format", "markdown"], []])
    func fromWithAnotherFormatIsUsage(format: [String]) throws {
        let run = Self.template(format + ["--from", "prev.json"], files: try Self.files())
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.contains("--from shows last time's answers in the HTML form"), "\(run.errorOutput)")
        #expect(run.errorOutput.contains("--format html"))
    }

    @Test func theWideHeaderTakesNoRespondent() throws {
        let run = Self.template(["--format", "wide-csv", "--organization", "Acme"], files: try Self.files())
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.contains("--organization fills in one respondent"), "\(run.errorOutput)")
    }

    @Test func theDetailsFillTheJSONTemplateAndItStillValidates() throws {
        let files = try Self.files()
        let run = Self.template(["--name", "Ada", "--organization", "Acme", "--period", "2027-Q1"], files: files)
        #expect(run.exitCode == .success)
        #expect(
            run.output
                == AnswerTemplate.json(
                    for: try Self.questionnaire(files), today: Self.today,
                    respondent: Respondent(name: "Ada", organization: "Acme"),
                    period: "2027-Q1"))
        let document = try #require(try JSONParser.parse(run.output).objectValue)
        #expect(document["respondent"]?.objectValue?["name"] == .string("Ada"))
        #expect(document["respondent"]?.objectValue?["role"] == .string(""))
        #expect(document["period"] == .string("2027-Q1"))
        let assessment = try AnswerLoader.load(
            InputFile(displayName: "t.json", bytes: Array(run.output.utf8)), questionnaire: try Self.questionnaire(files))
        #expect(assessment.respondent == Respondent(name: "Ada", organization: "Acme"))
        #expect(assessment.period == "2027-Q1")
    }

    @Test func theDetailsFillTheSheetAndThePaperQuestionnaire() throws {
        let files = try Self.files()
        let questionnaire = try Self.questionnaire(files)
        #expect(
            Self.template(["--out", "s.csv", "--name", "Zoë", "--role", "CRO", "--period", "2027-Q1"], files: files).exitCode
                == .success)
        let sheet = try AnswerSheet.load(try files.read("s.csv"), questionnaire: questionnaire)
        #expect(sheet.respondent == Respondent(name: "Zoë", role: "CRO"))
        #expect(sheet.period == "2027-Q1")
        #expect(sheet.assessedOn == Self.today)
        let paper = Self.template(["--format", "markdown", "--name", "Ada *Lovelace*", "--period", "2027-Q1"], files: files)
        #expect(
            paper.output.contains("- Name: Ada \\*Lovelace\\*\n- Role: ______________________\n"), "\(paper.output.prefix(600))")
        #expect(paper.output.contains("- Period (such as 2026-Q1): 2027-Q1\n"))
    }

    @Test func aControlCharacterInADetailIsNotWrittenRaw() throws {
        let run = Self.template(["--format", "html", "--name", "Ada\u{1B}[31m"], files: try Self.files())
        #expect(run.exitCode == .success)
        #expect(!run.output.contains("\u{1B}"))
    }
}
