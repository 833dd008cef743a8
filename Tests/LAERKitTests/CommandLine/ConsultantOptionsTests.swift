import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERFormats

/// The options a consultant reaches for: `--columns`, `--target` by any spelling, the templates.
@Suite struct ConsultantOptionsTests {
    static let mini = BatchScoringTests.mini

    /// A survey tool's export whose columns the defaults do not know.
    static let export =
        "Who answered,Client,Filled in,k2,k3\nAda Lovelace,Acme,2026-11-25,fully,largely\nBen Okafor,Acme,2026-11-26,not,\n"

    @Test func aColumnMapNamesASurveyToolsColumns() throws {
        let scratch = try BatchScoringTests.Scratch()
        try scratch.write("export.csv", Self.export)
        let map = "respondent=Who answered,organization=Client,assessedOn=Filled in"
        let run = CommandRun([
            "score", scratch.path + "/export.csv", "--questionnaire", Self.mini, "--columns", map, "-f", "csv",
        ])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let rows = try CSVReader.parse(run.output)
        #expect(rows.dropFirst().map { $0.fields[1] } == ["Ada Lovelace", "Ben Okafor"])
        #expect(rows.dropFirst().map { $0.fields[3] } == ["Acme", "Acme"])
        let validate = CommandRun(["validate", scratch.path + "/export.csv", "--questionnaire", Self.mini, "--columns", map])
        #expect(validate.exitCode == .success && validate.output.hasSuffix("(2 respondents)\n"))
    }

    @Test func aColumnMapNamingAColumnTheFileLacksIsUsageWithTheClosestHeader() throws {
        let scratch = try BatchScoringTests.Scratch()
        try scratch.write("export.csv", Self.export)
        let map = "respondent=Who answerd,organization=Client,assessedOn=Filled in"
        for command in ["score", "validate"] {
            let run = CommandRun([command, scratch.path + "/export.csv", "--questionnaire", Self.mini, "--columns", map])
            #expect(run.exitCode == .usage, "\(command): \(run.errorOutput)")
            #expect(run.errorOutput.contains("Who answered"), "\(command): \(run.errorOutput)")
        }
        let bad = CommandRun(["score", scratch.path + "/export.csv", "--questionnaire", Self.mini, "--columns", "respondant=X"])
        #expect(bad.exitCode == .usage && bad.errorOutput.contains("did you mean \"respondent\"?"))
    }

    @Test(arguments: [
        ("4", "laer-efficient"), ("efficient", "laer-efficient"), ("LAER Effective", "laer-effective"),
        ("laer-experiment", "laer-experiment"), ("Experiment", "laer-experiment"),
    ])
    func theTargetTakesANumberANameOrAnID(target: String, phase: String) throws {
        let run = CommandRun([
            "score", TestFiles.fixture("answers-mini.json").path, "--questionnaire", Self.mini, "--target", target, "-f", "json",
        ])
        #expect(run.exitCode == .success)
        #expect(try JSONParser.parse(run.output).objectValue?["target"] == .string(phase))
    }

    @Test func aTargetThatNamesNoPhaseSuggestsOne() {
        let run = CommandRun([
            "score", TestFiles.fixture("answers-mini.json").path, "--questionnaire", Self.mini, "--target", "efficent",
        ])
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.hasPrefix("laer: 'efficent' is not a phase for --target (did you mean 'efficient'?); give 1–4"))
    }

    @Test func theWideHeaderTemplateReadsBackAsAnExport() throws {
        let scratch = try BatchScoringTests.Scratch()
        let header = CommandRun(["template", "--format", "wide-csv", "--questionnaire", Self.mini])
        #expect(header.exitCode == .success)
        let columns = try #require(try CSVReader.parse(header.output).first).fields
        #expect(Array(columns.prefix(5)) == ["respondent", "role", "organization", "assessedOn", "period"])
        #expect(columns.contains("k2") && columns.contains("roadsign.sales-admits"))
        let row = columns.map { $0 == "respondent" ? "Ada" : $0 == "assessedOn" ? "2026-11-25" : $0 == "k2" ? "fully" : "" }
        try scratch.write("export.csv", header.output + CSVWriter(lineEnd: "\r\n").text([row]))
        let score = CommandRun(["score", scratch.path + "/export.csv", "--questionnaire", Self.mini, "-f", "json"])
        #expect(score.exitCode == .success, "\(score.errorOutput)")
        #expect(try JSONParser.parse(score.output).objectValue?["ratings"] == .object(JSONObject(["k2": .string("fully")])))
    }

    @Test func theSheetTemplateCarriesTodayAndScoresBlankWithAWarning() throws {
        let scratch = try BatchScoringTests.Scratch()
        let sheet = CommandRun(["template", "--format", "csv", "--questionnaire", Self.mini], today: "2026-12-02")
        #expect(sheet.output.contains("assessedOn,,,\"Date of this assessment, YYYY-MM-DD\",2026-12-02,"))
        try scratch.write("answers.csv", sheet.output)
        let score = CommandRun(["score", scratch.path + "/answers.csv", "--questionnaire", Self.mini])
        #expect(score.exitCode == .success)
        #expect(score.errorOutput.contains("warning: nothing is answered"))
    }
}
