import LAERQuestionnaires
import LAERTestSupport
import Testing

@testable import LAERFormats
@testable import LAERReports
@testable import LAERSystem

@Suite struct QuestionnaireCommandTests {
    @Test func jsonPrintsTheEmbeddedDocument() throws {
        let run = CommandRun(["questionnaire", "--format", "json"])
        #expect(run.exitCode == .success)
        let embedded = String(decoding: BuiltInQuestionnaire.newest.bytes, as: UTF8.self)
        #expect(run.output == (embedded.hasSuffix("\n") ? embedded : embedded + "\n"))
    }

    @Test func jsonOfAnotherQuestionnaireIsThatDocument() throws {
        let path = TestFiles.fixture("mini-questionnaire.json").path
        let run = CommandRun(["questionnaire", "--questionnaire", path, "-f", "json"])
        #expect(try JSONParser.parse(run.output) == JSONParser.parse(TestFiles.fixtureText("mini-questionnaire.json")))
    }

    @Test func readsTheQuestionnaireFromStandardInput() throws {
        let run = CommandRun(
            ["questionnaire", "--questionnaire", "-"], stdin: try TestFiles.fixtureText("mini-questionnaire.json"))
        #expect(run.exitCode == .success)
        #expect(run.output.hasPrefix("Mini questionnaire (mini 1.0.0)\n"))
    }

    @Test func aBrokenQuestionnaireExits65AndAMissingOne66() throws {
        let broken = CommandRun(["questionnaire", "--questionnaire", "-"], stdin: "{\"schema\": 1}")
        #expect(broken.exitCode == .dataError)
        #expect(
            broken.errorOutput.hasPrefix(
                "<stdin>: schema: expected \"schema\": \"laer-questionnaire/1\" (a string), found a number\n"))
        let missing = CommandRun(["questionnaire", "--questionnaire", "/nonexistent/q.json"])
        #expect(missing.exitCode == .noInput)
        #expect(missing.errorOutput == "/nonexistent/q.json: no such file; check the path and the current directory\n")
    }

    @Test func textAndMarkdownOfTheMiniQuestionnaireMatchTheirGoldenFiles() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        try assertSnapshot(QuestionnaireTextRenderer().render(questionnaire), named: "questionnaire-mini.txt")
        try assertSnapshot(QuestionnaireMarkdownRenderer().render(questionnaire), named: "questionnaire-mini.md")
    }

    @Test func textOfTheBuiltInQuestionnaireFitsEightyColumns() throws {
        let text = CommandRun(["questionnaire"]).output
        let longest = text.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest <= 80)
        #expect(text.contains("kpis-2-"))
    }
}

@Suite struct ValidateCommandTests {
    @Test func aValidQuestionnaireGetsOneLineOnStandardOutput() {
        let run = CommandRun(["validate", TestFiles.fixture("mini-questionnaire.json").path])
        #expect(run.exitCode == .success)
        #expect(run.output.hasSuffix("mini-questionnaire.json: valid questionnaire mini 1.0.0 (15 capabilities)\n"))
        #expect(run.errorOutput.isEmpty)
    }

    @Test func reportsEveryProblemOfEveryFileAndExits65() throws {
        let text = try TestFiles.fixtureText(
            "mini-questionnaire.json",
            replacing: [(#""version": "1.0.0""#, #""version": "1""#), (#""weight": 3"#, #""weight": 5"#)])
        let run = CommandRun(["validate", "-", TestFiles.fixture("mini-questionnaire.json").path], stdin: text)
        #expect(run.exitCode == .dataError)
        #expect(
            run.errorOutput == """
                <stdin>: version: "1" is not a semantic version; write MAJOR.MINOR.PATCH, such as "1.0.0"
                <stdin>: capabilities[1].weight: 5 is outside 1–3; use 1, 2 or 3

                """)
        #expect(run.output.hasSuffix("mini-questionnaire.json: valid questionnaire mini 1.0.0 (15 capabilities)\n"))
    }

    @Test func aFileThatCannotBeReadExits66AndTheOthersAreStillChecked() {
        let run = CommandRun(["validate", "/nonexistent.json", TestFiles.fixture("mini-questionnaire.json").path])
        #expect(run.exitCode == .noInput)
        #expect(run.errorOutput == "/nonexistent.json: no such file; check the path and the current directory\n")
        #expect(run.output.contains("valid questionnaire mini"))
    }

    @Test func warningsAloneDoNotFail() throws {
        let text = try TestFiles.fixtureText(
            "mini-questionnaire.json",
            replacing: [(#""title": "Mini questionnaire","#, #""title": "Mini questionnaire", "titel": "x","#)])
        let run = CommandRun(["validate", "-"], stdin: text)
        #expect(run.exitCode == .success)
        #expect(run.errorOutput == "<stdin>: titel: warning: unknown member \"titel\" is ignored (did you mean \"title\"?)\n")
    }

    @Test func syntaxErrorsAndUnknownSchemasAreReported() {
        let syntax = CommandRun(["validate", "-"], stdin: "{\"a\": }")
        #expect(syntax.exitCode == .dataError)
        #expect(
            syntax.errorOutput
                == "<stdin>: line 1, column 7: unexpected character '}'; expected a value; fix the JSON at that place\n")
        let schema = CommandRun(["validate", "-"], stdin: "{\"schema\": \"laer-questionaire/1\"}")
        #expect(schema.exitCode == .dataError)
        #expect(
            schema.errorOutput
                == "<stdin>: schema: \"laer-questionaire/1\" is not a document laer can check; expected one of laer-questionnaire/1, laer-answers/1 (did you mean \"laer-questionnaire/1\"?)\n"
        )
    }

    @Test func needsAtLeastOneFile() {
        #expect(CommandRun(["validate"]).exitCode == .usage)
    }
}
