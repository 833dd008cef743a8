import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine

/// `validate` takes every input `score` takes and says the same of it.
@Suite struct ValidateInputsTests {
    static let mini = BatchScoringTests.mini

    @Test func aWideExportIsValidatedAsScoreReadsIt() {
        let wide = TestFiles.fixture("wide-mini.csv").path
        let validate = CommandRun(["validate", wide, "--questionnaire", Self.mini])
        #expect(validate.exitCode == .success)
        #expect(validate.output == "\(wide): valid wide export for mini 1.0.0 (3 respondents)\n")
        let score = CommandRun(["score", wide, "--questionnaire", Self.mini, "-f", "csv"])
        #expect(score.errorOutput.hasPrefix(validate.errorOutput) && !validate.errorOutput.isEmpty)
    }

    @Test func aBadRowOfAWideExportIsReportedWithItsPlace() throws {
        let scratch = try BatchScoringTests.Scratch()
        try scratch.write("export.csv", "respondent,assessedOn,k2,k3\nAda,2026-11-25,fully,largely\nBen,2026-11-26,sometimes,\n")
        let run = CommandRun(["validate", scratch.path + "/export.csv", "--questionnaire", Self.mini])
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains("\(scratch.path)/export.csv: row 3, column k2: "))
        let score = CommandRun(["score", scratch.path + "/export.csv", "--questionnaire", Self.mini, "-f", "csv"])
        let rowMessage = run.errorOutput.split(separator: "\n").first { $0.contains("row 3") }
        #expect(score.errorOutput.contains(try #require(rowMessage)))
    }

    @Test func aDirectoryIsEveryInputInIt() throws {
        let scratch = try BatchScoringTests.Scratch()
        try scratch.write(
            "in/a.json", BatchScoringTests.answers(name: "A", organization: nil, BatchScoringTests.allFully()))
        try scratch.write("in/deeper/b.json", "{ not json")
        try scratch.write("in/notes.txt", "ignored")
        let run = CommandRun(["validate", scratch.path + "/in", "--questionnaire", Self.mini])
        #expect(run.exitCode == .dataError)
        #expect(run.output == "\(scratch.path)/in/a.json: valid answer file for mini 1.0.0 (15 of 15 capabilities answered)\n")
        #expect(run.errorOutput.hasPrefix("\(scratch.path)/in/deeper/b.json: "))
        let missing = CommandRun(["validate", scratch.path + "/none", "--questionnaire", Self.mini])
        #expect(missing.exitCode == .noInput && missing.errorOutput.hasPrefix("\(scratch.path)/none: "))
    }
}
